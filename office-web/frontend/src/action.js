import { ref } from 'vue'
import { describe } from './api.js'

/**
 * The state of one user action (a form's submit): busy while it runs — a second click meanwhile does nothing — and
 * its failure, in words for the user, in `error`. `run(fn)` returns what fn returned, or undefined when it failed.
 */
export function useAction() {
  const busy = ref(false)
  const error = ref('')
  async function run(fn) {
    if (busy.value) return undefined
    busy.value = true
    error.value = ''
    try {
      return await fn()
    } catch (e) {
      error.value = describe(e)
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { busy, error, run }
}

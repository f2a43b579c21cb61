// 常用语: my own phrases first, then the defaults everyone has (GET /api/phrases); I may save and delete my own.
import { ref, watch } from 'vue'
import { get, post, request } from './api.js'
import { session } from './session.js'

const phrases = ref([])
let loading = null

export function usePhrases() {
  if (!loading) {
    loading = get('/api/phrases').then((list) => { phrases.value = list }).catch(() => { loading = null })
  }
  async function save(content) {
    await post('/api/phrases', { content })
    loading = null
    phrases.value = await get('/api/phrases')
  }
  async function remove(id) {
    await request('DELETE', `/api/phrases/${id}`)
    phrases.value = phrases.value.filter((p) => p.id !== id)
  }
  return { phrases, save, remove }
}

// another person may sign in on this tab: forget the list
watch(() => session.token, () => {
  loading = null
  phrases.value = []
})

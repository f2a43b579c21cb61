// Loading a task with its case, and completing it: shared by the desktop and the phone task pages.
import { computed, ref } from 'vue'
import { get, post, describe } from './api.js'
import { DECISION, NEEDS_OPINION } from './labels.js'

/** Steps without a decision and what their one button says. */
const NO_DECISION = {
  deliver: '确认送达',
  collectPendingMaterials: '容缺材料已补齐',
  registerSupplement: '登记补正'
}

export function useTaskWork(taskId) {
  const task = ref(null)
  const view = ref(null)
  const loading = ref(true)
  const error = ref('')
  const busy = ref(false)
  const done = ref(null)
  const opinion = ref('')
  const pending = ref([])

  const actions = computed(() => {
    if (!task.value) return []
    if (task.value.decisions.length) {
      return task.value.decisions.map((d) => ({ decision: d, text: DECISION[d] || d }))
    }
    return [{ decision: null, text: NO_DECISION[task.value.activityId] || '办理完成' }]
  })

  async function load() {
    loading.value = true
    error.value = ''
    try {
      task.value = await get(`/api/tasks/${taskId}`)
      // only the one-window processes' subjects are cases; documents and supervision items have their own pages
      const isCase = ['one-window-approval', 'dispatch-departments'].includes(task.value.processKey)
      view.value = task.value.subject && isCase ? await get(`/api/cases/${task.value.subject.id}`) : null
    } catch (e) {
      error.value = describe(e)
    } finally {
      loading.value = false
    }
  }

  /** Completes the task; returns true when done. A decision that needs a reason is checked here first. */
  async function complete(decision) {
    error.value = ''
    if (NEEDS_OPINION.includes(decision) && !opinion.value.trim()) {
      error.value = `「${DECISION[decision]}」须填写意见`
      return false
    }
    if (decision === 'ACCEPT_WITH_PENDING' && !pending.value.length) {
      error.value = '容缺受理须勾选暂缺的非要件材料'
      return false
    }
    busy.value = true
    try {
      await post(`/api/tasks/${taskId}/complete`, {
        decision,
        opinion: opinion.value.trim() || null,
        pendingMaterials: decision === 'ACCEPT_WITH_PENDING' ? pending.value : []
      })
      done.value = { decision, text: decision ? DECISION[decision] || decision : '办理完成' }
      return true
    } catch (e) {
      error.value = describe(e)
      return false
    } finally {
      busy.value = false
    }
  }

  return { task, view, loading, error, busy, done, opinion, pending, actions, load, complete }
}

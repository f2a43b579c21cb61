// My conversations for the list pages (desktop and phone): loaded over REST, kept current from the live
// connection — a new message moves its conversation up and counts as unread unless it is the one open.
import { computed, onBeforeUnmount, onMounted, ref, unref } from 'vue'
import { get, describe } from './api.js'
import { onLive } from './live.js'
import { session } from './session.js'

export function useConversations(activeId) {
  const items = ref([])
  const loaded = ref(false)
  const error = ref('')

  async function load() {
    try {
      items.value = await get('/api/conversations')
      loaded.value = true
      error.value = ''
    } catch (e) {
      error.value = describe(e)
    }
  }

  function readConversation(id) {
    const c = items.value.find((x) => x.id === id)
    if (c) c.unreadCount = 0
  }

  const stops = [
    onLive('messages', (m) => {
      const c = m && items.value.find((x) => x.id === m.conversationId)
      if (!c) return load()
      c.lastMessage = m
      if (m.sender !== session.user?.username && m.conversationId !== unref(activeId)) c.unreadCount += 1
      items.value = [c, ...items.value.filter((x) => x !== c)]
    }),
    onLive('conversations', () => load())
  ]
  onBeforeUnmount(() => stops.forEach((s) => s()))
  onMounted(load)

  const unreadTotal = computed(() => items.value.reduce((n, c) => n + c.unreadCount, 0))
  return { items, loaded, error, unreadTotal, readConversation, load }
}

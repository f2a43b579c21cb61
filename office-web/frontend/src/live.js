// The live connection: one STOMP client over WebSocket (/ws, same origin) per signed-in tab, with the session's
// bearer token on CONNECT. It keeps the notification bell's unread count, shows a toast for each new notice, and
// passes new messages, read receipts and joined conversations to whichever page listens. It reconnects by itself
// (the server hands over notices missed meanwhile on /app/notifications/pending) and stops at sign-out.
import { reactive, watch } from 'vue'
import { Client } from '@stomp/stompjs'
import { ElNotification } from 'element-plus'
import { showNotify } from 'vant'
import { session } from './session.js'
import { isMobile } from './layout.js'
import { NOTIFICATION_TYPE } from './labels.js'
import router from './router.js'

export const live = reactive({
  /** also shown as `data-live="on"` on the page's root element (a style hook, and what the browser tests wait for) */
  connected: false,
  /** unread notices (the bell) */
  unread: 0,
  /** the newest notices received live this session, newest first */
  recent: []
})

watch(() => live.connected, (on) => { document.documentElement.dataset.live = on ? 'on' : 'off' }, { immediate: true })

const listeners = { messages: new Set(), receipts: new Set(), conversations: new Set(), notifications: new Set() }
const seen = new Set()
let client = null

/** Calls `handler(body)` for each event of `kind` until the returned function is called. */
export function onLive(kind, handler) {
  listeners[kind].add(handler)
  return () => listeners[kind].delete(handler)
}

function emit(kind, body) {
  listeners[kind].forEach((h) => {
    try {
      h(body)
    } catch (e) {
      console.warn('live listener failed', e)
    }
  })
}

function json(frame) {
  try {
    return JSON.parse(frame.body)
  } catch {
    return null
  }
}

/** A notice arrived (live or handed over): count it once, tell the pages, show a toast. */
function notice(n, toast) {
  if (!n || seen.has(n.id)) return
  seen.add(n.id)
  if (!n.readAt) live.unread += 1
  live.recent.unshift(n)
  live.recent.splice(20)
  emit('notifications', n)
  if (toast) showToast(n)
}

function showToast(n) {
  const kind = NOTIFICATION_TYPE[n.type] || '通知'
  const urgent = ['URGED', 'URGENT_MESSAGE', 'OVERDUE', 'ESCALATION'].includes(n.type)
  if (isMobile.value) {
    showNotify({ type: urgent ? 'danger' : 'primary', message: `${kind}：${n.title}`, duration: 5000,
      className: 'tb-toast' })
    return
  }
  ElNotification({
    title: kind,
    message: n.title,
    type: urgent ? 'warning' : 'info',
    duration: 6000,
    // bottom right: at the top they would cover the bell and the user menu
    position: 'bottom-right',
    customClass: `tb-toast tb-toast-${n.type}`,
    onClick: () => { if (n.link) router.push(n.link) }
  })
}

function connect(token) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  client = new Client({
    brokerURL: `${scheme}://${location.host}/ws`,
    connectHeaders: { Authorization: `Bearer ${token}` },
    reconnectDelay: 5000,
    heartbeatIncoming: 0,
    heartbeatOutgoing: 0,
    debug: () => {}
  })
  client.onConnect = () => {
    live.connected = true
    client.subscribe('/user/queue/notifications', (f) => notice(json(f), true))
    client.subscribe('/user/queue/messages', (f) => emit('messages', json(f)))
    client.subscribe('/user/queue/receipts', (f) => emit('receipts', json(f)))
    client.subscribe('/user/queue/conversations', (f) => emit('conversations', json(f)))
    // replies to these subscriptions: my unread count, then what was waiting while I was away (no toast storm)
    client.subscribe('/app/notifications/unread-count', (f) => { live.unread = json(f)?.count ?? live.unread })
    client.subscribe('/app/notifications/pending', (f) => (json(f) || []).forEach((n) => {
      if (!seen.has(n.id)) { seen.add(n.id); live.recent.unshift(n); emit('notifications', n) }
    }))
  }
  client.onWebSocketClose = () => { live.connected = false }
  client.onStompError = () => { live.connected = false }
  client.activate()
}

function disconnect() {
  if (client) {
    client.deactivate()
    client = null
  }
  live.connected = false
  live.unread = 0
  live.recent = []
  seen.clear()
}

/** Follows the session: connects after sign-in (or on a reload with a token), disconnects at sign-out. */
export function startLive() {
  watch(() => session.token, (token) => {
    disconnect()
    if (token) connect(token)
  }, { immediate: true })
}

/** The page read notices itself (REST): lower the bell's count. */
export function noticesRead(count) {
  live.unread = Math.max(0, live.unread - count)
}

export function setUnread(count) {
  live.unread = count
}

// Who is signed in. The bearer token lives in sessionStorage: it ends with the browser tab, and a page
// reload keeps it. The server ends the session itself after 30 idle minutes or at logout.
import { reactive } from 'vue'

const KEY = 'tongban.session'

function load() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) || {}
  } catch {
    return {}
  }
}

const saved = load()

export const session = reactive({
  token: saved.token || null,
  user: saved.user || null,
  // why the last session ended (the server's problem detail), shown once on the login page
  notice: null
})

export function signIn(token, user) {
  session.token = token
  session.user = user
  session.notice = null
  sessionStorage.setItem(KEY, JSON.stringify({ token, user }))
}

export function signOut(notice = null) {
  session.token = null
  session.user = null
  session.notice = notice
  sessionStorage.removeItem(KEY)
}

export function hasRole(role) {
  return (session.user?.positions || []).some((p) => p.role === role)
}

export function departmentsWithRole(role) {
  return (session.user?.positions || []).filter((p) => p.role === role).map((p) => p.departmentCode)
}

// The address book: people search, the tree of agencies and departments, and starting a direct chat.
import { get, post } from './api.js'
import router from './router.js'

export const searchPeople = (q) => get(`/api/directory/people?q=${encodeURIComponent(q || '')}`)

/** The directory tree as nodes for a tree view: agencies and departments, people as leaves. */
export async function directoryTree() {
  const nodes = await get('/api/directory/tree')
  const convert = (n) => ({
    key: `${n.kind}:${n.code}`,
    label: n.name,
    kind: n.kind,
    children: [...n.children.map(convert),
      ...n.people.map((p) => ({ key: `P:${n.code}:${p.username}`, label: p.displayName, kind: 'PERSON', person: p }))]
  })
  return nodes.map(convert)
}

/** Opens the direct conversation with `username` (created the first time). */
export async function chatWith(username) {
  const conversation = await post('/api/conversations/direct', { username })
  router.push(`/messages/${conversation.id}`)
}

export function postsOf(person) {
  return person.positions.map((p) => `${p.agencyName} · ${p.departmentName}`)
}

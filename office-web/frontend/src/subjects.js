// Where a workbench subject leads, by the process it belongs to: cases, documents and supervision items have pages.
export function subjectLink(processKey, subject) {
  if (!subject || !subject.id) return null
  if (!processKey || processKey === 'one-window-approval' || processKey === 'dispatch-departments') return `/cases/${subject.id}`
  if (processKey.startsWith('document-')) return `/documents/${subject.id}`
  if (processKey === 'supervision') return `/supervision/items/${subject.id}`
  return null
}

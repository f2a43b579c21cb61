// Department names by code, loaded once per page load from the directory.
import { reactive } from 'vue'
import { get } from './api.js'

const names = reactive({})
let loading = null

export function useDepartments() {
  if (!loading) {
    loading = get('/api/directory/departments')
      .then((list) => list.forEach((d) => { names[d.code] = d.name }))
      .catch(() => { loading = null })
  }
  return { departmentName: (code) => (code ? names[code] || code : '—'), ready: loading }
}

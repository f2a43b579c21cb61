// The only way the UI talks to the server: JSON over fetch with the bearer token. Failures become ApiError
// with the server's plain-Chinese problem detail; a 401 ends the session and returns to the login page.
import { session, signOut } from './session.js'
import router from './router.js'

export class ApiError extends Error {
  constructor(status, message, errors = {}) {
    super(message)
    this.status = status
    this.errors = errors || {}
  }
}

const FALLBACK = {
  400: '提交的内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '您无权进行此操作',
  404: '内容不存在或您无权查看',
  409: '该事项已被他人处理或状态已变化，请刷新后再试',
  413: '提交的内容过大',
  423: '账号已锁定，请稍后再试'
}

async function problem(res) {
  try {
    const body = await res.json()
    return { detail: body.detail || body.title, errors: body.errors }
  } catch {
    return {}
  }
}

export async function request(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' }
  if (session.token) headers.Authorization = `Bearer ${session.token}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let res
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  } catch {
    throw new ApiError(0, '无法连接服务器，请检查网络后重试')
  }
  if (res.ok) {
    return res.status === 204 ? null : res.json()
  }
  const { detail, errors } = await problem(res)
  const message = detail || FALLBACK[res.status] || `服务器出错（${res.status}），请稍后再试`
  if (res.status === 401 && !path.startsWith('/api/auth/login')) {
    signOut(message)
    const here = router.currentRoute.value
    if (here.name !== 'login') {
      router.push({ name: 'login', query: here.fullPath && here.fullPath !== '/' ? { redirect: here.fullPath } : {} })
    }
  }
  throw new ApiError(res.status, message, errors)
}

export const get = (path) => request('GET', path)
export const post = (path, body) => request('POST', path, body === undefined ? {} : body)

/** Chinese for the field names the server uses in `errors`. */
export const FIELD = {
  applicantType: '申请人类型',
  applicantName: '申请人名称',
  applicantIdNumber: '证件号码',
  applicantPhone: '联系电话',
  matterCodes: '事项',
  bundleCode: '一件事',
  decision: '决定',
  opinion: '意见',
  pendingMaterials: '容缺材料',
  departmentCode: '部门',
  note: '说明'
}

/** One readable line for an error: the detail and, when given, each field's problem. */
export function describe(error) {
  if (!(error instanceof ApiError)) return '操作失败，请稍后再试'
  const fields = Object.entries(error.errors || {}).map(([f, m]) => `${FIELD[f] || f}：${m}`)
  return fields.length ? `${error.message}（${fields.join('；')}）` : error.message
}

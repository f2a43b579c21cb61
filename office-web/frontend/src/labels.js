// Chinese names of the codes the API speaks in.

export const DECISION = {
  ACCEPT: '受理',
  ACCEPT_WITH_PENDING: '容缺受理',
  REFUSE: '不予受理',
  GRANT: '同意',
  DENY: '不同意',
  SUPPLEMENT: '要求补正',
  SUPPLEMENTED: '已补正',
  GRANTED: '准予许可',
  DENIED: '不予许可',
  REFUSED: '不予受理'
}

/** Decisions that need an opinion (the server checks too). */
export const NEEDS_OPINION = ['REFUSE', 'DENY', 'SUPPLEMENT']

/** Button look per decision: the approving one is primary, refusing ones are red. */
export const DECISION_TYPE = {
  ACCEPT: 'primary',
  ACCEPT_WITH_PENDING: 'warning',
  REFUSE: 'danger',
  GRANT: 'primary',
  DENY: 'danger',
  SUPPLEMENT: 'warning'
}

/** A matter's decision after consolidation. */
export const MATTER_DECISION = { GRANT: '准予许可', DENY: '不予许可' }

export const CASE_STATUS = {
  RECEIVED: '待受理',
  REFUSED: '不予受理',
  IN_REVIEW: '审查中',
  DELIVERING: '待送达',
  CLOSED: '已办结'
}

export const REVIEW_STATUS = {
  IN_PROGRESS: '审查中',
  SUPPLEMENTING: '待补正',
  DONE: '已完成',
  CANCELLED: '已取消'
}

export const MATERIAL_STATUS = {
  PROVIDED: '已提交',
  ELICENSE: '电子证照（免提交）',
  PENDING: '容缺待补',
  SUPPLEMENTED: '已补齐'
}

export const APPLICANT_TYPE = { PERSON: '自然人', ENTERPRISE: '企业法人' }

export const ROLE = {
  CLERK: '窗口受理员',
  HANDLER: '承办人',
  REVIEWER: '审核人',
  LEADER: '分管领导',
  OFFICE: '办公室',
  SUPERVISOR: '督办员',
  DESIGNER: '流程设计员',
  ADMIN: '系统管理员',
  AUDITOR: '审计员'
}

/**
 * 常用语. The per-user phrase book (add, edit, order one's own phrases) comes with the approval-operations
 * issue (#3); until its API lands, everyone gets this fixed default list.
 */
export const DEFAULT_PHRASES = [
  '材料齐全，予以受理',
  '经审查，符合条件，同意',
  '同意',
  '请补充相关材料后再报',
  '不符合条件，不予许可',
  '已送达申请人'
]

export function label(map, code) {
  return code == null ? '—' : map[code] || code
}

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hour12: false
})

export function formatTime(iso) {
  return iso ? TIME.format(new Date(iso)) : '—'
}

/**
 * 红黄绿灯 from a task's deadline: red when overdue, yellow when less than a third of its time is left, green
 * otherwise (the same rule as the server's work calendar). No deadline: no light.
 */
export function trafficLight(task, now = Date.now()) {
  if (!task.dueAt) return null
  const due = Date.parse(task.dueAt)
  const start = task.createdAt ? Date.parse(task.createdAt) : due
  if (now > due) return { color: 'RED', text: '已超期' }
  if (due - now < (due - start) / 3) return { color: 'YELLOW', text: '临近期限' }
  return { color: 'GREEN', text: '正常' }
}

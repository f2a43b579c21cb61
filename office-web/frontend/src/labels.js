// Chinese names of the codes the API speaks in.

export const DECISION = {
  ACCEPT: '受理',
  ACCEPT_WITH_PENDING: '容缺受理',
  REFUSE: '不予受理',
  GRANT: '同意',
  DENY: '不同意',
  AGREE: '同意',
  DISAGREE: '不同意',
  PROGRESS: '报送进展',
  REQUEST_CLOSE: '申请办结',
  SUBMIT: '提交',
  RETURN: '退回',
  SIGN: '签发',
  APPROVE: '批准',
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

/** Kinds of notice in the notification centre. */
export const NOTIFICATION_TYPE = {
  TASK_ASSIGNED: '新待办',
  TASK_OFFERED: '新待办',
  URGED: '催办',
  COPIED: '抄送',
  NEARLY_DUE: '临近期限',
  OVERDUE: '已超期',
  ESCALATION: '督办升级',
  ASSIGNED: '交办',
  DOCUMENT_DISTRIBUTED: '公文分发',
  FEEDBACK_DUE: '待反馈',
  FEEDBACK_MISSED: '反馈逾期',
  MENTIONED: '@我',
  URGENT_MESSAGE: '必达消息'
}

export const CONVERSATION_KIND = { DIRECT: '单聊', GROUP: '群聊', CASE: '办件群' }

/** What one did to a task (已办, the approval log). */
export const OPERATION = {
  CLAIM: '签收',
  COMPLETE: '办理',
  TRANSFER: '转办',
  DELEGATE: '委派',
  RESOLVE: '委派办毕',
  SEND_BACK: '退回',
  WITHDRAW: '撤回',
  ADD_SIGNER: '加签',
  REMOVE_SIGNER: '减签',
  COPY: '抄送',
  URGE: '催办'
}

/** What a tracked time limit belongs to (督办看板). */
export const DEADLINE_KIND = { CASE: '办件', CASE_REVIEW: '部门审查', SUPERVISION_ITEM: '督办事项', SUPERVISION_TASK: '督办子项' }
export const LIGHT = { GREEN: '正常', YELLOW: '临近期限', RED: '已超期' }
export const SUPERVISION_SOURCE = { INSTRUCTION: '领导批示', MEETING: '会议决定' }
export const SUPERVISION_STATUS = { SPLITTING: '分解交办', IN_PROGRESS: '办理中', CLOSING: '待销号', CLOSED: '已销号' }
export const SUB_ITEM_STATUS = { NEW: '待办理', IN_PROGRESS: '办理中', DONE: '已办结' }
export const FEEDBACK_KIND = { PROGRESS: '进展反馈', REQUEST_CLOSE: '申请办结' }
export const REVIEW_DECISION = { ACCEPT: '认可', RETURN: '退回' }

/** 公文 */
export const DOCUMENT_KIND = { RESOLUTION: '决议', DECISION: '决定', ORDER: '命令', COMMUNIQUE: '公报', ANNOUNCEMENT: '公告',
  PUBLIC_NOTICE: '通告', OPINION: '意见', NOTICE: '通知', CIRCULAR: '通报', REPORT: '报告', REQUEST: '请示', REPLY: '批复',
  MOTION: '议案', LETTER: '函', MINUTES: '纪要' }
export const DOCUMENT_STATUS = { DRAFTING: '拟稿中', SIGNED: '已签发', SEALED: '已用印', DISTRIBUTED: '已分发',
  RECEIVED: '已收文', REGISTERED: '已登记', INSTRUCTED: '已批办', CLOSED: '已办结', ARCHIVED: '已归档' }
export const DIRECTION = { OUTGOING: '发文', INCOMING: '收文' }
export const URGENCY = { URGENT: '加急', EXTRA_URGENT: '特急' }
export const CLASSIFICATION = { CONFIDENTIAL: '秘密', SECRET: '机密', TOP_SECRET: '绝密' }
/** The decisions each document step takes (steps without one take none). */
export const DOCUMENT_STEP_DECISIONS = {
  draft: ['SUBMIT'], check: ['AGREE', 'RETURN'], officeReview: ['AGREE', 'RETURN'], countersign: ['AGREE', 'DISAGREE'],
  signOff: ['SIGN', 'RETURN']
}
export const DOCUMENT_DECISION = { SUBMIT: '送核稿', AGREE: '同意', RETURN: '退回拟稿', DISAGREE: '不同意', SIGN: '签发' }

/** 跑动: why the applicant came to the window. */
export const VISIT_PURPOSE = { APPLY: '申请', SUPPLEMENT: '补交材料', COLLECT: '领取结果', ENQUIRY: '咨询', OTHER: '其他' }
/** 容缺: what a matter says happens when the pending materials are still missing at the deadline. */
export const PENDING_EXPIRY = { ESCALATE: '逾期升级督办', REFUSE: '逾期终止办理' }

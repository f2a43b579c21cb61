// Client routes. Each page has a desktop view (Element Plus) and a phone view (Vant, `mobile`); App.vue shows
// one of them by the screen width, so a link works on both.
import { createRouter, createWebHistory } from 'vue-router'
import { session } from './session.js'

const Placeholder = () => import('./views/Placeholder.vue')
const MobilePlaceholder = () => import('./mobile/MobilePlaceholder.vue')

function placeholder(path, title, text) {
  return {
    path,
    components: { default: Placeholder, mobile: MobilePlaceholder },
    props: { default: { title, text }, mobile: { title, text } },
    meta: { title }
  }
}

const routes = [
  { path: '/', redirect: '/workbench' },
  {
    path: '/login',
    name: 'login',
    components: { default: () => import('./views/Login.vue'), mobile: () => import('./views/Login.vue') },
    meta: { public: true, title: '登录' }
  },
  {
    // the applicant's page: no login, no office layout (issue #11)
    path: '/status',
    name: 'public-status',
    components: { default: () => import('./views/PublicStatus.vue'), mobile: () => import('./views/PublicStatus.vue') },
    meta: { public: true, bare: true, title: '办件进度查询' }
  },
  {
    path: '/workbench',
    name: 'workbench',
    components: { default: () => import('./views/Workbench.vue'), mobile: () => import('./mobile/MobileTodo.vue') },
    meta: { title: '工作台' }
  },
  {
    path: '/intake',
    name: 'intake',
    components: { default: () => import('./views/Intake.vue'), mobile: MobilePlaceholder },
    props: { mobile: { title: '窗口受理', text: '窗口受理需要核对材料清单，请在窗口的电脑上办理。' } },
    meta: { title: '窗口受理' }
  },
  {
    path: '/tasks/:id',
    name: 'task',
    components: { default: () => import('./views/TaskPage.vue'), mobile: () => import('./mobile/MobileTask.vue') },
    props: { default: true, mobile: true },
    meta: { title: '办理' }
  },
  {
    path: '/cases/:id',
    name: 'case',
    components: { default: () => import('./views/CasePage.vue'), mobile: () => import('./mobile/MobileCase.vue') },
    props: { default: true, mobile: true },
    meta: { title: '办件详情' }
  },
  {
    path: '/me',
    name: 'me',
    components: { default: () => import('./views/Me.vue'), mobile: () => import('./mobile/MobileMe.vue') },
    meta: { title: '我的' }
  },
  placeholder('/documents', '公文', '公文的拟稿、版本比对、会签、签发、分发与签收由「公文」议题（#5）提供，上线后在此办理。'),
  placeholder('/supervision', '督办', '督办事项、红黄绿灯、按单位统计的按时办结率与超期情况由「期限与督办」议题（#4）提供，上线后在此查看。'),
  placeholder('/messages', '消息', '会话、未读提醒、已读回执、紧急消息和实时通知由「协同」议题（#7）提供，上线后在此使用。'),
  placeholder('/contacts', '通讯录', '跨单位通讯录由「协同」议题（#7）提供，上线后在此查找同事。'),
  {
    path: '/designer',
    name: 'designer',
    components: { default: () => import('./designer/DesignerPage.vue'), mobile: MobilePlaceholder },
    props: { mobile: { title: '流程设计', text: '流程建模需要较大的屏幕，请在电脑上使用。' } },
    meta: { title: '流程设计' }
  },
  { path: '/:rest(.*)*', name: 'not-found', components: { default: Placeholder, mobile: MobilePlaceholder },
    props: { default: { title: '页面不存在', text: '您访问的页面不存在，请从左侧菜单进入。' },
      mobile: { title: '页面不存在', text: '您访问的页面不存在，请从底部标签进入。' } },
    meta: { title: '页面不存在' } }
]

const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach((to) => {
  if (!to.meta.public && !session.token) {
    return { name: 'login', query: to.fullPath !== '/' && to.fullPath !== '/workbench' ? { redirect: to.fullPath } : {} }
  }
})

router.afterEach((to) => {
  document.title = `${to.meta.title || ''} · 通办`
})

export default router

import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import Vant from 'vant'
import 'vant/lib/index.css'
import App from './App.vue'
import router from './router.js'
import { startLive } from './live.js'
import './style.css'

createApp(App).use(router).use(ElementPlus, { locale: zhCn }).use(Vant).mount('#app')
startLive()

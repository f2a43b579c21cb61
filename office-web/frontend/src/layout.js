// Phone or desktop: at 480 px wide or less the Vant layout is shown.
import { ref } from 'vue'

const query = window.matchMedia('(max-width: 480px)')
export const isMobile = ref(query.matches)
query.addEventListener('change', (e) => { isMobile.value = e.matches })

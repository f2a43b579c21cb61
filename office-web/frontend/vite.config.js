import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

// Vant's icon font names a CDN copy after its inline one; an office network may have no internet and the CSP
// allows no other origin, so only the inline font stays.
const noCdnFonts = {
  name: 'tongban-no-cdn-fonts',
  enforce: 'pre',
  transform(code, id) {
    if (id.includes('/node_modules/vant/') && id.endsWith('.css')) {
      return { code: code.replace(/,\s*url\(\/\/at\.alicdn\.com\/[^)]*\)\s*format\("woff"\)/g, ''), map: null }
    }
  }
}

// Built into office-web's classes so the jar serves it (SinglePageResources); the dev server proxies the API.
export default defineConfig({
  plugins: [vue(), noCdnFonts],
  build: {
    outDir: fileURLToPath(new URL('../target/classes/static', import.meta.url)),
    emptyOutDir: true,
    // no inline script anywhere: the Content-Security-Policy allows only this origin's files
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/bpmn-js') || id.includes('node_modules/diagram-js')) return 'bpmn'
          if (id.includes('node_modules/element-plus')) return 'element-plus'
          if (id.includes('node_modules/vant')) return 'vant'
        }
      }
    }
  },
  server: { proxy: { '/api': 'http://localhost:8080' } }
})

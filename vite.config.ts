import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The client lives in client/; `vite build` writes dist/, which the server serves on the same port.
// The service worker precaches the app shell and PGlite's wasm/data so a reload with no network works.
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Bizing',
        short_name: 'Bizing',
        description: 'Front desk, field work and dashboards that keep working offline.',
        theme_color: '#1f3a5f',
        background_color: '#f5f7fa',
        display: 'standalone',
        start_url: '/',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,wasm,data,tar.gz}'],
        maximumFileSizeToCacheInBytes: 30 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/v1\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});

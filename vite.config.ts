import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The client lives in client/; `vite build` writes dist/, which the server serves on the same port.
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [react()],
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

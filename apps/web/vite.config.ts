import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server (apps/server) serves dist/ in production; in dev Vite proxies the API to it.
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Monaco's chunk is large by nature; it is lazy-loaded, so only warn for much larger chunks.
    chunkSizeWarningLimit: 4000,
    // No modulepreload polyfill: it would be an inline script, which the CSP forbids.
    modulePreload: { polyfill: false },
  },
});

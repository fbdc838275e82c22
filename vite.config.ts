/**
 * Builds the web app (web/) into dist/web, which the server serves with an SPA fallback
 * (src/server/static-web.ts). In development, `npx vite` serves web/ and proxies the API to a
 * server on :8080 (`node src/cli/main.ts serve`).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:8080';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts (the CSP forbids them) and no base64-inlined modules.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    port: 5173,
    // The web app imports the API contract (src/contract) from outside its root.
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': api,
      '/healthz': api,
      '/readyz': api,
    },
  },
  preview: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/readyz': api,
    },
  },
});

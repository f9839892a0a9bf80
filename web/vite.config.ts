import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite-precompress';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The SpareFlow web app: built to `dist/web`, which the Fastify server serves at `/` (with the
 * `.br`/`.gz` copies `precompress` writes next to each file). In development (`npm run dev:web`)
 * Vite proxies the API to a server started with `npm run dev`.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/health': 'http://localhost:3000',
      '/docs': 'http://localhost:3000',
      '/openapi.json': 'http://localhost:3000',
    },
  },
});

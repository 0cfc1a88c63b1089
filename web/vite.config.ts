/**
 * Vite build of the dashboard: `web/` in, `web/dist/` out (git-ignored, served by `karavan
 * serve`). Run by the npm `prepare` script, so `npm ci` leaves a built dashboard. No CDN: every
 * asset, ECharts included, is bundled.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});

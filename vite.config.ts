import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The front end lives in web/ and is built into dist/web, which the server serves at `/`.
// In development, Vite forwards API and tile requests to the server started with `npm start`.
const apiTarget = process.env.PETA_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // maplibre-gl alone is ~1 MB minified; it is one chunk on purpose.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': {
        target: apiTarget,
        // The front end's own modules under web/api/ (client.ts) share the prefix: Vite serves those.
        bypass: (req) => (/^\/api\/.*\.tsx?(\?|$)/.test(req.url ?? '') ? req.url : undefined),
      },
      '/tiles': apiTarget,
      '/healthz': apiTarget,
    },
  },
});

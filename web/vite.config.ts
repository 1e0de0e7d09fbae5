/**
 * Vite build of the explorer page: root is web/, output web/dist (served by the server at `/`).
 * `npm run build` runs `vite build --config web/vite.config.ts`.
 * In `vite dev`, /graphql is proxied to AIDGRAPH_API (default http://127.0.0.1:4000).
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs so the page also works when served under a sub-path.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // cytoscape + fcose + dagre make one ~700 kB chunk; that is expected.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/graphql': process.env.AIDGRAPH_API ?? 'http://127.0.0.1:4000' },
  },
});

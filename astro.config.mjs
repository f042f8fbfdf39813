// @ts-check
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

// Static output only: the site is a folder of files that works offline (see README, "Offline").
export default defineConfig({
  output: 'static',
  integrations: [react()],
  build: { assets: 'assets' },
  vite: {
    // DuckDB-WASM ships its own workers and wasm files, imported with `?url`; pre-bundling breaks them.
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    build: { chunkSizeWarningLimit: 2048 },
    // The in-page importer's worker (src/import/browser) is an ES module like the page.
    worker: { format: 'es' },
  },
});

// @ts-check
import { writeFile } from 'node:fs/promises';

import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

import { buildSettings, securityHeaders } from './src/security/content-policy.ts';

// The publisher's security settings (README « Deploying »), checked now: a typo stops the build.
const settings = buildSettings();

// Static output only: the site is a folder of files that works offline (see README, "Offline").
export default defineConfig({
  output: 'static',
  integrations: [
    react(),
    {
      // `_headers` (Netlify, Cloudflare Pages): the security headers, `frame-ancestors` included.
      name: 'symbiose-security-headers',
      hooks: {
        'astro:build:done': async ({ dir }) => {
          const lines = Object.entries(securityHeaders(settings)).map(
            ([name, value]) => `  ${name}: ${value}\n`,
          );
          await writeFile(new URL('_headers', dir), `/*\n${lines.join('')}`);
        },
      },
    },
  ],
  // Every stylesheet is a file: the Content-Security-Policy allows no inline <style>.
  build: { assets: 'assets', inlineStylesheets: 'never' },
  vite: {
    // The basemap origins this build's policy allows, for the page to tell a user before loading one.
    define: { __SYMBIOSE_BASEMAP_ORIGINS__: JSON.stringify(settings.basemapOrigins) },
    // DuckDB-WASM ships its own workers and wasm files, imported with `?url`; pre-bundling breaks them.
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    build: { chunkSizeWarningLimit: 2048 },
    // The in-page importer's worker (src/import/browser) is an ES module like the page.
    worker: { format: 'es' },
  },
});

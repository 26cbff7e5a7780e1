// Vite config for the Voordeur web app. The server serves dist/ with a strict CSP
// (script-src 'self'; style-src 'self'): no inline scripts or styles end up in the build.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    // The domain package is a workspace of TypeScript sources: bundle them directly.
    alias: { '@voordeur/domain': path.resolve(here, '../domain/src/index.ts') },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Keep every asset a file: inlined data: URLs are allowed for images only.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    port: 5173,
    // `vite packages/web` in development: the API runs on the Voordeur server.
    proxy: { '/api': process.env.VOORDEUR_API ?? 'http://127.0.0.1:3000' },
  },
});

import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * index.html carries a strict Content-Security-Policy (script-src 'self'). The dev server's React
 * Fast Refresh preamble is an inline module script, which that policy blocks, so in `vite` (serve)
 * only, inline scripts are allowed. `vite build` and `vite preview` keep the policy as written.
 */
function devCspForFastRefresh(): Plugin {
  return {
    name: 'resolution-drafter:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    },
  };
}

export default defineConfig({
  plugins: [react(), devCspForFastRefresh()],
  // The app runs offline from whatever path it is served at.
  base: './',
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1000 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});

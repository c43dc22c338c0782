import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The bare Lexical editor of the keystroke comparison (issue 3, "Speed"; issue 7): built by
 * `npm run bench` into a temporary directory with
 * `vite build --config bench/bare/vite.config.ts --outDir <tmp>`, never into the app's dist.
 * Same production settings as the app's build (vite.config.ts): minified, target es2022.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  base: './',
  logLevel: 'warn',
  build: { target: 'es2022', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
});

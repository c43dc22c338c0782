import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ensurePackFile, loadShippedPack } from './src/cli/library-build.ts';
import { buildCompletionData } from './src/core/library/completion-data.ts';

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

/**
 * The library (issue 13) is built from the shipped texts by the project's own reader, once per change
 * of the texts or of src/core (src/cli/library-build.ts caches it by a digest), and copied to
 * generated/library.pack, which src/ui/library/libraryClient.ts names with `new URL(…, import.meta.url)`:
 * Vite then serves it in development and emits it as a hashed asset in the build. Beside it,
 * generated/library-completion.json: what completion knows from the library (openers by body, acts,
 * instruments; 330 KB, 57 KB gzipped), so a draft's completion has it without fetching and reading the
 * 4.5 MB pack. A few seconds the first time; nothing when it is current.
 */
function libraryPack(): Plugin {
  const ensure = (): void => {
    const { path, stamp } = ensurePackFile();
    const target = 'generated/library.pack';
    const stampFile = 'generated/library.stamp';
    const completionFile = 'generated/library-completion.json';
    const current =
      existsSync(target) &&
      existsSync(completionFile) &&
      existsSync(stampFile) &&
      readFileSync(stampFile, 'utf8') === stamp;
    if (current) return;
    mkdirSync('generated', { recursive: true });
    copyFileSync(path, target);
    const completion = buildCompletionData(loadShippedPack().documents);
    writeFileSync(completionFile, JSON.stringify(completion));
    writeFileSync(stampFile, stamp);
  };
  return {
    name: 'resolution-drafter:library-pack',
    buildStart: ensure,
  };
}

export default defineConfig({
  plugins: [react(), devCspForFastRefresh(), libraryPack()],
  // The app runs offline from whatever path it is served at.
  base: './',
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1000 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});

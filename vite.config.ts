import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import type { ChunkingContext } from 'rolldown';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { appLibraryFiles, ensurePackFile, loadShippedPack, TEXT_SHARDS } from './src/cli/library-build.ts';
import { buildCompletionData } from './src/core/library/completion-data.ts';
import { corpusKnowledge } from './src/core/corpus/knowledge.ts';
import { reactAsPreact } from './preact-alias.ts';

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
 * of the texts or of src/core (src/cli/library-build.ts caches it by a digest), and written to
 * generated/ as the app fetches it: generated/library-index.pack (what searching needs: metadata and
 * every paragraph's words, 2.3 MB gzipped) and generated/library-texts-NN.pack (the texts, in shards
 * fetched as results need them). src/ui/library/libraryClient.ts names them with `new URL(…,
 * import.meta.url)` and `import.meta.glob`: Vite then serves them in development and emits them as
 * hashed assets in the build. Beside them, generated/library-completion.json: what completion knows
 * from the library (openers by body, acts, instruments; 330 KB, 57 KB gzipped), so a draft's
 * completion has it without loading the library. A few seconds the first time; nothing when current.
 */
function libraryPack(): Plugin {
  const ensure = (): void => {
    // The shards' count is the app's choice, not the texts': a change of it rebuilds the files too.
    const stamp = `${ensurePackFile().stamp} in ${TEXT_SHARDS} shards`;
    const stampFile = 'generated/library.stamp';
    const indexFile = 'generated/library-index.pack';
    const completionFile = 'generated/library-completion.json';
    const current =
      existsSync(indexFile) &&
      existsSync(completionFile) &&
      existsSync(stampFile) &&
      readFileSync(stampFile, 'utf8') === stamp;
    if (current) return;
    mkdirSync('generated', { recursive: true });
    rmSync(stampFile, { force: true });
    for (const name of readdirSync('generated'))
      if (/^library.*\.pack$/.test(name)) rmSync(`generated/${name}`, { force: true });
    const pack = loadShippedPack();
    const files = appLibraryFiles(pack);
    writeFileSync(indexFile, files.index);
    files.shards.forEach((bytes, k) =>
      writeFileSync(`generated/library-texts-${String(k).padStart(2, '0')}.pack`, bytes),
    );
    writeFileSync(completionFile, JSON.stringify(buildCompletionData(pack.documents)));
    writeFileSync(stampFile, stamp);
  };
  return {
    name: 'resolution-drafter:library-pack',
    buildStart: ensure,
  };
}

/**
 * `virtual:corpus-openers` and `virtual:corpus-references`: the shipped report's openers and
 * references (core/corpus/knowledge.ts), read here at build time and given to the app as plain data
 * (src/ui/data.ts, src/ui/references.ts), so the first screen carries neither the report nor its
 * reader. Two modules, because the editor needs the openers at once and only completion, the checks
 * and the templates need the references, all of which load later.
 */
function corpusKnowledgeModules(): Plugin {
  const ids = new Map([
    ['virtual:corpus-openers', 'openers'],
    ['virtual:corpus-references', 'references'],
  ] as const);
  // Read once for both modules; read again when the report changes (the dev server watches it).
  let knowledge: ReturnType<typeof corpusKnowledge> | undefined;
  return {
    name: 'resolution-drafter:corpus-knowledge',
    watchChange: () => {
      knowledge = undefined;
    },
    resolveId: (source) => (ids.has(source as never) ? `\0${source}` : undefined),
    load(loading) {
      const part = ids.get(loading.slice(1) as never);
      if (!loading.startsWith('\0') || part === undefined) return undefined;
      // Absolute: the dev server takes a relative watched file for an import of the module, and fails.
      const report = resolve('corpus/CTOC-COP-2012-15.txt');
      this.addWatchFile(report);
      knowledge ??= corpusKnowledge(readFileSync(report, 'utf8'));
      return `export const ${part} = JSON.parse(${JSON.stringify(JSON.stringify(knowledge[part]))});\n`;
    },
  };
}

/** The page's early script (src/storage/early.ts): it opens the drafts database while the app loads. */
const EARLY_READ = resolve(import.meta.dirname, 'src/storage/early.ts');

/**
 * The early read as a script of its own, put first in the page (`vite build` only): a file the size of
 * a few lines, fetched and run while the browser is still fetching and compiling the app's code, so
 * that the database is open and the draft opened last read by the time the app asks (storage/early.ts).
 * The app's entry imports the same module, so it runs once; `vite` (serve) loads it with the app.
 */
function earlyReadScript(): Plugin {
  return {
    name: 'resolution-drafter:early-read',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: { input: { index: resolve(import.meta.dirname, 'index.html'), early: EARLY_READ } },
      },
    }),
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId === EARLY_READ,
        );
        const at = html.indexOf('<script type="module"');
        if (chunk === undefined || at < 0) throw new Error('the early read script is missing from the build');
        // Before the app's script, after the Content-Security-Policy: scripts run in the page's order.
        const tag = `<script type="module" crossorigin src="./${chunk.fileName}"></script>\n    `;
        return html.slice(0, at) + tag + html.slice(at);
      },
    },
  };
}

/** The early script and the modules it imports: never part of the app's chunk (see firstScreenChunk). */
function earlyModules(ctx: ChunkingContext): Set<string> {
  let found = earlyOf.get(ctx);
  if (found !== undefined) return found;
  found = new Set();
  const visit = (id: string): void => {
    if (found?.has(id)) return;
    found?.add(id);
    for (const imported of ctx.getModuleInfo(id)?.importedIds ?? []) visit(imported);
  };
  visit(EARLY_READ);
  earlyOf.set(ctx, found);
  return found;
}

const earlyOf = new WeakMap<ChunkingContext, Set<string>>();

/**
 * The first screen's code in one file: every module the entry imports statically, directly or not,
 * goes into the chunk "app" (the rest stays split by use, loaded when first needed). Left to itself
 * the bundler cut the first screen into about twenty files, each module shared with some later chunk
 * a file of its own, and a cold load fetched twenty files before running a line: on this machine,
 * some 200 ms more than one file of the same size.
 */
function firstScreenChunk(id: string, ctx: ChunkingContext): string | null {
  // The early script stays the few lines it is: the app imports it from its own file.

  if (earlyModules(ctx).has(id)) return null;
  let reached = reachedFromEntry.get(ctx);
  if (reached === undefined) reachedFromEntry.set(ctx, (reached = new Set()));
  return staticallyFromEntry(id, ctx, reached, new Set()) ? 'app' : null;
}

/** Per chunking pass, the modules known to be reached from the entry by static imports. */
const reachedFromEntry = new WeakMap<ChunkingContext, Set<string>>();

/**
 * Whether the entry reaches `id` by static imports: up the importers. Only a yes is kept: a no found
 * while a cycle was cut short (a module on the path being looked at) may be a yes by that module.
 */
function staticallyFromEntry(
  id: string,
  ctx: ChunkingContext,
  reached: Set<string>,
  visiting: Set<string>,
): boolean {
  if (reached.has(id)) return true;
  const info = ctx.getModuleInfo(id);
  if (info === null || visiting.has(id)) return false;
  visiting.add(id);
  const found =
    (info.isEntry && id !== EARLY_READ) ||
    info.importers.some((i) => staticallyFromEntry(i, ctx, reached, visiting));
  visiting.delete(id);
  if (found) reached.add(id);
  return found;
}

export default defineConfig({
  plugins: [react(), devCspForFastRefresh(), earlyReadScript(), libraryPack(), corpusKnowledgeModules()],
  resolve: { alias: reactAsPreact },
  // The app runs offline from whatever path it is served at.
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // The group takes exactly what firstScreenChunk names: with the modules each captures pulling in
      // their imports too, the early script (imported by the entry) was pulled into the app's chunk.
      output: {
        codeSplitting: {
          groups: [{ name: firstScreenChunk, debugName: 'app', includeDependenciesRecursively: false }],
        },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});

/**
 * Benchmark figures of issue 3 ("Speed"): the production build's JavaScript, gzipped.
 *
 * - `bundle.initialJsGzipKb` (budget 180 KB, issue 16): every script the first screen needs before it can run,
 *   i.e. the module scripts index.html loads and the chunks it preloads (`<link rel="modulepreload">`),
 *   together with every chunk those import statically (Vite lists them as modulepreload links; the
 *   import graph is followed as well, so nothing is missed if it stops doing so).
 * - `bundle.lazyChunksGzipKb` (no budget): every other JavaScript chunk of the build, i.e. those loaded
 *   by a dynamic `import()` or started as a worker when first needed (the .docx writer, ...), one figure
 *   per chunk, named after the chunk without its content hash ("docx" for assets/docx-B1x2y3z4.js);
 *   chunks that share a name are told apart by where their code comes from ("docx (core/import)").
 *
 * Sizes are what a server sends with gzip: each file compressed on its own with node:zlib at the
 * default level (6, as web servers and Vite's own build report use), in kB of 1000 bytes, as Vite
 * prints them. Source maps are not counted (the browser fetches them only with the developer tools
 * open).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round, type Figure } from './measure.ts';

export interface BundleSizes {
  /** Files (relative to the build directory) counted as initial, with their gzipped kB. */
  readonly initial: ReadonlyMap<string, number>;
  /** Chunk name → gzipped kB, for every other .js file. */
  readonly lazy: ReadonlyMap<string, number>;
}

const gzipKb = (bytes: Buffer): number => gzipSync(bytes).length / 1000;

function jsFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path, root);
    return /\.m?js$/.test(name) ? [relative(root, path).split('\\').join('/')] : [];
  });
}

/** `./assets/index-D7cpOxo4.js` → `assets/index-D7cpOxo4.js`; external and data: URLs → null. */
function localPath(url: string, from: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
  const clean = url.split(/[?#]/)[0] ?? '';
  return clean.startsWith('/') ? clean.slice(1) : posix.normalize(posix.join(posix.dirname(from), clean));
}

/** The static imports of a built ES module: `import … from "./x.js"`, `import "./x.js"`, `export … from`. */
function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /\b(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["']([^"']+\.m?js)["']/g;
  for (const m of code.matchAll(pattern)) if (m[1] !== undefined) found.push(m[1]);
  return found;
}

/** "assets/docx-B1x2y3z4.js" → "docx": the chunk's name without its content hash. */
function chunkName(file: string): string {
  return posix
    .basename(file)
    .replace(/\.m?js$/, '')
    .replace(/-[A-Za-z0-9_-]{8}$/, '');
}

/**
 * What tells two chunks of one name apart, stable from build to build: the folder under src/ most of
 * its sources come from (its source map), e.g. "core/export/docx" and "core/import" for two chunks
 * named "docx"; else the npm package most come from; else its file name.
 */
function chunkHint(distDir: string, file: string): string {
  let sources: string[] = [];
  try {
    const map = JSON.parse(readFileSync(join(distDir, `${file}.map`), 'utf8')) as { sources?: unknown };
    if (Array.isArray(map.sources)) sources = map.sources.filter((x): x is string => typeof x === 'string');
  } catch {
    // No source map: the file name has to do.
  }
  const count = new Map<string, number>();
  for (const source of sources) {
    const src = /(?:^|\/)src\/(.+)\/[^/]+$/.exec(source)?.[1];
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
    const key = src ?? (pkg === undefined ? undefined : `npm:${pkg}`);
    if (key !== undefined) count.set(key, (count.get(key) ?? 0) + (src === undefined ? 0.5 : 1));
  }
  const best = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best?.[0] ?? posix.basename(file).replace(/\.m?js$/, '');
}

export function measureBundleSizes(distDir: string): BundleSizes {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries: string[] = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const isModuleScript = /^<script/i.test(tag) && /\btype\s*=\s*["']?module/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /\brel\s*=\s*["']?modulepreload/i.test(tag);
    const isClassicScript = /^<script/i.test(tag) && !/\btype\s*=/i.test(tag);
    if (!isModuleScript && !isPreload && !isClassicScript) continue;
    const url = /\b(?:src|href)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    const path = url === undefined ? null : localPath(url, 'index.html');
    if (path !== null) entries.push(path);
  }
  if (entries.length === 0) throw new Error(`${distDir}/index.html loads no script: is it a Vite build?`);

  // The initial set: the entries and everything they import statically, transitively.
  const initial = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (initial.has(file)) continue;
    initial.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const spec of staticImports(code)) {
      const path = localPath(spec, file);
      if (path !== null && !initial.has(path)) queue.push(path);
    }
  }

  const initialSizes = new Map<string, number>();
  for (const file of initial) initialSizes.set(file, gzipKb(readFileSync(join(distDir, file))));
  const lazyFiles = jsFiles(distDir)
    .filter((file) => !initial.has(file))
    .sort();
  const names = lazyFiles.map(chunkName);
  const lazy = new Map<string, number>();
  lazyFiles.forEach((file, i) => {
    const name = names[i] as string;
    const shared = names.filter((n) => n === name).length > 1;
    lazy.set(
      shared ? `${name} (${chunkHint(distDir, file)})` : name,
      gzipKb(readFileSync(join(distDir, file))),
    );
  });
  // By name, so the JSON's keys come in the same order from build to build.
  return { initial: initialSizes, lazy: new Map([...lazy].sort((a, b) => a[0].localeCompare(b[0]))) };
}

export function bundleFigures(distDir: string): Figure[] {
  const { initial, lazy } = measureBundleSizes(distDir);
  const total = [...initial.values()].reduce((a, b) => a + b, 0);
  const figures: Figure[] = [
    {
      key: 'bundle.initialJsGzipKb',
      value: round(total, 1),
      unit: 'KB',
      // Issue 16: a first screen of at most 180 KB (it was 250).
      budget: 180,
      what: `JavaScript of the first screen, gzipped (${[...initial.keys()].map((f) => posix.basename(f)).join(', ')})`,
    },
  ];
  for (const [name, kb] of lazy)
    figures.push({
      key: `bundle.lazyChunksGzipKb.${name}`,
      path: ['bundle', 'lazyChunksGzipKb', name],
      value: round(kb, 1),
      unit: 'KB',
      budget: null,
      what: `chunk "${name}", loaded when first needed, gzipped`,
    });
  return figures;
}

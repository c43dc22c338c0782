/**
 * Builds the library from the texts the project ships (Node only): the Assembly's resolutions in
 * corpus/ga, read by the printed-text reader, and the sixth-session report of the Conference of the
 * Parties. The result is cached under node_modules/.cache, keyed by a digest of the texts and of the
 * reader's source, so the command line and the app's build read the same library and rebuild it only
 * when either changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readReport } from '../core/corpus/report.ts';
import { findPredecessors } from '../core/library/lineage.ts';
import { libraryMeta } from '../core/library/metadata.ts';
import { makePack, readPack, type LibraryPack } from '../core/library/pack.ts';
import { makeSearchPack } from '../core/library/search-pack.ts';
import type { LibraryDocument } from '../core/library/types.ts';
import { readPrintedText } from '../core/parse/printed.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const GA_DIR = join(ROOT, 'corpus', 'ga');
const REPORT = join(ROOT, 'corpus', 'CTOC-COP-2012-15.txt');
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'resolution-drafter');

/** Every file under a folder, sorted (for the digest). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A digest of the shipped texts and of src/core (the reader, the model, the library). */
export function libraryStamp(): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(GA_DIR), REPORT, ...filesUnder(join(ROOT, 'src', 'core'))]) {
    hash.update(file.slice(ROOT.length));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Reads the shipped texts into library documents (about 4 s for the 891 resolutions). */
export function readShippedDocuments(): LibraryDocument[] {
  const out: LibraryDocument[] = [];
  for (const name of readdirSync(GA_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort(byResolutionNumber)) {
    const { documents } = readPrintedText(readFileSync(join(GA_DIR, name), 'utf8'));
    for (const doc of documents) out.push({ meta: libraryMeta(doc, { body: 'ga' }), doc });
  }
  for (const doc of readReport(readFileSync(REPORT, 'utf8')).documents)
    out.push({ meta: libraryMeta(doc, { body: 'cop' }), doc });
  // Ids are unique: a text read twice under one symbol keeps its first reading.
  const seen = new Set<string>();
  return out.filter((d) => !seen.has(d.meta.id) && seen.add(d.meta.id));
}

/** "A_RES_78_9.txt" before "A_RES_78_10.txt". */
function byResolutionNumber(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function buildShippedPack(stamp = libraryStamp()): LibraryPack {
  const documents = readShippedDocuments();
  return makePack(stamp, documents, findPredecessors(documents));
}

export interface PackFile {
  readonly path: string;
  readonly stamp: string;
  /** Whether it was built now (false: taken from the cache). */
  readonly built: boolean;
}

/** The gzipped pack of the shipped library, built if the cache has none for the current texts. */
export function ensurePackFile(): PackFile {
  const stamp = libraryStamp();
  const path = join(CACHE_DIR, `library-${stamp}.json.gz`);
  if (existsSync(path)) return { path, stamp, built: false };
  mkdirSync(CACHE_DIR, { recursive: true });
  const bytes = gzipSync(JSON.stringify(buildShippedPack(stamp)), { level: 9 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
  // Builds of texts or a reader since changed are never read again.
  for (const name of readdirSync(CACHE_DIR))
    if (/^library-[0-9a-f]+\.json\.gz$/.test(name) && join(CACHE_DIR, name) !== path)
      rmSync(join(CACHE_DIR, name), { force: true });
  return { path, stamp, built: true };
}

/** The shipped library's pack, from the cache (built first if needed). */
export function loadShippedPack(): LibraryPack {
  return readPack(gunzipSync(readFileSync(ensurePackFile().path)).toString('utf8'));
}

/** Shards of the library's texts the app fetches as results need them (about 70 KB gzipped each). */
export const TEXT_SHARDS = 64;

export interface AppLibraryFiles {
  /** The gzipped index pack. */
  readonly index: Uint8Array;
  /** The gzipped text shards, in order. */
  readonly shards: readonly Uint8Array[];
}

/** What the app serves of the shipped library: its index pack and its texts in shards, gzipped. */
export function appLibraryFiles(pack: LibraryPack = loadShippedPack()): AppLibraryFiles {
  const files = makeSearchPack(pack.stamp, pack.documents, new Map(pack.predecessors), TEXT_SHARDS);
  return {
    index: gzipSync(files.index, { level: 9 }),
    shards: files.shards.map((s) => gzipSync(s, { level: 9 })),
  };
}

/**
 * The library as the app loads it: one JSON file, gzipped, built once from the shipped texts by the
 * project's own reader (src/cli/library-build.ts) and served as a static asset. It holds the documents
 * (model and metadata) and each one's predecessor; the search index is built from them where the
 * library is used (a worker in the app), which is faster than shipping it and half the bytes.
 */
import type { ResolutionDocument } from '../model/types.ts';
import { LIBRARY_BODIES, type LibraryDocument, type LibraryMeta } from './types.ts';

export const PACK_FORMAT = 'resolution-drafter-library';
export const PACK_VERSION = 1;

export interface LibraryPack {
  readonly format: typeof PACK_FORMAT;
  readonly version: typeof PACK_VERSION;
  /** A digest of what it was built from (texts and reader), so a stale build is never reused. */
  readonly stamp: string;
  readonly documents: readonly LibraryDocument[];
  /** [id, predecessor id]. */
  readonly predecessors: readonly (readonly [string, string])[];
}

export function makePack(
  stamp: string,
  documents: readonly LibraryDocument[],
  predecessors: ReadonlyMap<string, string>,
): LibraryPack {
  return { format: PACK_FORMAT, version: PACK_VERSION, stamp, documents, predecessors: [...predecessors] };
}

export function isLibraryMeta(m: unknown): m is LibraryMeta {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  return (
    typeof r['id'] === 'string' &&
    typeof r['symbol'] === 'string' &&
    typeof r['title'] === 'string' &&
    (LIBRARY_BODIES as readonly unknown[]).includes(r['body'])
  );
}

/**
 * Reads a pack. The documents are the project's own build output and are not validated one by one
 * (that would double the load time); the envelope and every document's metadata are checked, so a
 * truncated or foreign file is refused with a reason.
 */
export function readPack(json: string): LibraryPack {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('The library file is damaged (not JSON).');
  }
  const r = value as Partial<Record<keyof LibraryPack, unknown>>;
  if (typeof value !== 'object' || value === null || r.format !== PACK_FORMAT)
    throw new Error('This is not a library file of Resolution Drafter.');
  if (r.version !== PACK_VERSION)
    throw new Error(
      `The library file has version ${String(r.version)}; this app reads version ${PACK_VERSION}.`,
    );
  if (!Array.isArray(r.documents) || !Array.isArray(r.predecessors))
    throw new Error('The library file is damaged (documents missing).');
  for (const d of r.documents as unknown[]) {
    const doc = (d as { doc?: Partial<ResolutionDocument> } | null)?.doc;
    if (
      !isLibraryMeta((d as { meta?: unknown } | null)?.meta) ||
      typeof doc !== 'object' ||
      !Array.isArray(doc.preamble)
    )
      throw new Error('The library file is damaged (a document without its metadata or text).');
  }
  return value as LibraryPack;
}

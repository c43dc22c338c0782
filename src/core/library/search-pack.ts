/**
 * The library as the app fetches it: an index pack to search with, and the texts in shards fetched as
 * results need them.
 *
 * Loading the whole library (4.3 MB gzipped, 21.5 MB of JSON) and reading every paragraph's words in
 * the browser took 2.5 s, most of it inflating, decoding and parsing texts a search never shows and
 * splitting them into words again. The index pack holds what searching needs and nothing else:
 * - a JSON header: each document's metadata, predecessors, paragraphs per document, the shards, and
 *   the vocabulary (words in order of use, so the commonest take one byte below);
 * - every paragraph's word ids and its count of distinct bigrams, as variable-length integers.
 * The postings are laid out from the word ids where the pack is read (./search-index.ts `indexTokens`),
 * which is faster than fetching them.
 *
 * A text shard is a JSON file of consecutive documents' texts. Both carry the stamp of the build, so a
 * shard of another build is refused.
 */
import type { ResolutionDocument } from '../model/types.ts';
import { isLibraryMeta } from './pack.ts';
import type { LibraryDocument, LibraryMeta } from './types.ts';
import { indexTokens, tokenizeLibrary, type LibraryIndex } from './search-index.ts';

export const INDEX_FORMAT = 'resolution-drafter-library-index';
export const SHARD_FORMAT = 'resolution-drafter-library-texts';
export const INDEX_VERSION = 1;
const MAGIC = [0x52, 0x44, 0x4c, 0x49]; // "RDLI"

interface IndexHeader {
  readonly format: typeof INDEX_FORMAT;
  readonly version: typeof INDEX_VERSION;
  readonly stamp: string;
  readonly metas: readonly LibraryMeta[];
  /** [id, predecessor id]. */
  readonly predecessors: readonly (readonly [string, string])[];
  /** Paragraphs of each document. */
  readonly entries: readonly number[];
  /** Each shard's first document; shard k holds documents shards[k] .. shards[k + 1] - 1. */
  readonly shards: readonly number[];
  readonly vocabulary: readonly string[];
  readonly tokens: number;
}

export interface TextShard {
  readonly format: typeof SHARD_FORMAT;
  readonly version: typeof INDEX_VERSION;
  readonly stamp: string;
  /** Index of its first document. */
  readonly first: number;
  readonly docs: readonly ResolutionDocument[];
}

/** The index pack read: the index (texts absent until `setText`) and what the app needs beside it. */
export interface ReadIndexPack {
  readonly stamp: string;
  readonly index: LibraryIndex;
  readonly predecessors: ReadonlyMap<string, string>;
  /** Each shard's first document. */
  readonly shards: readonly number[];
  /** Gives document d its text (from a shard). */
  readonly setText: (d: number, doc: ResolutionDocument) => void;
  /** The shard holding document d. */
  readonly shardOf: (d: number) => number;
}

class Bytes {
  data = new Uint8Array(1 << 16);
  length = 0;
  varint(x: number): void {
    if (this.length + 5 > this.data.length) {
      const next = new Uint8Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    while (x >= 0x80) {
      this.data[this.length++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    this.data[this.length++] = x;
  }
}

/**
 * The index pack and the text shards of a library: `shardCount` shards of consecutive documents, of
 * about equal size.
 */
export function makeSearchPack(
  stamp: string,
  documents: readonly LibraryDocument[],
  predecessors: ReadonlyMap<string, string>,
  shardCount: number,
): { readonly index: Uint8Array; readonly shards: readonly string[] } {
  const t = tokenizeLibrary(documents);
  // Words by use, commonest first: their ids are the smallest and take the fewest bytes.
  const uses = new Uint32Array(t.vocabulary.length);
  for (const w of t.tokens) uses[w] = (uses[w] ?? 0) + 1;
  const order = t.vocabulary.map((_, id) => id).sort((a, b) => (uses[b] ?? 0) - (uses[a] ?? 0) || a - b);
  const newId = new Uint32Array(order.length);
  order.forEach((old, id) => (newId[old] = id));
  const n = t.tokenStart.length - 1;
  const body = new Bytes();
  for (let k = 0; k < n; k++) {
    const start = t.tokenStart[k] ?? 0;
    const end = t.tokenStart[k + 1] ?? 0;
    body.varint(end - start);
    for (let i = start; i < end; i++) body.varint(newId[t.tokens[i] ?? 0] ?? 0);
  }
  for (let k = 0; k < n; k++) body.varint(t.bigramCount[k] ?? 0);

  const entries = documents.map((_, d) => (t.docFirstEntry[d + 1] ?? n) - (t.docFirstEntry[d] ?? 0));
  // Shards of about equal size by text, consecutive documents each.
  // Each text as JSON once: its length places the shard boundaries, and the shards are made of them.
  const texts = documents.map((d) => JSON.stringify(d.doc));
  const total = texts.reduce((a, text) => a + text.length, 0);
  const shards: number[] = [0];
  let acc = 0;
  texts.forEach((text, d) => {
    if (acc >= (total * shards.length) / shardCount && shards.length < shardCount && d > 0) shards.push(d);
    acc += text.length;
  });
  const header: IndexHeader = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    stamp,
    metas: t.metas,
    predecessors: [...predecessors],
    entries,
    shards,
    vocabulary: order.map((id) => t.vocabulary[id] ?? ''),
    tokens: t.tokens.length,
  };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + head.length + body.length);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, head.length, true);
  out.set(head, 8);
  out.set(body.data.subarray(0, body.length), 8 + head.length);
  const shardTexts = shards.map((first, k) => {
    const envelope: Omit<TextShard, 'docs'> = { format: SHARD_FORMAT, version: INDEX_VERSION, stamp, first };
    const docs = texts.slice(first, shards[k + 1] ?? documents.length).join(',');
    return `${JSON.stringify(envelope).slice(0, -1)},"docs":[${docs}]}`;
  });
  return { index: out, shards: shardTexts };
}

const damaged = (what: string): Error => new Error(`The library's index is damaged (${what}).`);

/** Reads an index pack (inflated). Refuses, with a reason, a file that is not one or is cut short. */
export function readSearchPack(bytes: Uint8Array): ReadIndexPack {
  if (bytes.length < 8 || MAGIC.some((b, k) => bytes[k] !== b))
    throw new Error('This is not a library index of Resolution Drafter.');
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (8 + headLength > bytes.length) throw damaged('cut short');
  let header: IndexHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headLength))) as IndexHeader;
  } catch {
    throw damaged('its header is not JSON');
  }
  if (header.format !== INDEX_FORMAT) throw new Error('This is not a library index of Resolution Drafter.');
  if (header.version !== INDEX_VERSION)
    throw new Error(
      `The library's index has version ${String(header.version)}; this app reads version ${INDEX_VERSION}.`,
    );
  const { metas, entries, shards, vocabulary, predecessors } = header;
  if (
    !Array.isArray(metas) ||
    !metas.every(isLibraryMeta) ||
    !Array.isArray(entries) ||
    entries.length !== metas.length ||
    !Array.isArray(shards) ||
    shards[0] !== 0 ||
    !Array.isArray(vocabulary) ||
    !Array.isArray(predecessors) ||
    !Number.isInteger(header.tokens)
  )
    throw damaged('its header is incomplete');

  const n = entries.reduce((a, b) => a + b, 0);
  const entryDoc = new Uint32Array(n);
  const docFirstEntry = new Uint32Array(metas.length);
  let k = 0;
  entries.forEach((count, d) => {
    docFirstEntry[d] = k;
    entryDoc.fill(d, k, k + count);
    k += count;
  });
  const tokens = new Uint32Array(header.tokens);
  const tokenStart = new Uint32Array(n + 1);
  const bigramCount = new Uint32Array(n);
  // Variable-length integers (below 2^28), decoded inline: 2.4 million words.
  let at = 8 + headLength;
  const end = bytes.length;
  const v = vocabulary.length;
  let t = 0;
  let e = 0;
  let remaining = -1;
  let x = 0;
  let shift = 0;
  while (e < n || remaining > 0) {
    if (at >= end) throw damaged('cut short');
    const b = bytes[at++] ?? 0;
    if (b >= 0x80) {
      x |= (b & 0x7f) << shift;
      shift += 7;
      continue;
    }
    x |= b << shift;
    if (remaining > 0) {
      if (x >= v) throw damaged('a word outside its vocabulary');
      tokens[t++] = x;
      remaining--;
    } else {
      // A paragraph's length, then its words.
      tokenStart[e++] = t;
      if (t + x > tokens.length) throw damaged('more words than it declares');
      remaining = x;
    }
    x = 0;
    shift = 0;
  }
  tokenStart[n] = t;
  for (let i = 0; i < n; i++) {
    let c = 0;
    let s = 0;
    for (;;) {
      if (at >= end) throw damaged('cut short');
      const b = bytes[at++] ?? 0;
      c |= (b & 0x7f) << s;
      if (b < 0x80) break;
      s += 7;
    }
    bigramCount[i] = c;
  }

  const texts: (ResolutionDocument | undefined)[] = new Array<ResolutionDocument | undefined>(metas.length);
  const index = indexTokens({
    metas,
    doc: (d) => texts[d],
    entryDoc,
    docFirstEntry,
    tokens,
    tokenStart,
    vocabulary,
    bigramCount,
  });
  return {
    stamp: header.stamp,
    index,
    predecessors: new Map(predecessors.map(([a, b]) => [a, b])),
    shards,
    setText: (d, doc) => {
      texts[d] = doc;
    },
    shardOf: (d) => {
      let s = 0;
      while (s + 1 < shards.length && (shards[s + 1] ?? Infinity) <= d) s++;
      return s;
    },
  };
}

/** Reads a text shard of the build `stamp`. */
export function readTextShard(json: string, stamp: string): TextShard {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error("A part of the library's texts is damaged (not JSON).");
  }
  const s = value as Partial<TextShard> | null;
  if (typeof s !== 'object' || s === null || s.format !== SHARD_FORMAT || s.version !== INDEX_VERSION)
    throw new Error("This is not a part of the library's texts.");
  if (s.stamp !== stamp) throw new Error("A part of the library's texts belongs to another build of it.");
  if (
    !Number.isInteger(s.first) ||
    !Array.isArray(s.docs) ||
    !s.docs.every((d: unknown) => Array.isArray((d as Partial<ResolutionDocument> | null)?.preamble))
  )
    throw new Error("A part of the library's texts is damaged (a document without its text).");
  return s as TextShard;
}

/**
 * The library as the app fetches it: an index pack (metadata and every paragraph's words) and the
 * texts in shards. Read back, the index must search exactly as the one built from the texts, and the
 * texts of each shard must land on their documents.
 */
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { appLibraryFiles, loadShippedPack, TEXT_SHARDS } from '../../../src/cli/library-build.ts';
import { words } from '../../../src/core/compare/similarity.ts';
import type { LibraryPack } from '../../../src/core/library/pack.ts';
import {
  buildLibraryIndex,
  entryMeta,
  entryUnit,
  searchLibrary,
  type LibraryIndex,
} from '../../../src/core/library/search-index.ts';
import {
  makeSearchPack,
  readSearchPack,
  readTextShard,
  type ReadIndexPack,
} from '../../../src/core/library/search-pack.ts';

describe('the index pack and text shards of the shipped library', () => {
  let pack: LibraryPack;
  let built: LibraryIndex;
  let files: ReturnType<typeof appLibraryFiles>;
  let read: ReadIndexPack;
  beforeAll(() => {
    pack = loadShippedPack();
    built = buildLibraryIndex(pack.documents);
    files = appLibraryFiles(pack);
    read = readSearchPack(new Uint8Array(gunzipSync(files.index)));
  }, 120_000);

  it('moves at most 2.5 MB gzipped for the index, a fraction of the whole library', () => {
    expect(files.index.length).toBeLessThan(2.5e6);
    expect(files.shards).toHaveLength(TEXT_SHARDS);
    // Shards of about equal size, none of them empty.
    const sizes = files.shards.map((s) => s.length);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThan((3 * sizes.reduce((a, b) => a + b, 0)) / TEXT_SHARDS);
  });

  it('reads back the metadata, predecessors and paragraphs, with no text until its shard comes', () => {
    expect(read.stamp).toBe(pack.stamp);
    expect(read.index.metas).toEqual(pack.documents.map((d) => d.meta));
    expect([...read.predecessors]).toEqual(pack.predecessors);
    expect(read.index.size).toBe(built.size);
    expect(read.index.doc(0)).toBeUndefined();
    expect(entryUnit(read.index, 0)).toBeUndefined();
  });

  it('searches exactly as the index built from the texts: same paragraphs, same scores, same order', () => {
    const step = Math.floor(built.size / 150);
    let compared = 0;
    for (let k = 0; k < built.size; k += step) {
      const text = entryUnit(built, k)?.text ?? '';
      // The paragraph itself, and an edit of it.
      for (const query of [text, text.replace(/\b(the|and|of)\b/, 'all')]) {
        const a = searchLibrary(built, query, { top: 5 });
        const b = searchLibrary(read.index, query, { top: 5 });
        expect(b, query).toEqual(a);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(290);
  });

  it("puts each shard's texts on its documents: every paragraph then reads as in the texts", () => {
    const seen = new Set<number>();
    files.shards.forEach((bytes, k) => {
      const shard = readTextShard(gunzipSync(bytes).toString('utf8'), read.stamp);
      expect(shard.first).toBe(read.shards[k]);
      shard.docs.forEach((doc, i) => {
        const d = shard.first + i;
        expect(read.shardOf(d)).toBe(k);
        seen.add(d);
        read.setText(d, doc);
      });
    });
    expect(seen.size).toBe(pack.documents.length);
    for (let k = 0; k < built.size; k += 97) {
      expect(entryMeta(read.index, k)).toEqual(entryMeta(built, k));
      expect(entryUnit(read.index, k)?.label).toBe(entryUnit(built, k)?.label);
      expect(words(entryUnit(read.index, k)?.text ?? '')).toEqual(words(entryUnit(built, k)?.text ?? ''));
    }
  });

  it('refuses a shard of another build, and a shard that is not one', () => {
    const json = gunzipSync(files.shards[0] ?? new Uint8Array()).toString('utf8');
    expect(() => readTextShard(json, 'another-stamp')).toThrow(/another build/);
    expect(() => readTextShard(json.slice(0, json.length / 2), read.stamp)).toThrow(/damaged \(not JSON\)/);
    expect(() => readTextShard('{"format":"x"}', read.stamp)).toThrow(/not a part of the library/);
    const broken = { ...(JSON.parse(json) as object), docs: [{ title: 'no text' }] };
    expect(() => readTextShard(JSON.stringify(broken), read.stamp)).toThrow(/without its text/);
  });
});

describe('a damaged index pack', () => {
  // One real resolution (the library's first) is enough to damage.
  const first = loadShippedPack().documents.slice(0, 1);
  const pack = makeSearchPack('stamp', first, new Map(), 1).index;

  it('is refused with a reason: not an index, cut short, another version, a word outside the vocabulary', () => {
    expect(readSearchPack(pack).index.size).toBeGreaterThan(0);
    expect(() => readSearchPack(new TextEncoder().encode('{"format":"resolution-drafter-library"}'))).toThrow(
      /not a library index/,
    );
    expect(() => readSearchPack(pack.subarray(0, pack.length - 3))).toThrow(/damaged \(cut short\)/);
    expect(() => readSearchPack(pack.subarray(0, 40))).toThrow(/damaged \(cut short\)/);
    const length = new DataView(pack.buffer, pack.byteOffset).getUint32(4, true);
    const head = new TextDecoder().decode(pack.subarray(8, 8 + length));
    const rewrite = (header: string): Uint8Array => {
      const h = new TextEncoder().encode(header);
      const out = new Uint8Array(8 + h.length + pack.length - 8 - length);
      out.set(pack.subarray(0, 4));
      new DataView(out.buffer).setUint32(4, h.length, true);
      out.set(h, 8);
      out.set(pack.subarray(8 + length), 8 + h.length);
      return out;
    };
    expect(() => readSearchPack(rewrite(head.replace('"version":1', '"version":9')))).toThrow(
      /version 9; this app reads version 1/,
    );
    expect(() =>
      readSearchPack(rewrite(head.replace(/"vocabulary":\[[^\]]*\]/, '"vocabulary":["a"]'))),
    ).toThrow(/a word outside its vocabulary/);
    expect(() => readSearchPack(rewrite(head.replace('"metas":[{', '"metas":[{"x":1},{')))).toThrow(
      /header is incomplete/,
    );
    expect(() => readSearchPack(rewrite(head.slice(0, 50)))).toThrow(/header is not JSON/);
  });
});

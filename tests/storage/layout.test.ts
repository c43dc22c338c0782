/**
 * drafts.ts composes the draft store out of modules of its own concern (naming, summaries, results,
 * records, revisions, files) and re-exports some of their names for older callers. One direction of
 * dependency (ARCHITECTURE.md, conventions 13): those modules never import drafts.ts back, or the
 * re-exports would hide a cycle.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const STORAGE = new URL('../../src/storage/', import.meta.url);

/** The src/storage modules a module imports, by file name. */
function storageImports(file: string): string[] {
  const text = readFileSync(new URL(file, STORAGE), 'utf8');
  return [...text.matchAll(/from '\.\/([\w.]+\.ts)'/g)].map((m) => m[1] ?? '');
}

/** Every src/storage module drafts.ts depends on, directly or through another. */
function composedModules(): Set<string> {
  const seen = new Set<string>();
  const queue = storageImports('drafts.ts');
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file) || file === 'drafts.ts') continue;
    seen.add(file);
    queue.push(...storageImports(file));
  }
  return seen;
}

describe('the draft store’s modules', () => {
  it('are composed by drafts.ts, the split ones among them', () => {
    expect([...composedModules()]).toEqual(
      expect.arrayContaining([
        'naming.ts',
        'summaries.ts',
        'results.ts',
        'draftRecords.ts',
        'revisions.ts',
        'files.ts',
      ]),
    );
  });

  it('never import drafts.ts back', () => {
    const importers = [...composedModules()].filter((file) => storageImports(file).includes('drafts.ts'));
    expect(importers).toEqual([]);
  });
});

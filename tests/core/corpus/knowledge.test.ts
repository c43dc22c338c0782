/**
 * The openers and references the app ships ready-made (core/corpus/knowledge.ts, read at build time
 * and handed to the page as JSON) must be exactly what reading the report at start-up gave.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusKnowledge } from '../../../src/core/corpus/knowledge.ts';
import { readReport } from '../../../src/core/corpus/report.ts';
import { buildLexicon, findEntry, lexiconOf } from '../../../src/core/lexicon/lexicon.ts';
import { deriveReferences } from '../../../src/core/references/derive.ts';

const text = readFileSync(new URL('../../../corpus/CTOC-COP-2012-15.txt', import.meta.url), 'utf8');

describe('the corpus knowledge shipped as data', () => {
  const shipped = JSON.parse(JSON.stringify(corpusKnowledge(text))) as ReturnType<typeof corpusKnowledge>;
  const corpus = readReport(text);

  it('gives, through JSON, the lexicon that reading the report gives: entries, order and lookups', () => {
    const built = buildLexicon(corpus.documents);
    const lexicon = lexiconOf(shipped.openers);
    expect(lexicon).toEqual(built);
    expect(lexicon.entries.length).toBeGreaterThan(50);
    expect(findEntry(lexicon, 'also urges', 'operative')?.sources.length).toBe(
      findEntry(built, 'Also urges', 'operative')?.sources.length,
    );
    expect(findEntry(lexicon, 'Recalling', 'preamble')?.count).toBeGreaterThan(3);
  });

  it('gives, through JSON, the references that reading the report gives', () => {
    const derived = deriveReferences(corpus);
    expect(shipped.references).toEqual(derived);
    expect(shipped.references.instruments.length).toBeGreaterThan(3);
    expect(shipped.references.acts.length).toBeGreaterThan(3);
  });
});

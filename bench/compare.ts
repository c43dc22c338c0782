/**
 * Benchmark figures of issue 4: comparing two resolutions of the corpus (≤ 15 ms) and one
 * agreed-language lookup (≤ 10 ms per paragraph, after an index built once).
 */
import { compareDocuments } from '../src/core/compare/compare.ts';
import { buildPrecedentIndex, findPrecedents } from '../src/core/compare/finder.ts';
import { inlineText, joinOpener } from '../src/core/model/inline.ts';
import { benchCorpus, corpusResolution, median, percentile, round, sample, type Figure } from './measure.ts';

export function measureCompare(): Figure[] {
  const { documents } = benchCorpus();
  const r1 = corpusResolution('6/1');
  const r2 = corpusResolution('6/2');
  const figures: Figure[] = [];
  figures.push({
    key: 'compareResolutionsMs',
    value: round(median(sample(() => compareDocuments(r1, r2), 60, 15))),
    unit: 'ms',
    budget: 15,
    what: 'compare resolution 6/1 with 6/2, paragraphs and words (median)',
  });
  // The slowest pair of the corpus, each pair's median: the budget holds for any two.
  let worst = 0;
  for (const a of documents)
    for (const b of documents) worst = Math.max(worst, median(sample(() => compareDocuments(a, b), 9, 2)));
  figures.push({
    key: 'compareWorstPairMs',
    value: round(worst),
    unit: 'ms',
    budget: 15,
    what: 'compare the slowest pair of corpus documents (median)',
  });

  figures.push({
    key: 'precedentIndexMs',
    value: round(median(sample(() => buildPrecedentIndex(documents), 30, 5))),
    unit: 'ms',
    budget: 50,
    what: 'build the agreed-language index of the whole corpus, once (median)',
  });
  const index = buildPrecedentIndex(documents);
  // Every paragraph of the corpus as a query, each with one word changed, as a draft would have it.
  const queries = documents
    .flatMap((d) => [
      ...d.preamble.map((p) => joinOpener(p.opener, inlineText(p.content))),
      ...d.operative.map((p) => joinOpener(p.opener, inlineText(p.content))),
      ...(d.annex?.items ?? []).map((it) => inlineText(it.content)),
    ])
    .map((q) => q.replace(/\bthe\b/, 'such'));
  const lookups: number[] = [];
  for (let r = 0; r < 6; r++)
    for (const q of queries) {
      const t = sample(() => findPrecedents(index, q, { limit: 5 }), 1, 0);
      if (r > 0) lookups.push(t[0] ?? 0);
    }
  lookups.sort((a, b) => a - b);
  figures.push({
    key: 'precedentLookupMs',
    value: round(median(lookups)),
    unit: 'ms',
    budget: 10,
    what: 'closest 5 corpus paragraphs with word diffs, per paragraph (median)',
  });
  figures.push({
    key: 'precedentLookupP99Ms',
    value: round(percentile(lookups, 99)),
    unit: 'ms',
    budget: 10,
    what: 'the same, 99th percentile',
  });
  return figures;
}

/**
 * Benchmark figure of issue 6: checking a 40-paragraph draft from scratch with every rule takes at most
 * 5 ms. The draft is built from the corpus: the 17 preambular paragraphs of resolution 6/1 and the first
 * 3 of 6/3, then the first 20 operative paragraphs of 6/3 (subparagraphs included), so the instrument,
 * citation and also/further passes meet real text. The lexicon and references are built once, as the
 * editor builds them; the timed call is `lintDocument`, which caches nothing between runs.
 */
import { buildLexicon } from '../src/core/lexicon/lexicon.ts';
import type { ResolutionDocument } from '../src/core/model/types.ts';
import { deriveReferences } from '../src/core/references/derive.ts';
import { createLintContext, lintDocument } from '../src/core/rules/lint.ts';
import { benchCorpus, corpusResolution, median, round, sample, type Figure } from './measure.ts';

export function measureLint(): Figure[] {
  const corpus = benchCorpus();
  const r1 = corpusResolution('6/1');
  const r3 = corpusResolution('6/3');
  const draft: ResolutionDocument = {
    ...r3,
    preamble: [...r1.preamble, ...r3.preamble.slice(0, 3)],
    operative: r3.operative.slice(0, 20),
    footnotes: [...r1.footnotes, ...r3.footnotes],
  };
  const paragraphs = draft.preamble.length + draft.operative.length;
  if (paragraphs !== 40) throw new Error(`the bench draft has ${paragraphs} paragraphs, not 40`);
  const context = createLintContext(buildLexicon(corpus.documents), deriveReferences(corpus));
  // A fresh copy of the document each run, so no per-document memo (units.ts) carries over.
  const times = sample(() => lintDocument({ ...draft }, context), 200, 50);
  return [
    {
      key: 'lintMs',
      value: round(median(times)),
      unit: 'ms',
      budget: 5,
      what: 'check a 40-paragraph draft with every rule, from scratch (median)',
    },
  ];
}

/**
 * What the app knows from the shipped report before any draft opens: the lexicon's openers and the
 * references. Read once at build time (vite.config.ts gives it to the app as a module of plain data),
 * so the first screen carries neither the report's text (100 KB) nor the reader, the lexicon's tally
 * and the references' derivation that turn it into these (and the page does none of that work at
 * start-up). The app's lexicon is `lexiconOf(openers)`.
 */
import { buildLexicon, type LexiconEntry } from '../lexicon/lexicon.ts';
import { deriveReferences } from '../references/derive.ts';
import type { References } from '../references/types.ts';
import { readReport } from './report.ts';

export interface CorpusKnowledge {
  /** The lexicon's entries, in lexicon order. */
  readonly openers: readonly LexiconEntry[];
  readonly references: References;
}

export function corpusKnowledge(reportText: string): CorpusKnowledge {
  const corpus = readReport(reportText);
  return { openers: buildLexicon(corpus.documents).entries, references: deriveReferences(corpus) };
}

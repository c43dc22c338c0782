/**
 * What the app knows before any draft opens: the shipped corpus read into documents, the lexicon of
 * openers and the references, computed once at start-up (a few milliseconds:
 * `npm run bench` measures the corpus read). The templates load with the New draft dialog (templates.ts).
 */
import reportText from '../../corpus/CTOC-COP-2012-15.txt?raw';
import { readReport } from '../core/corpus/report.ts';
import { buildLexicon } from '../core/lexicon/lexicon.ts';
import { deriveReferences } from '../core/references/derive.ts';

export const corpus = readReport(reportText);
export const lexicon = buildLexicon(corpus.documents);
export const references = deriveReferences(corpus);

/** "resolution 6/3" → the corpus document. */
export function corpusDocumentByRef(ref: string) {
  return corpus.documents.find((d) => `${d.kind} ${d.number ?? ''}` === ref);
}

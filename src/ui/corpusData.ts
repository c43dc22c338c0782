/**
 * The shipped report read into documents, for what starts from or compares with them (the New draft
 * dialog, compare, a draft whose base is one of them). Loaded with those, never on the first screen:
 * the lexicon and references the editor needs at once come ready-made (./data.ts).
 */
import reportText from '../../corpus/CTOC-COP-2012-15.txt?raw';
import { readReport } from '../core/corpus/report.ts';

export const corpus = readReport(reportText);

/** "resolution 6/3" → the corpus document. */
export function corpusDocumentByRef(ref: string) {
  return corpus.documents.find((d) => `${d.kind} ${d.number ?? ''}` === ref);
}

/**
 * What the app knows before any draft opens: the shipped corpus read into documents, the lexicon of
 * openers, the references and the templates. All computed once at start-up (a few milliseconds:
 * `npm run bench` measures the corpus read).
 */
import reportText from '../../corpus/CTOC-COP-2012-15.txt?raw';
import { readReport } from '../core/corpus/report.ts';
import { parseTemplates } from '../core/drafts/template.ts';
import { buildLexicon } from '../core/lexicon/lexicon.ts';
import { deriveReferences } from '../core/references/derive.ts';

const templateFiles = import.meta.glob<string>('../../templates/*.template.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const corpus = readReport(reportText);
export const lexicon = buildLexicon(corpus.documents);
export const references = deriveReferences(corpus);
const parsedTemplates = parseTemplates(templateFiles);
export const templates = parsedTemplates.templates;
export const templateErrors = parsedTemplates.errors;

/** "resolution 6/3" → the corpus document. */
export function corpusDocumentByRef(ref: string) {
  return corpus.documents.find((d) => `${d.kind} ${d.number ?? ''}` === ref);
}

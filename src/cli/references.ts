/** `references`: the instruments, resolutions, decisions and documents the corpus cites. */
import type { Corpus } from '../core/corpus/types.ts';
import { deriveReferences } from '../core/references/derive.ts';
import { table } from './table.ts';

export function referencesCommand(corpus: Corpus, json: boolean): string {
  const refs = deriveReferences(corpus);
  if (json) return JSON.stringify(refs, null, 2);
  const instruments = table(
    ['instrument', 'short title', 'source'],
    [...refs.instruments.map((i) => [i.title, i.shortTitles[0] ?? '', i.source ?? '(none in the corpus)'])],
    70,
  );
  const acts = table(
    ['act', 'organ', 'date', 'cited in'],
    refs.acts.map((a) => [
      `${a.kind} ${a.number}`,
      a.organ,
      a.dateText ?? '',
      a.citedIn.slice(0, 3).join(', '),
    ]),
    60,
  );
  const documents = table(
    ['symbol', 'what it is'],
    refs.documents.map((d) => [d.symbol, d.description ?? '']),
    90,
  );
  return `Instruments\n\n${instruments}\n\nResolutions and decisions\n\n${acts}\n\nDocuments\n\n${documents}`;
}

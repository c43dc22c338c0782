/**
 * What the finder shows for a library search: each match as a precedent the editor can put in
 * (compare/finder.ts `Precedent`: its opener, content and footnotes), with its provenance ("A/RES/79/136,
 * OP21, 6 December 2024", the title) and a word diff against the paragraph searched for. Only the
 * returned matches get a diff.
 */
import { precedentAt, type Precedent } from '../compare/finder.ts';
import { normalizeSpace } from '../compare/similarity.ts';
import { printedFromIsoDate } from '../references/dates.ts';
import {
  entryMeta,
  searchLibrary,
  type LibraryIndex,
  type ScoredEntry,
  type SearchOptions,
} from './search-index.ts';
import type { LibraryMeta } from './types.ts';

export interface LibraryMatch extends Precedent {
  readonly meta: LibraryMeta;
  /** The paragraph's label in its document: "OP21", "PP3 (a)", "annex 2", "II OP4". */
  readonly paragraphLabel: string;
  /** "A/RES/79/136, OP21, 6 December 2024". */
  readonly provenance: string;
}

export function provenance(meta: LibraryMeta, paragraphLabel: string): string {
  const date = meta.date ? printedFromIsoDate(meta.date) : undefined;
  return [meta.symbol, paragraphLabel, date].filter(Boolean).join(', ');
}

export function libraryMatches(
  index: LibraryIndex,
  text: string,
  options: SearchOptions = {},
): LibraryMatch[] {
  const query = normalizeSpace(text);
  return matchesOf(index, searchLibrary(index, query, options), query);
}

/**
 * The scored paragraphs of a search as matches against `query` (normalized). A paragraph whose
 * document's text is not at hand is left out: the app loads the texts of its results first.
 */
export function matchesOf(
  index: LibraryIndex,
  scored: readonly ScoredEntry[],
  query: string,
): LibraryMatch[] {
  return scored.flatMap(({ entry, score }) => {
    const meta = entryMeta(index, entry);
    if (!meta) return [];
    let paragraphLabel = '';
    const p = precedentAt(index, entry, score, query, (label) => {
      paragraphLabel = label;
      return `${meta.symbol} ${label}`;
    });
    return p ? [{ ...p, meta, paragraphLabel, provenance: provenance(meta, paragraphLabel) }] : [];
  });
}

/**
 * What the masthead of a draft says beyond its metadata fields (UN practice: how drafts travel and the printed page):
 * the sponsors line above the title, "Mexico and Peru: draft resolution", "Costa Rica, Croatia, ...
 * and United States of America: revised draft resolution". The model keeps the sponsors as a list and
 * the revision in the symbol ("CTOC/COP/2012/L.4/Rev.2"), so the line is derived, never stored.
 */
import type { ResolutionDocument } from '../model/types.ts';

/** "2" for "CTOC/COP/2012/L.4/Rev.2", "‹n›" for a template's "…/Rev.‹n›"; undefined for a first issue. */
export function revisionOf(symbol: string | undefined): string | undefined {
  return symbol === undefined ? undefined : /\/Rev\.([^/\s]+)$/.exec(symbol)?.[1];
}

/** "Mexico", "Mexico and Peru", "Costa Rica, Croatia and Ecuador": UN lists take no serial comma. */
export function joinSponsors(sponsors: readonly string[]): string {
  if (sponsors.length <= 1) return sponsors[0] ?? '';
  return `${sponsors.slice(0, -1).join(', ')} and ${sponsors[sponsors.length - 1]}`;
}

/** The sponsors line of a draft; undefined when it has no sponsors (a draft submitted by an officer). */
export function sponsorsLine(doc: ResolutionDocument): string | undefined {
  const sponsors = doc.metadata.sponsors ?? [];
  if (sponsors.length === 0) return undefined;
  const revised = revisionOf(doc.metadata.symbol) === undefined ? '' : 'revised ';
  return `${joinSponsors(sponsors)}: ${revised}draft ${doc.kind}`;
}

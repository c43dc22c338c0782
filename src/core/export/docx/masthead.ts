/**
 * The first-page masthead of an L document (UN practice: how drafts travel and the printed page): "United Nations" and
 * the symbol over a rule; the organ's name beside "Distr.: Limited", the date and "Original: English";
 * then the session, the agenda item and its title, and the sponsors line ending "draft resolution" or
 * "revised draft resolution".
 */
import type { ResolutionDocument } from '../../model/types.ts';
import { printedFromIsoDate } from '../../references/dates.ts';

export interface MastheadText {
  readonly symbol: string;
  readonly distribution: string;
  readonly date?: string;
  readonly original: string;
  readonly organ: string;
  /** "Sixth session" and "Vienna, 15-19 October 2012", printed on two lines. */
  readonly session: readonly string[];
  readonly agendaItem?: string;
  readonly agendaItemTitle?: string;
  readonly sponsorsLine?: string;
}

/** Whether the document gets an L masthead: a draft with a symbol or limited distribution, not an adopted text. */
export function hasMasthead(doc: ResolutionDocument): boolean {
  if (doc.number !== undefined || doc.metadata.adoption !== undefined) return false;
  return doc.metadata.symbol !== undefined || doc.metadata.distribution === 'limited';
}

/** "A, B and C" as UN documents list names. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** "Mexico and Peru: draft resolution"; "revised draft resolution" when the symbol ends in /Rev.n (section 6). */
export function sponsorsLine(doc: ResolutionDocument): string | undefined {
  const sponsors = doc.metadata.sponsors ?? [];
  if (sponsors.length === 0) return undefined;
  const revised = /\/Rev\.\d+$/.test(doc.metadata.symbol ?? '');
  return `${listNames(sponsors)}: ${revised ? 'revised ' : ''}draft ${doc.kind}`;
}

/** "Sixth session, Vienna, 15-19 October 2012" → ["Sixth session", "Vienna, 15-19 October 2012"]. */
export function sessionLines(session: string | undefined): string[] {
  if (!session) return [];
  const m = /^([^,]*\bsession)\s*,\s*(.+)$/i.exec(session.trim());
  return m && m[1] && m[2] ? [m[1], m[2]] : [session.trim()];
}

export function mastheadText(doc: ResolutionDocument): MastheadText {
  const meta = doc.metadata;
  const limited =
    meta.distribution === 'limited' || (meta.distribution === undefined && /\/L\.\d/.test(meta.symbol ?? ''));
  const date = meta.date ? (printedFromIsoDate(meta.date) ?? meta.date) : undefined;
  const sponsors = limited ? sponsorsLine(doc) : undefined;
  return {
    symbol: meta.symbol ?? '',
    distribution: `Distr.: ${limited ? 'Limited' : 'General'}`,
    ...(date ? { date } : {}),
    original: `Original: ${meta.originalLanguage ?? 'English'}`,
    organ: doc.organ,
    session: sessionLines(meta.session),
    ...(meta.agendaItem ? { agendaItem: `Agenda item ${meta.agendaItem}` } : {}),
    ...(meta.agendaItemTitle ? { agendaItemTitle: meta.agendaItemTitle } : {}),
    ...(sponsors ? { sponsorsLine: sponsors } : {}),
  };
}

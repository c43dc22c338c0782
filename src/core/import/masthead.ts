/**
 * Reads the masthead of an L document back into metadata (UN practice: how drafts travel and the printed page): the
 * symbol, "Distr.: Limited", the date, "Original: English", the session, the agenda item and its
 * title, and the sponsors line ("Mexico and Peru: draft resolution"). It reads the text, not the
 * styles, so a delegation's own Word draft with a typed masthead is read as well as an export.
 */
import type { DocumentKind, Metadata } from '../model/types.ts';
import { splitSponsors } from '../corpus/report.ts';
import { isoFromPrintedDate } from '../references/dates.ts';

export interface MastheadRead {
  readonly metadata: Metadata;
  /** How many leading paragraphs the masthead takes (0 when there is none). */
  readonly consumed: number;
  /** "draft decision" in the sponsors line says what the text is. */
  readonly kind?: DocumentKind;
}

/** The masthead is on the first page: never look further than this. */
const WINDOW = 30;

const SYMBOL = /^[A-Z][A-Z0-9]*(?:\/[A-Za-z0-9.]+)+(?:\/Rev\.\d+)?$/;
export const DISTRIBUTION = /^Distr\.?:?\s*(Limited|General|Restricted)\b/i;
export const ORIGINAL = /^Original:\s*(\S.*)$/i;
const SESSION = /^[A-Z][a-z]+(?:-[a-z]+)?\s+(?:special\s+)?session\b/;
const PLACE_AND_DATES = /^[A-Z][\w .'-]*,\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+[A-Z][a-z]+(?:\s+\d{4})?/;
const AGENDA = /^(?:Agenda\s+items?|Item)\s+(\S.*)$/i;
const DRAFT_LINE = /^(?:(.*?):\s*)?((?:revised\s+)?draft\s+(resolution|decision))\b(.*)$/i;

export function readMasthead(paragraphs: readonly string[]): MastheadRead {
  const all = paragraphs.slice(0, WINDOW).map((p) => p.replace(/\s+/g, ' ').trim());
  // The masthead ends before the enacting formula or the first numbered paragraph at the latest.
  const body = all.findIndex((t) => /^The\s.*[,:.]$/.test(t) || /^\d+\.\s/.test(t));
  const texts = body < 0 ? all : all.slice(0, body);
  const draftAt = texts.findIndex((t) => t.length < 2000 && DRAFT_LINE.test(t) && !/^The\s/.test(t));
  const distributionAt = texts.findIndex((t) => DISTRIBUTION.test(t));
  if (draftAt < 0 && distributionAt < 0) return { metadata: {}, consumed: 0 };

  // Where the masthead ends: the sponsors line, else the last line that looks like a masthead's.
  let end = draftAt;
  if (end < 0) {
    texts.forEach((t, k) => {
      if (
        t === '' ||
        t === 'United Nations' ||
        SYMBOL.test(t) ||
        DISTRIBUTION.test(t) ||
        ORIGINAL.test(t) ||
        isoFromPrintedDate(t) ||
        SESSION.test(t) ||
        PLACE_AND_DATES.test(t) ||
        AGENDA.test(t)
      )
        end = Math.max(end, k);
    });
    // The agenda item's title follows its line.
    const agendaAt = texts.findIndex((t) => AGENDA.test(t));
    if (agendaAt >= 0 && agendaAt === end && texts[agendaAt + 1]) end = agendaAt + 1;
  }
  const head = texts.slice(0, end + 1);
  const meta: { -readonly [K in keyof Metadata]: Metadata[K] } = {};
  let kind: DocumentKind | undefined;
  for (const [k, t] of head.entries()) {
    const distribution = DISTRIBUTION.exec(t);
    const original = ORIGINAL.exec(t);
    const agenda = AGENDA.exec(t);
    if (SYMBOL.test(t) && meta.symbol === undefined) meta.symbol = t;
    else if (distribution) meta.distribution = /limited/i.test(distribution[1] ?? '') ? 'limited' : 'general';
    else if (original) meta.originalLanguage = (original[1] ?? '').trim();
    else if (isoFromPrintedDate(t) && meta.date === undefined) meta.date = isoFromPrintedDate(t);
    else if (SESSION.test(t) && meta.session === undefined) {
      const next = head[k + 1];
      meta.session = next && PLACE_AND_DATES.test(next) ? `${t}, ${next}` : t;
    } else if (agenda && meta.agendaItem === undefined) {
      meta.agendaItem = (agenda[1] ?? '').trim();
      const title: string[] = [];
      for (let j = k + 1; j < head.length && j !== draftAt; j++) if (head[j]) title.push(head[j] ?? '');
      if (title.length) meta.agendaItemTitle = title.join(' ');
    }
  }
  if (draftAt >= 0) {
    const m = DRAFT_LINE.exec(texts[draftAt] ?? '');
    if (m) {
      kind = /decision/i.test(m[3] ?? '') ? 'decision' : 'resolution';
      const sponsors = m[1] ? splitSponsors(m[1]) : [];
      if (sponsors.length) meta.sponsors = sponsors;
    }
  }
  return { metadata: meta, consumed: end + 1, ...(kind ? { kind } : {}) };
}

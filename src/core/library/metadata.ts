/**
 * A library document's metadata, read from what the reader put in the model: the masthead (symbol,
 * session, agenda item and its title), the adoption lines ("Resolution adopted by the General Assembly
 * on 6 December 2024", "[on the report of the Third Committee (A/79/459, para. 37)]") and the number
 * ("79/136.").
 */
import type { ResolutionDocument } from '../model/types.ts';
import { sessionNumber } from './ordinals.ts';
import type { LibraryBody, LibraryMeta } from './types.ts';

/** "[on the report of the Third Committee (A/79/459, para. 37)]" → "A/79/459" (addenda kept). */
const REPORT = /\breport\b[^(]*\(\s*(A\/\d+\/\d+(?:\/Add\.\d+)?)/i;
/** "[without reference to a Main Committee (A/78/L.1)]" → "A/78/L.1". */
const DRAFT = /\(\s*(A\/(?:C\.\d\/)?\d+\/L\.\d+(?:\/Rev\.\d+)?(?:\/Add\.\d+)?)/;

function reportOf(basis: string | undefined): string | null {
  return (basis && REPORT.exec(basis)?.[1]) || null;
}

/** "A/RES/79/9" → "79/9": the number, when the reader missed the "79/9." line. */
const RES_SYMBOL = /^A\/RES\/(\d{1,3}\/\d{1,4})\b/;

/**
 * A session's number from the resolution's own number ("79/136" → 79), else from the masthead. The
 * number first: a title that wraps onto "seventy-fourth session" ("Report of the International Law
 * Commission on the work of its / seventy-fourth session", A/RES/78/108) reads as a masthead's session
 * line, and filed the resolution under the seventy-fourth session.
 */
function sessionOf(doc: ResolutionDocument, number: string | null): number | null {
  const fromNumber = /^(\d+)\//.exec(number ?? '')?.[1];
  if (fromNumber) return Number(fromNumber);
  return sessionNumber(doc.metadata.session) ?? null;
}

export interface MetaOptions {
  readonly body: LibraryBody;
  /** The id when the document carries no symbol (a user's document: "user:<uuid>"). */
  readonly id?: string;
  /** The symbol when the document carries none (a user's file name). */
  readonly symbol?: string;
}

export function libraryMeta(doc: ResolutionDocument, options: MetaOptions): LibraryMeta {
  const m = doc.metadata;
  const basis = m.adoption?.basis;
  const number = doc.number ?? RES_SYMBOL.exec(m.symbol ?? '')?.[1] ?? null;
  const cited =
    options.body === 'cop' && number ? `${doc.kind} ${number}` : (m.symbol ?? options.symbol ?? null);
  const symbol = cited ?? (number ? `${doc.kind} ${number}` : doc.title || 'untitled document');
  const id = options.id ?? (options.body === 'cop' ? `COP ${symbol}` : symbol);
  return {
    id,
    symbol,
    body: options.body,
    kind: doc.kind,
    number,
    session: sessionOf(doc, number),
    date: m.adoption?.date ?? m.date ?? null,
    title: doc.title,
    agendaItem: m.agendaItem ?? null,
    agendaItemTitle: m.agendaItemTitle ?? null,
    report: reportOf(basis),
    draftSymbol: m.adoption?.draftSymbol ?? (basis ? (DRAFT.exec(basis)?.[1] ?? null) : null),
  };
}

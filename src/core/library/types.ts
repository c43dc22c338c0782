/**
 * The library (issue 13): the Assembly's resolutions of sessions 78-80, the sixth session of the
 * Conference of the Parties, and the documents a user adds. Each document is the model the one reader
 * produces (parse/printed.ts, corpus/report.ts, import/*), with the metadata a delegate searches and
 * cites by.
 */
import type { DocumentKind, ResolutionDocument } from '../model/types.ts';

/** Who adopted it: the General Assembly, the Conference of the Parties, or a document of the user's. */
export const LIBRARY_BODIES = ['ga', 'cop', 'user'] as const;
export type LibraryBody = (typeof LIBRARY_BODIES)[number];

export const BODY_NAMES: Readonly<Record<LibraryBody, string>> = {
  ga: 'General Assembly',
  cop: 'Conference of the Parties',
  user: 'Your documents',
};

export interface LibraryMeta {
  /** Unique in the library: "A/RES/79/136", "COP resolution 6/1", "user:5f0c…". */
  readonly id: string;
  /** As cited: "A/RES/79/136", "resolution 6/1", or the file name of a user's document. */
  readonly symbol: string;
  readonly body: LibraryBody;
  readonly kind: DocumentKind;
  /** "79/136", "6/1"; null when the document has none (a draft). */
  readonly number: string | null;
  /** 79 for the seventy-ninth session; null when not known. */
  readonly session: number | null;
  /** ISO date of adoption (or of the document, when no adoption is printed). */
  readonly date: string | null;
  readonly title: string;
  /** "107", "13 and 117", as printed. */
  readonly agendaItem: string | null;
  readonly agendaItemTitle: string | null;
  /** The committee report it was adopted on: "A/79/459" (null for a plenary resolution). */
  readonly report: string | null;
  /** The draft it was adopted from: "A/79/L.12", "A/C.3/79/L.20/Rev.1". */
  readonly draftSymbol: string | null;
}

export interface LibraryDocument {
  readonly meta: LibraryMeta;
  readonly doc: ResolutionDocument;
}

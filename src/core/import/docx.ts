/**
 * A .docx — one this app exported, or a delegation's own draft written in Word — read into drafts
 * (issue 5). The structure is recognized by the same recognizer as the corpus and paste
 * (src/core/parse/recognize.ts, `recognizeParagraphs`): each Word paragraph is handed over as text,
 * its italics as `*asterisks*` (the recognizer takes a leading italic run as the opener), its
 * footnote references as superscript digits, its list numbering as the label Word prints, and the
 * footnotes apart. The masthead, when there is one, fills the metadata.
 *
 * Why read the XML here rather than through mammoth's HTML: the recognizer wants text with italics
 * and footnote markers, which the XML gives directly; mammoth would add an HTML step the core has no
 * DOM to read, drops list labels Word computes, and reads only "accept all" (this import also reads a
 * tracked document as its base, with `revisions: 'reject'`). mammoth stays in the tests, as an
 * independent reader of what the export writes.
 *
 * Expected trouble is a value, never a throw (ARCHITECTURE.md convention 6): a damaged or hostile
 * file gives `{ ok: false, error }` with a sentence a user can act on.
 */
import type { DocumentKind, ResolutionDocument } from '../model/types.ts';
import type { Diagnostic } from '../parse/diagnostics.ts';
import { closingMeeting, readParagraphHeader } from '../parse/printed.ts';
import { recognizeParagraphs, type SectionHeading } from '../parse/recognize.ts';
import { LITERAL_ASTERISK, sentinel } from '../parse/markers.ts';
import { readMasthead } from './masthead.ts';
import {
  DOCUMENT_PART,
  readBody,
  readFootnotes,
  readNumbering,
  readStyleNumbering,
  type RevisionView,
  type WordRun,
} from './wordml.ts';
import { readParts } from './zip.ts';

export interface ImportOptions {
  /** Read tracked changes as accepted (the draft: the default) or rejected (the base). */
  readonly revisions?: RevisionView;
}

export type ImportResult =
  | { readonly ok: true; readonly documents: ResolutionDocument[]; readonly diagnostics: Diagnostic[] }
  | { readonly ok: false; readonly error: string };

const DOCUMENT = DOCUMENT_PART;
/** The styles the app's export gives a section's (or an annex heading's) number and heading. */
const SECTION_NUMBER_STYLE = 'UNSectionNumber';
const SECTION_HEADING_STYLE = 'UNSectionHeading';
const FOOTNOTES = 'word/footnotes.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';

/** Runs → text with `*italic*` marks, spaces kept outside the marks; footnote references by `marker`. */
export function runsText(runs: readonly WordRun[], marker: (id: string) => string): string {
  let out = '';
  for (const run of runs) {
    if (run.kind === 'tab') out += '\t';
    else if (run.kind === 'note') out += marker(run.id);
    else {
      // An asterisk the document really contains is not an italics mark.
      const text = run.text.split('*').join(LITERAL_ASTERISK);
      if (run.italic && text.trim() !== '') {
        const m = /^(\s*)(.*?)(\s*)$/s.exec(text);
        out += `${m?.[1] ?? ''}*${m?.[2] ?? ''}*${m?.[3] ?? ''}`;
      } else out += text;
    }
  }
  // "*Recalling* *also*" from two italic runs split by a space reads as one opener.
  return out.replace(/\*(\s+)\*/g, '$1');
}

function plainText(runs: readonly WordRun[]): string {
  return runs.map((r) => (r.kind === 'text' ? r.text : r.kind === 'tab' ? ' ' : '')).join('');
}

/** Diagnostics speak of paragraphs of the Word document, counted from its first. */
function inParagraphs(d: Diagnostic, offset: number): Diagnostic {
  const message = d.message.replace(/\bline (\d+)/g, (_m, n: string) => `paragraph ${Number(n) + offset}`);
  return { ...d, message, ...(d.line !== undefined ? { line: d.line + offset } : {}) };
}

async function read(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const view = options.revisions ?? 'accept';
  const parts = await readParts(bytes, [DOCUMENT, FOOTNOTES, NUMBERING, STYLES], [DOCUMENT]);
  if (!parts.ok) return parts;
  const xml = parts.value.get(DOCUMENT) ?? '';
  const body = readBody(
    xml,
    view,
    readNumbering(parts.value.get(NUMBERING)),
    readStyleNumbering(parts.value.get(STYLES)),
  );
  const notes = readFootnotes(parts.value.get(FOOTNOTES), view);

  const plain = body.map((p) => `${p.label ? `${p.label} ` : ''}${plainText(p.runs)}`.trim());
  if (plain.every((t) => t === '')) return { ok: false, error: 'the document has no text' };

  const masthead = readMasthead(plain);
  // A document as the UN issues it: "Resolution adopted by ...", "[on the report of ...]", "79/188.
  // Title" — read as a printed document's header is (parse/printed.ts), the title handed on alone.
  const issued = readParagraphHeader(plain);
  const skip = issued ? issued.bodyAt : masthead.consumed;
  let rest = body.slice(skip);
  // "53rd plenary meeting" and its date close an adopted text: the record of its adoption.
  let closing: { meeting: number; date: string } | undefined;
  const meeting = issued ? closingMeeting(rest.map((p) => plainText(p.runs))) : undefined;
  if (issued && meeting) {
    closing = { meeting: meeting.meeting, date: issued.metadata.adoption?.date ?? meeting.date ?? '' };
    rest = [...rest.slice(0, meeting.at), ...rest.slice(meeting.at + meeting.lines)];
  }
  // Footnotes numbered by first reference, as Word prints them.
  const numbers = new Map<string, number>();
  for (const p of rest)
    for (const r of p.runs) if (r.kind === 'note' && !numbers.has(r.id)) numbers.set(r.id, numbers.size + 1);
  // References as exact sentinels: two in a row stay two, and a superscript "²" stays text.
  const marker = (id: string): string => sentinel(numbers.get(id) ?? 0);
  const paragraphs: (string | SectionHeading)[] = [...(issued ? [issued.title] : [])];
  for (let k = 0; k < rest.length; k++) {
    const p = rest[k];
    if (!p) continue;
    // A section or annex heading: the number alone ("II", centred; the app's export names the style
    // UN Section Number), then the heading (UN Section Heading), or a heading with no number.
    const text = plainText(p.runs).trim();
    const next = rest[k + 1];
    const nextText = next ? plainText(next.runs).trim() : '';
    const isNumber = p.style === SECTION_NUMBER_STYLE || (!p.label && /^[IVXL]{1,6}\.?$/.test(text));
    const nextIsHeading =
      next !== undefined &&
      !next.label &&
      (next.style === SECTION_HEADING_STYLE ||
        (p.style !== SECTION_NUMBER_STYLE && nextText.length < 200 && !/[,;:.]$/.test(nextText)));
    if (isNumber && nextIsHeading) {
      paragraphs.push({ section: text.replace(/\.$/, ''), heading: nextText });
      k++;
      continue;
    }
    if (isNumber && p.style === SECTION_NUMBER_STYLE) {
      paragraphs.push({ section: text.replace(/\.$/, ''), heading: '' });
      continue;
    }
    if (p.style === SECTION_HEADING_STYLE) {
      paragraphs.push({ section: '', heading: text });
      continue;
    }
    paragraphs.push(`${p.label ? `${p.label} ` : ''}${runsText(p.runs, marker)}`);
  }
  const footnotes = [...numbers].map(([id, number]) => ({
    number,
    text: runsText(notes.get(id) ?? [], marker).replace(/^\s+/, ''),
  }));
  const kind: DocumentKind | undefined = issued?.kind ?? masthead.kind;
  const result = recognizeParagraphs(paragraphs, footnotes, {
    exactMarkers: true,
    ...(kind ? { kind } : {}),
  });
  const diagnostics = result.diagnostics.map((d) => inParagraphs(d, issued ? skip - 1 : skip));
  for (const [id] of numbers)
    if (!notes.has(id))
      diagnostics.push({
        code: 'footnote-text-missing',
        severity: 'warning',
        message: `a footnote reference points to footnote ${id}, which the document does not contain`,
      });
  const documents = result.documents.map((doc, k) =>
    k === 0
      ? {
          ...doc,
          ...(issued?.number ? { number: issued.number } : {}),
          metadata: {
            ...doc.metadata,
            ...masthead.metadata,
            ...issued?.metadata,
            ...(closing?.date
              ? {
                  adoption: {
                    sponsors: [],
                    ...issued?.metadata.adoption,
                    date: closing.date,
                    meeting: closing.meeting,
                  },
                }
              : {}),
          },
        }
      : doc,
  );
  if (documents.length > 0 && documents.every((d) => d.formula === ''))
    diagnostics.push({
      code: 'not-a-resolution',
      severity: 'warning',
      message:
        'no enacting formula ("The General Assembly,", "The Conference of the Parties ...,") was found: the text was imported as paragraphs, to be arranged by hand',
    });
  return { ok: true, documents, diagnostics };
}

/** Reads a .docx into documents and diagnostics; never throws. */
export async function importDocx(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    return await read(bytes, options);
  } catch (e) {
    return {
      ok: false,
      error: `the file could not be read as a Word document (${e instanceof Error ? e.message : String(e)})`,
    };
  }
}

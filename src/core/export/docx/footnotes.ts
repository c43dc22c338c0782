/**
 * The footnotes of one exported document: numbered from 1 in order of reference, their texts written
 * per the draft's footnote rule (UN practice: citing instruments).
 *
 * The report numbers its footnotes across the whole document and chains "Ibid." across resolutions
 * (footnote 16, the first of resolution 6/3, is "Ibid." because footnote 15 in 6/2 was the same source).
 * An exported document stands alone, so each note is written again from its source (`resolved`, Ibid.
 * expanded), and "Ibid." is derived afresh from the notes of this document only:
 * - a note citing the same work at another place as the note before it: "Ibid., vol. 2326, No. 39574.";
 * - a note repeating exactly the source of the note before it: "Ibid." under 2012 practice (the
 *   corpus); under the current Editorial Manual "a needed repetition is a new footnote with identical
 *   text", so the full source is written again;
 * - anything else: the full source.
 * Export never adds or drops a reference: whether a source should be footnoted again is the rules'
 * business (src/core/rules), not the writer's.
 */
import type { FootnoteRule, Inline, ResolutionDocument, TextRun } from '../../model/types.ts';
import { inlineText, normalizeInlines } from '../../model/inline.ts';
import { citedWork } from '../../references/ibid.ts';
import { documentBlocks, noteReferences } from './blocks.ts';

export interface ExportFootnote {
  /** 1, 2, 3 in order of reference: also the w:id written to footnotes.xml for a plain export. */
  readonly number: number;
  /** The `Footnote.id` of the model this note comes from. */
  readonly footnoteId: string;
  /** The full source, Ibid. expanded: what two notes are compared by. */
  readonly source: string;
  /** The text as written in this document. */
  readonly content: readonly TextRun[];
}

/** Publication titles printed in italics (section 8: "titles of publications such as the *Treaty Series*"). */
const PUBLICATIONS = /(Treaty Series|Official Records of the [A-Z][\w ]*?(?=,))/;

/** Plain text → runs, with publication titles in italics. */
export function citationRuns(text: string): TextRun[] {
  const runs: TextRun[] = text
    .split(PUBLICATIONS)
    .filter((part) => part !== '')
    .map((part, k) =>
      k % 2 === 1 || PUBLICATIONS.test(part)
        ? { type: 'text', text: part, italic: true }
        : { type: 'text', text: part },
    );
  return normalizeInlines(runs).filter((r): r is TextRun => r.type === 'text');
}

function hasLocator(source: string): boolean {
  return citedWork(source) !== source.replace(/\.$/, '').trim();
}

/** The text of a note given the source of the note before it (undefined for the first). */
export function footnoteText(source: string, previous: string | undefined, rule: FootnoteRule): string {
  if (previous === undefined) return source;
  if (source === previous) return rule === '2012' ? 'Ibid.' : source;
  const work = citedWork(source);
  if (hasLocator(source) && hasLocator(previous) && work === citedWork(previous))
    return `Ibid., ${source.slice(work.length).replace(/^,\s*/, '')}`;
  return source;
}

/** The source a model footnote stands for: `resolved`, or its printed text when that says it all. */
export function footnoteSource(doc: ResolutionDocument, footnoteId: string): string {
  const note = doc.footnotes.find((f) => f.id === footnoteId);
  if (!note) return '';
  return (note.resolved ?? inlineText(note.content)).trim();
}

/**
 * Every footnote reference of the document in reading order, each a note of its own (a model footnote
 * referred to twice is written twice: Word gives every reference its own note).
 */
export function exportFootnotes(doc: ResolutionDocument, rule?: FootnoteRule): ExportFootnote[] {
  // A draft that does not say follows the current Editorial Manual, as the Details form shows.
  const effective: FootnoteRule = rule ?? doc.metadata.footnoteRule ?? 'current';
  const out: ExportFootnote[] = [];
  let previous: string | undefined;
  for (const inline of noteReferences(documentBlocks(doc))) {
    const source = footnoteSource(doc, inline.footnoteId);
    const text = footnoteText(source, previous, effective);
    const note = doc.footnotes.find((f) => f.id === inline.footnoteId);
    // The note's own runs where they already say exactly this (they keep the corpus's italics).
    const own = note && inlineText(note.content).trim() === text ? ownRuns(note.content) : undefined;
    out.push({
      number: out.length + 1,
      footnoteId: inline.footnoteId,
      source,
      content: own ?? citationRuns(text),
    });
    previous = source;
  }
  return out;
}

function ownRuns(content: readonly Inline[]): TextRun[] {
  const text = inlineText(content);
  const runs = content.filter((r): r is TextRun => r.type === 'text');
  // Normalize italics of publication titles even where the conversion lost them.
  return runs.some((r) => r.italic) ? runs : citationRuns(text);
}

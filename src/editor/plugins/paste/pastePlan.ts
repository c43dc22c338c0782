/**
 * What a pasted text becomes: the recognizer (core/parse/recognize.ts, shared with the corpus and
 * import) reads it, and this decides whether it is a resolution's text at all and lays it out as the
 * blocks the editor inserts. No Lexical here: a plan is plain data, tested as such.
 *
 * A paste is usually a fragment (a few paragraphs copied from another resolution), not a whole
 * document, and the recognizer takes the first paragraph of a document for its title. A fragment is
 * therefore read inside a frame, a title and an enacting formula put before it, so that its
 * paragraphs land in the preamble and the operative part as they would in a document; the frame is
 * checked afterwards and dropped.
 */
import type { Lexicon } from '../../../core/lexicon/lexicon.ts';
import { isKnownOpener } from '../../../core/lexicon/match.ts';
import type {
  Annex,
  Footnote,
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  Section,
  Subparagraph,
} from '../../../core/model/types.ts';
import { inlineText, joinOpener } from '../../../core/model/inline.ts';
import { endsComplete } from '../../../core/parse/lines.ts';
import { looksPrinted, readPrintedText } from '../../../core/parse/printed.ts';
import { recognize, type RecognizeResult } from '../../../core/parse/recognize.ts';
import { sectionRestarts } from '../../bridge/sections.ts';

/** A block of the operative part as it lies in the editor: paragraphs and flat subparagraphs. */
export type BodyBlock =
  | { readonly kind: 'operative'; readonly opener: string; readonly content: readonly Inline[] }
  | { readonly kind: 'subparagraph'; readonly level: number; readonly content: readonly Inline[] };

/** A section of an omnibus resolution, laid out as the top-level parts are. */
export interface PlanSection {
  readonly number: string;
  readonly heading: string;
  /** Whether its operative paragraphs are numbered from 1 again (bridge/sections.ts). */
  readonly restartsNumbering: boolean;
  readonly preamble: readonly PreambularParagraph[];
  readonly body: readonly BodyBlock[];
}

export interface PastePlan {
  /** A whole document's title and enacting formula; '' for a fragment. */
  readonly title: string;
  readonly formula: string;
  /** Preambular paragraphs, with their subparagraphs when they list some. */
  readonly preamble: readonly PreambularParagraph[];
  readonly body: readonly BodyBlock[];
  /** The sections after them, in an omnibus resolution (none otherwise). */
  readonly sections: readonly PlanSection[];
  readonly annex: Annex | null;
  /** The footnotes the pasted markers refer to, with the recognizer's ids ("fn1" for marker 1). */
  readonly footnotes: readonly Footnote[];
  /**
   * Notes printed on a copied page whose markers are not in the copied text, most often because they
   * belong to paragraphs that were not copied (a stretch of a printed document): left out, and the
   * paste says so.
   */
  readonly notesLeftOut?: number;
}

export interface PastePlanOptions {
  /**
   * The openers the editor knows. With it, a lone paragraph counts as resolution text only when its
   * opener is a known one, and an unnumbered paragraph opening with an operative verb ("Urges
   * States ...;") is an operative paragraph; without it, the recognizer's grammar decides alone.
   */
  readonly lexicon?: Lexicon;
}

const FRAME_TITLE = 'Pasted text';
const FRAME_FORMULA = 'The General Assembly,';

/**
 * The blocks `text` is made of, or null when it is not resolution text (a phrase, a sentence with no
 * opener, a paragraph that continues the one at the caret): then the ordinary paste applies.
 * Resolution text is a whole resolution (an enacting formula is found), several paragraphs, or one
 * paragraph that is numbered ("1."), lettered ("(a)") or opens with an opener and ends as a
 * paragraph does (UN practice: the parts of a resolution: a comma after a preambular paragraph, a semicolon or
 * full stop after an operative one).
 */
export function planPaste(text: string, options: PastePlanOptions = {}): PastePlan | null {
  // Text copied out of a printed document (a PDF viewer's selection, pdftotext) has its paragraphs
  // wrapped at the line ends and carries the page's furniture (symbols and page numbers at a page
  // break, the masthead, footnotes at the foot of a page): the printed-document reader, which import
  // uses for the same text, reads it. Text with a paragraph to a line goes to the recognizer.
  const printed = looksPrinted(text);
  const read = (source: string, fragment: boolean): RecognizeResult =>
    printed ? readPrintedText(source, { name: 'the pasted text', fragment }) : recognize(source);
  const whole = read(text, false).documents[0];
  if (whole !== undefined && whole.formula !== '') {
    const plan: PastePlan = {
      title: whole.title,
      formula: whole.formula,
      preamble: whole.preamble,
      body: whole.operative.flatMap(operativeBlocks),
      sections: planSections(whole.sections),
      annex: whole.annex,
      footnotes: whole.footnotes,
    };
    return blockCount(plan) > 0 ? plan : null;
  }

  // A stretch of a printed document: its running title and the notes of paragraphs not copied are
  // known as such without the document's title (core/parse/printed.ts, `fragment`).
  const fragment = read(`${FRAME_TITLE}\n${FRAME_FORMULA}\n${text}`, true);
  const framed = fragment.documents;
  const notesLeftOut = fragment.diagnostics.filter((d) => d.code === 'footnote-left-out').length;
  const doc = framed[0];
  // A first line that continues a sentence joins the frame's formula: not a paragraph of its own.
  if (framed.length !== 1 || doc === undefined || doc.title !== FRAME_TITLE || doc.formula !== FRAME_FORMULA)
    return null;

  const preamble: PreambularParagraph[] = [];
  const body: BodyBlock[] = [];
  for (const paragraph of doc.preamble) {
    if (isOperativeOpener(paragraph.opener, options.lexicon))
      body.push(
        { kind: 'operative', opener: paragraph.opener, content: paragraph.content },
        ...subparagraphBlocks(paragraph.subparagraphs ?? [], 1),
      );
    else preamble.push(paragraph);
  }
  // Lettered paragraphs before any operative paragraph were copied out of a list: the recognizer
  // keeps them as operative paragraphs ("subparagraph-orphan"); in a paste they are subparagraphs.
  let leading = true;
  for (const paragraph of doc.operative) {
    leading &&= paragraph.label !== undefined && /^\([a-z]+\)$/.test(paragraph.label);
    if (leading) body.push(...orphanBlocks(paragraph, doc.operative[0]?.label === '(i)' ? 2 : 1));
    else body.push(...operativeBlocks(paragraph));
  }
  const plan: PastePlan = {
    title: '',
    formula: '',
    preamble,
    body,
    sections: planSections(doc.sections),
    annex: doc.annex,
    footnotes: doc.footnotes,
    ...(notesLeftOut > 0 ? { notesLeftOut } : {}),
  };
  return looksStructured(plan, doc.operative, options.lexicon) ? plan : null;
}

/** The blocks a plan inserts (headings included), for deciding whether it is resolution text at all. */
function blockCount(plan: PastePlan): number {
  return (
    plan.preamble.length +
    plan.body.length +
    plan.sections.reduce((n, s) => n + 1 + s.preamble.length + s.body.length, 0) +
    (plan.annex?.items.length ?? 0)
  );
}

function planSections(sections: readonly Section[] | undefined): PlanSection[] {
  return (sections ?? []).map((section) => ({
    number: section.number,
    heading: section.heading,
    restartsNumbering: sectionRestarts(section),
    preamble: section.preamble,
    body: section.operative.flatMap(operativeBlocks),
  }));
}

function looksStructured(
  plan: PastePlan,
  operative: readonly OperativeParagraph[],
  lexicon: Lexicon | undefined,
): boolean {
  const count = blockCount(plan);
  if (count === 0) return false;
  if (count > 1 || plan.annex !== null || plan.footnotes.length > 0) return true;
  if (operative.some((paragraph) => paragraph.label !== undefined)) return true;
  const only = plan.preamble[0] ?? plan.body[0];
  if (only === undefined || !('opener' in only) || only.opener === '') return false;
  const known =
    lexicon === undefined ||
    isKnownOpener(lexicon, only.opener, 'preamble') ||
    isKnownOpener(lexicon, only.opener, 'operative');
  return known && endsComplete(joinOpener(only.opener, inlineText(only.content)));
}

/** An opener only the operative part uses ("Urges", "Also requests"); needs the lexicon to tell. */
function isOperativeOpener(opener: string, lexicon: Lexicon | undefined): boolean {
  if (opener === '' || lexicon === undefined) return false;
  return isKnownOpener(lexicon, opener, 'operative') && !isKnownOpener(lexicon, opener, 'preamble');
}

function operativeBlocks(paragraph: OperativeParagraph): BodyBlock[] {
  return [
    { kind: 'operative', opener: paragraph.opener, content: paragraph.content },
    ...subparagraphBlocks(paragraph.subparagraphs, 1),
  ];
}

function orphanBlocks(paragraph: OperativeParagraph, level: number): BodyBlock[] {
  // An orphan's opener, if the grammar found one, is ordinary text in a subparagraph.
  const content: Inline[] =
    paragraph.opener === ''
      ? [...paragraph.content]
      : [{ type: 'text', text: paragraph.opener }, ...spaced(paragraph.content)];
  // A run starting at (i) is one level down, and what the recognizer nested under it are siblings.
  const childLevel = level === 2 ? 2 : level + 1;
  return [
    { kind: 'subparagraph', level, content },
    ...subparagraphBlocks(paragraph.subparagraphs, childLevel),
  ];
}

function spaced(content: readonly Inline[]): Inline[] {
  const first = content[0];
  if (first === undefined) return [];
  return first.type === 'text' && /^[,;:.]/.test(first.text)
    ? [...content]
    : [{ type: 'text', text: ' ' }, ...content];
}

function subparagraphBlocks(subparagraphs: readonly Subparagraph[], level: number): BodyBlock[] {
  return subparagraphs.flatMap((sub) => [
    { kind: 'subparagraph', level, content: sub.content } satisfies BodyBlock,
    ...subparagraphBlocks(sub.subparagraphs, level + 1),
  ]);
}

/**
 * The paragraphs of a document as the comparison and the finder read them: one `Unit` per preambular
 * or operative paragraph, subparagraph and annex item, with its words, bigrams and footnotes computed
 * once (comparing two resolutions then never tokenizes a paragraph twice).
 */
import { inlineText, joinOpener } from '../model/inline.ts';
import type { Footnote, Inline, ResolutionDocument, Section, Subparagraph } from '../model/types.ts';
import { subparagraphLabel } from '../export/labels.ts';
import { bigrams, normalizeSpace, union, words } from './similarity.ts';
import type { Shingles } from './similarity.ts';
import type { ComparePart } from './types.ts';

/** A paragraph, subparagraph or annex item of a document: where it stands, its label and its text. */
export interface OutlineUnit {
  readonly part: ComparePart;
  /** 1-based positions from the part down: [9, 1] is OP9 (a). */
  readonly path: readonly number[];
  /** "PP3", "OP9 (a)", "annex (b)(iii)", "(a)" for a decision's operative paragraph. */
  readonly label: string;
  /** The italic opener; empty for subparagraphs and annex items, which the model gives none. */
  readonly opener: string;
  readonly content: readonly Inline[];
  /** The paragraph as printed, opener included, whitespace collapsed, footnote markers left out. */
  readonly text: string;
  /** The footnotes its references point at, in the order of the references. */
  readonly footnotes: readonly Footnote[];
  readonly children: readonly OutlineUnit[];
}

/** An outline unit with its words and bigrams, as the comparison reads it. */
export interface Unit extends OutlineUnit {
  readonly tokens: readonly string[];
  /** Bigrams of this paragraph's own text. */
  readonly shingles: Shingles;
  /** Bigrams of the paragraph with all its subparagraphs: what alignment compares. */
  readonly treeShingles: Shingles;
  readonly children: readonly Unit[];
}

function outlineUnit(
  part: ComparePart,
  path: readonly number[],
  label: string,
  opener: string,
  content: readonly Inline[],
  children: readonly OutlineUnit[],
  footnotesById: ReadonlyMap<string, Footnote>,
): OutlineUnit {
  const text = normalizeSpace(joinOpener(opener, inlineText(content)));
  const footnotes = content.flatMap((p) => {
    if (p.type !== 'footnoteRef') return [];
    const f = footnotesById.get(p.footnoteId);
    return f ? [f] : [];
  });
  return { part, path, label, opener, content, text, footnotes, children };
}

function tokenized(u: OutlineUnit): Unit {
  const children = u.children.map(tokenized);
  const tokens = words(u.text);
  const shingles = bigrams(tokens);
  return {
    ...u,
    tokens,
    shingles,
    treeShingles: children.length ? union([shingles, ...children.map((c) => c.treeShingles)]) : shingles,
    children,
  };
}

/**
 * How units are labelled: `positional` (the comparison: the number a paragraph has where it now
 * stands, so a renumbered paragraph reads "OP5→OP6") or `printed` (the finder: the label as printed in
 * the corpus, "5 bis" included, falling back on the position).
 */
export type LabelStyle = 'positional' | 'printed';

function subLabel(s: Subparagraph, depth: number, position: number, style: LabelStyle): string {
  return (style === 'printed' ? s.label : undefined) ?? subparagraphLabel(depth, position);
}

function subUnits(
  part: ComparePart,
  parentPath: readonly number[],
  parentLabel: string,
  subs: readonly Subparagraph[],
  depth: number,
  footnotesById: ReadonlyMap<string, Footnote>,
  glue: string,
  style: LabelStyle,
): OutlineUnit[] {
  return subs.map((s, k) => {
    const path = [...parentPath, k + 1];
    const label = `${parentLabel}${glue}${subLabel(s, depth, k + 1, style)}`;
    const children = subUnits(part, path, label, s.subparagraphs, depth + 1, footnotesById, '', style);
    return outlineUnit(part, path, label, '', s.content, children, footnotesById);
  });
}

export interface DocumentOutline<U extends OutlineUnit = OutlineUnit> {
  readonly preamble: readonly U[];
  readonly operative: readonly U[];
  readonly annex: readonly U[];
}

export type DocumentUnits = DocumentOutline<Unit>;

/** Units of every part, tokenized for comparison (see `documentOutline`). */
export function documentUnits(doc: ResolutionDocument, style: LabelStyle = 'positional'): DocumentUnits {
  const o = documentOutline(doc, style);
  return {
    preamble: o.preamble.map(tokenized),
    operative: o.operative.map(tokenized),
    annex: o.annex.map(tokenized),
  };
}

/**
 * The paragraphs of every part, not yet tokenized (the library tokenizes its own way). Labels follow how delegates cite paragraphs (PP3,
 * OP5); a decision's operative paragraphs are lettered ("(a)", decision 6/2); annex items are lettered
 * or numbered as printed ("(b)" in the annex of resolution 6/4, "2" in decision 6/1's agenda). `style`
 * decides between the place a paragraph now has and the label printed on it.
 */
export function documentOutline(doc: ResolutionDocument, style: LabelStyle = 'positional'): DocumentOutline {
  const byId = new Map(doc.footnotes.map((f) => [f.id, f]));
  const lettered = doc.kind === 'decision';
  // The sections of an omnibus resolution follow the top-level paragraphs in their part, each
  // paragraph named by its section ("II PP1", "II OP3"), so a change inside a section is found.
  const parts = sectionParts(doc);
  const preamble = parts
    .flatMap((x) => x.preamble.map((p, k) => ({ p, k, prefix: x.prefix })))
    .map(({ p, k, prefix }, at) => {
      const label = `${prefix}PP${k + 1}`;
      const children = subUnits('preamble', [at + 1], label, p.subparagraphs ?? [], 1, byId, ' ', style);
      return outlineUnit('preamble', [at + 1], label, p.opener, p.content, children, byId);
    });
  const operative = parts
    .flatMap((x) => x.operative.map((p, k) => ({ p, k, prefix: x.prefix })))
    .map(({ p, k, prefix }, at) => {
      const printed =
        (style === 'printed' || prefix !== '' ? p.label : undefined) ??
        (lettered ? subparagraphLabel(1, k + 1) : String(k + 1));
      const label = `${prefix}${/^\(/.test(printed) ? printed : `OP${printed}`}`;
      const children = subUnits('operative', [at + 1], label, p.subparagraphs, 1, byId, ' ', style);
      return outlineUnit('operative', [at + 1], label, p.opener, p.content, children, byId);
    });
  const annex = (doc.annex?.items ?? []).map((it, k) => {
    // Lettered items (a) have (i) below them; numbered agenda items 1, 2 (decision 6/1) have (a).
    const numbered = it.label !== undefined && !/^\(/.test(it.label);
    const depth = numbered ? 1 : 2;
    const positional = numbered ? String(k + 1) : subparagraphLabel(1, k + 1);
    const printed = (style === 'printed' ? it.label : undefined) ?? positional;
    const label = `annex ${printed}`;
    const children = subUnits(
      'annex',
      [k + 1],
      label,
      it.subparagraphs,
      depth,
      byId,
      depth === 1 ? ' ' : '',
      style,
    );
    return outlineUnit('annex', [k + 1], label, '', it.content, children, byId);
  });
  return { preamble, operative, annex };
}

/** The paragraphs of a document's own parts or of one of its sections. */
export interface SectionParts extends Pick<Section, 'preamble' | 'operative'> {
  /** What its paragraphs' labels start with: '' for the document's own, "II " for section II. */
  readonly prefix: string;
}

/** The document's own preamble and operative part, then each section's ("section 3 " if unnumbered). */
export function sectionParts(doc: ResolutionDocument): SectionParts[] {
  return [
    { prefix: '', preamble: doc.preamble, operative: doc.operative },
    ...(doc.sections ?? []).map((s, k) => ({
      prefix: `${s.number || `section ${k + 1}`} `,
      preamble: s.preamble,
      operative: s.operative,
    })),
  ];
}

/**
 * The text of every unit `documentOutline` gives, in the same order (each paragraph, then its
 * subparagraphs depth first; preamble, operative part, annex), without building the units: the
 * library tokenizes 41,000 paragraphs at load and needs only their words.
 */
export function forEachUnitText(doc: ResolutionDocument, visit: (text: string) => void): void {
  const subs = (list: readonly Subparagraph[]): void => {
    for (const s of list) {
      visit(inlineText(s.content));
      subs(s.subparagraphs);
    }
  };
  const sections = doc.sections ?? [];
  for (const p of [...doc.preamble, ...sections.flatMap((x) => x.preamble)]) {
    visit(joinOpener(p.opener, inlineText(p.content)));
    subs(p.subparagraphs ?? []);
  }
  for (const p of [...doc.operative, ...sections.flatMap((x) => x.operative)]) {
    visit(joinOpener(p.opener, inlineText(p.content)));
    subs(p.subparagraphs);
  }
  for (const it of doc.annex?.items ?? []) {
    visit(inlineText(it.content));
    subs(it.subparagraphs);
  }
}

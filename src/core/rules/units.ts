/**
 * The document as the rules read it: a list of units (title, formula, paragraphs, subparagraphs, annex
 * items) in reading order, each with its printed text and the facts about its place that the
 * paragraph rules need (types.ts, `ParagraphUnit`).
 */
import { alphabeticLabel, romanLabel } from '../export/labels.ts';
import { inlineText, joinOpener, plain } from '../model/inline.ts';
import type {
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Subparagraph,
} from '../model/types.ts';
import type {
  LintContext,
  LocationPart,
  ParagraphAddress,
  ParagraphRule,
  ParagraphUnit,
  RuleDiagnostic,
} from './types.ts';

/** Where `content` begins in `joinOpener(opener, rest)`. */
export function contentOffset(opener: string, rest: string): number {
  if (opener === '') return 0;
  if (rest === '') return opener.length;
  return /^[,;:.]/.test(rest) ? opener.length : opener.length + 1;
}

function unit(
  address: ParagraphAddress,
  documentKind: ResolutionDocument['kind'],
  opener: string,
  content: readonly Inline[],
  facts: {
    depth: number;
    hasSubparagraphs: boolean;
    final: boolean;
    annexedText?: boolean;
    beforeAnnex?: boolean;
  },
): ParagraphUnit {
  const rest = inlineText(content);
  return {
    address,
    documentKind,
    opener,
    content,
    text: joinOpener(opener, rest),
    contentStart: contentOffset(opener, rest),
    ...facts,
    annexedText: facts.annexedText ?? false,
    beforeAnnex: facts.beforeAnnex ?? false,
  };
}

/** The units of a document object, computed once: the model is immutable, and several rules read them. */
const UNITS = new WeakMap<ResolutionDocument, readonly ParagraphUnit[]>();

/**
 * Every unit of the document in reading order: title, formula, preamble, operative part, each section's
 * preamble and operative part (omnibus resolutions), annex; each paragraph followed by its subparagraphs.
 * Footnote texts are never units: they are sources, not paragraphs.
 */
export function paragraphUnits(doc: ResolutionDocument): readonly ParagraphUnit[] {
  let units = UNITS.get(doc);
  if (!units) {
    units = buildUnits(doc);
    UNITS.set(doc, units);
  }
  return units;
}

function buildUnits(doc: ResolutionDocument): ParagraphUnit[] {
  const kind = doc.kind;
  const out: ParagraphUnit[] = [];
  const flat = { depth: 0, hasSubparagraphs: false, final: false };
  out.push(unit({ part: 'title' }, kind, '', plain(doc.title), flat));
  out.push(unit({ part: 'formula' }, kind, '', plain(doc.formula), flat));

  const subs = (
    at: { part: LocationPart; section?: number; paragraph: number },
    path: readonly number[],
    list: readonly Subparagraph[],
    parentFinal: boolean,
    annexedText = false,
  ): void => {
    list.forEach((s, k) => {
      const here = [...path, k + 1];
      const final = parentFinal && k === list.length - 1;
      out.push(
        unit({ ...at, subparagraph: here }, kind, '', s.content, {
          depth: here.length,
          hasSubparagraphs: s.subparagraphs.length > 0,
          final: final && s.subparagraphs.length === 0,
          annexedText,
        }),
      );
      subs(at, here, s.subparagraphs, final, annexedText);
    });
  };

  // The operative part ends in the last section that has operative paragraphs (an omnibus
  // resolution's sections run on: each but the last ends its paragraphs with a semicolon,
  // A/RES/78/245); the paragraphs before the first section are then not the last.
  const sections = doc.sections ?? [];
  let lastOperative = doc.operative.length > 0 ? 0 : -1;
  sections.forEach((s, i) => {
    if (s.operative.length > 0) lastOperative = i + 1;
  });

  const part = (
    section: number | undefined,
    preamble: readonly PreambularParagraph[],
    operative: readonly OperativeParagraph[],
  ): void => {
    const at = section === undefined ? {} : { section };
    preamble.forEach((p, i) => {
      const list = p.subparagraphs ?? [];
      const address = { part: 'preamble' as const, ...at, paragraph: i + 1 };
      out.push(
        unit(address, kind, p.opener, p.content, {
          depth: 0,
          hasSubparagraphs: list.length > 0,
          final: false,
        }),
      );
      // A preambular paragraph's list ends where the paragraph does: its last item is `final`.
      subs(address, [], list, true);
    });
    const endsHere = lastOperative === (section ?? 0);
    operative.forEach((p, i) => {
      const last = endsHere && i === operative.length - 1;
      const hasSubparagraphs = p.subparagraphs.length > 0;
      const address = { part: 'operative' as const, ...at, paragraph: i + 1 };
      out.push(
        unit(address, kind, p.opener, p.content, {
          depth: 0,
          hasSubparagraphs,
          final: last && !hasSubparagraphs,
          beforeAnnex: last && doc.annex !== null,
        }),
      );
      subs(address, [], p.subparagraphs, last);
    });
  };
  part(undefined, doc.preamble, doc.operative);
  sections.forEach((s, i) => part(i + 1, s.preamble, s.operative));

  if (doc.annex) {
    const { intro, items } = doc.annex;
    const annexedText = numberedItems(items);
    if (intro.length > 0) {
      out.push(
        unit({ part: 'annex', paragraph: 0 }, kind, '', intro, {
          depth: 0,
          hasSubparagraphs: items.length > 0,
          final: items.length === 0,
          annexedText,
        }),
      );
    }
    items.forEach((item, i) => {
      // In a text of its own, each numbered paragraph ends its own sentence and so does its list.
      const last = annexedText || i === items.length - 1;
      const hasSubparagraphs = item.subparagraphs.length > 0;
      out.push(
        unit({ part: 'annex', paragraph: i + 1 }, kind, '', item.content, {
          depth: 0,
          hasSubparagraphs,
          final: i === items.length - 1 && !hasSubparagraphs,
          annexedText,
        }),
      );
      subs({ part: 'annex', paragraph: i + 1 }, [], item.subparagraphs, last, annexedText);
    });
  }
  return out;
}

/**
 * Whether an annex's items are numbered paragraphs (their first printed label is a number, "1" or
 * "1."): the annex is then a text of its own (types.ts, `ParagraphUnit.annexedText`).
 */
function numberedItems(items: readonly Subparagraph[]): boolean {
  const first = items.find((item) => item.label !== undefined)?.label;
  return first !== undefined && /^\s*\d/.test(first);
}

/** Whether two addresses name the same paragraph. */
export function sameAddress(a: ParagraphAddress, b: ParagraphAddress): boolean {
  if (a.part !== b.part || a.paragraph !== b.paragraph || a.section !== b.section) return false;
  const pa = a.subparagraph ?? [];
  const pb = b.subparagraph ?? [];
  return pa.length === pb.length && pa.every((n, i) => n === pb[i]);
}

/**
 * How diagnostics and the text output name a paragraph: "PP3", "PP9 (a)", "OP5 (b) (i)", "section 2
 * OP3" (the second section of an omnibus resolution, by position as paragraphs are), "annex item 4",
 * "title".
 */
export function addressLabel(address: ParagraphAddress): string {
  const path = (address.subparagraph ?? []).map((n, depth) => ` (${subLabel(n, depth + 1)})`).join('');
  const section = address.section === undefined ? '' : `section ${address.section} `;
  switch (address.part) {
    case 'title':
    case 'formula':
      return address.part;
    case 'preamble':
      return `${section}PP${address.paragraph ?? ''}${path}`;
    case 'operative':
      return `${section}OP${address.paragraph ?? ''}${path}`;
    case 'annex':
      return address.paragraph === 0 ? 'annex intro' : `annex item ${address.paragraph ?? ''}${path}`;
  }
}

/**
 * The label a subparagraph at a 1-based position and depth takes (the Editorial Manual's lettering of subparagraphs):
 * (a), (b) ... at depth 1, (i), (ii) ... at depth 2, then (a) again.
 */
export function subLabel(position: number, depth: number): string {
  if (!Number.isInteger(position) || position < 1) return String(position);
  return depth % 2 === 0 ? romanLabel(position) : alphabeticLabel(position);
}

/** Defines a paragraph rule's whole-document `check` from its `checkUnit`. */
export function paragraphRule(spec: Omit<ParagraphRule, 'scope' | 'check'>): ParagraphRule {
  return {
    ...spec,
    scope: 'paragraph',
    check(doc: ResolutionDocument, context: LintContext): RuleDiagnostic[] {
      return paragraphUnits(doc)
        .filter((u) => spec.appliesTo.includes(u.address.part))
        .flatMap((u) => spec.checkUnit(u, context));
    },
  };
}

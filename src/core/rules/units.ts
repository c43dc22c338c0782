/**
 * The document as the rules read it: a list of units (title, formula, paragraphs, subparagraphs, annex
 * items) in reading order, each with its printed text and the facts about its place that the
 * paragraph rules need (types.ts, `ParagraphUnit`).
 */
import { alphabeticLabel, romanLabel } from '../export/labels.ts';
import { inlineText, joinOpener, plain } from '../model/inline.ts';
import type { Inline, ResolutionDocument, Subparagraph } from '../model/types.ts';
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
  facts: { depth: number; hasSubparagraphs: boolean; final: boolean },
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
  };
}

/** The units of a document object, computed once: the model is immutable, and several rules read them. */
const UNITS = new WeakMap<ResolutionDocument, readonly ParagraphUnit[]>();

/** Every unit of the document in reading order: title, formula, preamble, operative part, annex. */
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
  doc.preamble.forEach((p, i) => {
    out.push(unit({ part: 'preamble', paragraph: i + 1 }, kind, p.opener, p.content, flat));
  });

  const subs = (
    part: LocationPart,
    paragraph: number,
    path: readonly number[],
    list: readonly Subparagraph[],
    parentFinal: boolean,
  ): void => {
    list.forEach((s, k) => {
      const here = [...path, k + 1];
      const final = parentFinal && k === list.length - 1;
      out.push(
        unit({ part, paragraph, subparagraph: here }, kind, '', s.content, {
          depth: here.length,
          hasSubparagraphs: s.subparagraphs.length > 0,
          final: final && s.subparagraphs.length === 0,
        }),
      );
      subs(part, paragraph, here, s.subparagraphs, final);
    });
  };

  doc.operative.forEach((p, i) => {
    const last = i === doc.operative.length - 1;
    const hasSubparagraphs = p.subparagraphs.length > 0;
    out.push(
      unit({ part: 'operative', paragraph: i + 1 }, kind, p.opener, p.content, {
        depth: 0,
        hasSubparagraphs,
        final: last && !hasSubparagraphs,
      }),
    );
    subs('operative', i + 1, [], p.subparagraphs, last);
  });

  if (doc.annex) {
    const { intro, items } = doc.annex;
    if (intro.length > 0) {
      out.push(
        unit({ part: 'annex', paragraph: 0 }, kind, '', intro, {
          depth: 0,
          hasSubparagraphs: items.length > 0,
          final: items.length === 0,
        }),
      );
    }
    items.forEach((item, i) => {
      const last = i === items.length - 1;
      const hasSubparagraphs = item.subparagraphs.length > 0;
      out.push(
        unit({ part: 'annex', paragraph: i + 1 }, kind, '', item.content, {
          depth: 0,
          hasSubparagraphs,
          final: last && !hasSubparagraphs,
        }),
      );
      subs('annex', i + 1, [], item.subparagraphs, last);
    });
  }
  return out;
}

/** Whether two addresses name the same paragraph. */
export function sameAddress(a: ParagraphAddress, b: ParagraphAddress): boolean {
  if (a.part !== b.part || a.paragraph !== b.paragraph) return false;
  const pa = a.subparagraph ?? [];
  const pb = b.subparagraph ?? [];
  return pa.length === pb.length && pa.every((n, i) => n === pb[i]);
}

/** How diagnostics and the text output name a paragraph: "PP3", "OP5 (b) (i)", "annex (c)", "title". */
export function addressLabel(address: ParagraphAddress): string {
  const path = (address.subparagraph ?? []).map((n, depth) => ` (${subLabel(n, depth + 1)})`).join('');
  switch (address.part) {
    case 'title':
    case 'formula':
      return address.part;
    case 'preamble':
      return `PP${address.paragraph ?? ''}`;
    case 'operative':
      return `OP${address.paragraph ?? ''}${path}`;
    case 'annex':
      return address.paragraph === 0 ? 'annex intro' : `annex item ${address.paragraph ?? ''}${path}`;
  }
}

/**
 * The label a subparagraph at a 1-based position and depth takes (DRAFTING-RULES.md section 1 item 5):
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

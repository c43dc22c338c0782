/**
 * Subparagraph labels run (a), (b), (c) ... and one level down (i), (ii), (iii) ... (UN practice:
 * subparagraphs). Under a lettered paragraph (a decision's, or an annex item) the next level is
 * roman, under a roman one it is lettered again. The items of an annex run (a), (b) ... or, for an
 * agenda, 1, 2 ... (decision 6/1); after one of the annex's headings its numbers may start again at 1
 * (A/RES/78/128, rules of procedure). Only printed labels are checked; where a label is absent the
 * position decides.
 */
import type { ResolutionDocument, Subparagraph } from '../model/types.ts';
import { follows, readLabel, relabel } from './labels.ts';
import type { LabelStyle, ReadLabel } from './labels.ts';
import { citeRule } from './authority.ts';
import type { DocumentRule, LintContext, LocationPart, ParagraphAddress, RuleDiagnostic } from './types.ts';
import { addressLabel } from './units.ts';

const META = {
  id: 'subparagraph-labels',
  title: 'Subparagraphs are lettered (a), (b), then numbered (i), (ii)',
  authority: 'editorial-manual',
} as const;
const ID = META.id;
const CITE = citeRule(META);

const STYLE_NAMES: Readonly<Record<LabelStyle, string>> = {
  number: '1, 2, 3',
  letter: '(a), (b), (c)',
  roman: '(i), (ii), (iii)',
};

function childStyle(parent: LabelStyle): LabelStyle {
  return parent === 'letter' ? 'roman' : 'letter';
}

/** The part a list is in, and the section of an omnibus resolution. */
interface Where {
  readonly part: LocationPart;
  readonly section?: number;
}

function checkList(
  list: readonly Subparagraph[],
  style: LabelStyle,
  where: Where,
  paragraph: number | undefined,
  path: readonly number[],
  out: RuleDiagnostic[],
  restartsAt: ReadonlySet<number> = new Set(),
): void {
  const labels = list.map((s) => s.label);
  const address = (i: number): ParagraphAddress =>
    paragraph === undefined
      ? { ...where, paragraph: i + 1 }
      : { ...where, paragraph, subparagraph: [...path, i + 1] };
  let previous: ReadLabel | undefined;
  let flagged = false;
  list.forEach((s, i) => {
    const label = s.label;
    const read = label === undefined ? undefined : readLabel(label, style);
    // After a heading, an annexed text may number its paragraphs from 1 again (rules of procedure,
    // "Rule 14 ... 1. The Secretary-General ...", A/RES/78/128 annex).
    if (restartsAt.has(i) && read?.style === style && read.position === 1 && read.insertion === 0)
      previous = undefined;
    if (label !== undefined && !flagged && (read?.style !== style || !follows(previous, read))) {
      // One diagnostic per list: the first label out of sequence, with a fix for the rest of the list.
      flagged = true;
      const changes = relabel(labels, style, i, previous);
      out.push({
        rule: ID,
        severity: 'error',
        message: `"${label}" is out of sequence at ${addressLabel(address(i))}: ${paragraph === undefined ? 'the items' : 'subparagraphs'} at this level run ${STYLE_NAMES[style]} ${CITE}.`,
        location: address(i),
        fix: {
          description: 'Reletter the list from here',
          edits: changes.map((c) => ({
            kind: 'setLabel' as const,
            target: address(c.index),
            label: c.label,
          })),
        },
      });
    }
    previous =
      read !== undefined && read.style === style
        ? read
        : { style, position: (previous?.position ?? 0) + 1, insertion: 0 };
    const here = address(i);
    checkList(s.subparagraphs, childStyle(style), where, here.paragraph, here.subparagraph ?? [], out);
  });
}

export const subparagraphLabelsRule: DocumentRule = {
  ...META,
  scope: 'document',
  severity: 'error',
  appliesTo: ['preamble', 'operative', 'annex'],
  check(doc: ResolutionDocument, _context: LintContext): RuleDiagnostic[] {
    const out: RuleDiagnostic[] = [];
    const runs = [doc, ...(doc.sections ?? [])];
    runs.forEach((run, k) => {
      const section = k === 0 ? {} : { section: k };
      // A preambular paragraph's list is lettered (a), (b) (Assembly practice).
      run.preamble.forEach((p, i) => {
        checkList(p.subparagraphs ?? [], 'letter', { part: 'preamble', ...section }, i + 1, [], out);
      });
      run.operative.forEach((p, i) => {
        // A decision's lettered paragraphs take (i) below them; a numbered paragraph takes (a).
        const own = p.label === undefined ? undefined : readLabel(p.label)?.style;
        const parent = own ?? (doc.kind === 'decision' ? 'letter' : 'number');
        checkList(p.subparagraphs, childStyle(parent), { part: 'operative', ...section }, i + 1, [], out);
      });
    });
    if (doc.annex) {
      const first = doc.annex.items.find((item) => item.label !== undefined)?.label;
      const style: LabelStyle =
        first !== undefined && readLabel(first)?.style === 'number' ? 'number' : 'letter';
      const headed = new Set((doc.annex.headings ?? []).map((h) => h.before));
      checkList(doc.annex.items, style, { part: 'annex' }, undefined, [], out, headed);
    }
    return out;
  },
};

/**
 * Operative paragraphs are numbered 1, 2, 3 ... without gaps or repeats; a paragraph inserted in
 * negotiation takes "5 bis", "5 ter" (UN practice: operative paragraphs and how drafts travel). A decision's
 * paragraphs are lettered (a), (b) ... (decisions 6/2 and 6/3). Only printed labels are checked (text
 * pasted or imported from elsewhere, `label` in the model); where the label is absent the position
 * decides and nothing can be wrong. A lone operative paragraph is not numbered (section 1 item 4).
 * The sections of an omnibus resolution each number their paragraphs from 1 or run on from the part
 * before, as their first printed number says.
 */
import type { ResolutionDocument } from '../model/types.ts';
import { follows, formatLabel, readLabel, relabel } from './labels.ts';
import type { LabelStyle, ReadLabel } from './labels.ts';
import { citeRule } from './authority.ts';
import type { DocumentRule, Fix, LintContext, RuleDiagnostic } from './types.ts';

const META = {
  id: 'operative-numbering',
  title: 'Operative paragraphs are numbered in sequence',
  authority: 'editorial-manual',
} as const;
const ID = META.id;
const CITE = citeRule(META);

function describe(
  previous: ReadLabel | undefined,
  current: ReadLabel,
  printed: string,
  before?: string,
): string {
  if (previous === undefined || before === undefined)
    return `The first paragraph is numbered "${printed}", not 1`;
  if (current.insertion > 0) {
    return `"${printed}" follows "${before}": an inserted paragraph takes "bis" after its paragraph, then "ter"`;
  }
  if (current.position === previous.position)
    return `"${printed}" repeats the number of the paragraph before`;
  if (current.position < previous.position)
    return `"${printed}" comes after "${before}": the numbers go backwards`;
  return `The numbers jump from "${before}" to "${printed}": a number is missing`;
}

/** Where a list of operative paragraphs is: the top level or a section (1-based). */
type Place = { readonly section?: number };

/**
 * Checks one run of labels (the top level's or a section's) and returns the last label read, for a
 * section that runs on from it.
 */
function checkRun(
  doc: ResolutionDocument,
  labels: readonly (string | undefined)[],
  style: LabelStyle,
  place: Place,
  start: ReadLabel | undefined,
  out: RuleDiagnostic[],
): ReadLabel | undefined {
  let previous = start;
  let before = start === undefined ? undefined : formatLabel(style, start.position, start.insertion);
  labels.forEach((label, i) => {
    const location = { part: 'operative' as const, ...place, paragraph: i + 1 };
    if (label === undefined) {
      previous = { style, position: (previous?.position ?? 0) + 1, insertion: 0 };
      before = formatLabel(style, previous.position);
      return;
    }
    const read = readLabel(label, style);
    if (read === undefined || read.style !== style) {
      out.push({
        rule: ID,
        severity: 'error',
        message: `"${label}" is not ${style === 'number' ? 'a paragraph number' : 'a letter label'}: the operative paragraphs of a ${doc.kind} are ${style === 'number' ? 'numbered 1, 2, 3' : 'lettered (a), (b), (c)'} ${CITE}.`,
        location,
        fix: renumberFix(labels, style, i, previous, place),
      });
    } else if (!follows(previous, read)) {
      out.push({
        rule: ID,
        severity: 'error',
        message: `${describe(previous, read, label, before)}; operative paragraphs run without gaps or repeats ${CITE}.`,
        location,
        fix: renumberFix(labels, style, i, previous, place),
      });
    }
    // Go on from the label as printed, so that one gap gives one diagnostic, not one per paragraph.
    previous = read ?? { style, position: (previous?.position ?? 0) + 1, insertion: 0 };
    before = label;
  });
  return previous;
}

export const numberingRule: DocumentRule = {
  ...META,
  scope: 'document',
  severity: 'error',
  appliesTo: ['operative'],
  check(doc: ResolutionDocument, _context: LintContext): RuleDiagnostic[] {
    const labels = doc.operative.map((p) => p.label);
    const sections = doc.sections ?? [];
    const out: RuleDiagnostic[] = [];
    const firstRead = [...labels, ...sections.flatMap((s) => s.operative.map((p) => p.label))].find(
      (l) => l !== undefined,
    );
    if (firstRead === undefined) return out;
    const firstStyle = readLabel(firstRead)?.style;
    const style: LabelStyle =
      doc.kind === 'resolution' ? 'number' : firstStyle === 'number' ? 'number' : 'letter';

    if (
      doc.kind === 'resolution' &&
      labels.length === 1 &&
      sections.length === 0 &&
      readLabel(firstRead)?.style === 'number'
    ) {
      return [
        {
          rule: ID,
          severity: 'info',
          message: `A lone operative paragraph is not numbered: "${firstRead}" can go ${CITE}.`,
          location: { part: 'operative', paragraph: 1 },
          fix: {
            description: 'Remove the number',
            edits: [{ kind: 'setLabel', target: { part: 'operative', paragraph: 1 } }],
          },
        },
      ];
    }

    let previous = checkRun(doc, labels, style, {}, undefined, out);
    // A section's paragraphs are numbered from 1 again (A/RES/78/247, sections I and II) or run on
    // from the paragraphs before it (A/RES/78/245, section I from 2): its first printed number says
    // which. A section without a numbered paragraph (one unnumbered paragraph) leaves the count alone.
    sections.forEach((section, k) => {
      const run = section.operative.map((p) => p.label);
      const first = run.find((l) => l !== undefined);
      if (first === undefined) return;
      const restarts = readLabel(first, style)?.position === 1 && run.indexOf(first) === 0;
      const last = checkRun(doc, run, style, { section: k + 1 }, restarts ? undefined : previous, out);
      previous = last ?? previous;
    });
    return out;
  },
};

function renumberFix(
  labels: readonly (string | undefined)[],
  style: LabelStyle,
  from: number,
  previous: ReadLabel | undefined,
  place: Place,
): Fix {
  const changes = relabel(labels, style, from, previous);
  return {
    description:
      changes.length === 1 ? `Renumber as "${changes[0]?.label}"` : 'Renumber from here to the end',
    edits: changes.map((c) => ({
      kind: 'setLabel' as const,
      target: { part: 'operative' as const, ...place, paragraph: c.index + 1 },
      label: c.label,
    })),
  };
}

/**
 * Repeated openers take *also*, then *further* (UN practice: the also/further rule): when consecutive
 * paragraphs of a part open with the same verb, the first is plain, the second takes "also", the third
 * and later "further" ("Requests / Also requests / Further requests", 6/1 OP4-6; "Recognizing /
 * Recognizing also / Recognizing further", 6/1 PP12-14). The sequence logic is the lexicon's
 * (lexicon/sequence.ts); this rule only reads it back:
 * - a bare repeat ("Recalling" right after "Recalling", as resolution 5/7 has it) wants "also";
 * - "Also X" with no plain X right before it, or after "Also X"/"Further X", is out of place;
 * - "Further X" before any "Also X" is wrong;
 * - a plain verb after an also/further run starts a new run and is fine (6/1 OP7 "Requests" after OP6
 *   "Further requests"; 6/3 OP18 "Encourages" after OP17 "Further encourages").
 * Adopted texts of other sessions deviate, so this is a warning with a fix, not an error.
 */
import { composeOpener, decomposeOpener } from '../lexicon/sequence.ts';
import type { OpenerPart, OpenerStep } from '../lexicon/sequence.ts';
import type { ResolutionDocument } from '../model/types.ts';
import { citeRule } from './authority.ts';
import type { DocumentRule, LintContext, RuleDiagnostic } from './types.ts';

// The corpus's practice (every resolution of CTOC/COP/2012/15 follows it), not a rule of the Manual.
const META = {
  id: 'also-further',
  title: 'Also and further mark repeated openers',
  authority: 'practice',
} as const;
const ID = META.id;
const CITE = citeRule(META);

interface Read {
  readonly opener: string;
  readonly key: string;
  readonly base: string;
  readonly step: OpenerStep;
}

function read(opener: string): Read {
  const { base, step } = decomposeOpener(opener);
  return { opener, key: base.toLowerCase(), base, step };
}

/** The step a paragraph should take after `previous`, or undefined when its own step is fine. */
function wantedStep(previous: Read | undefined, current: Read): OpenerStep | undefined {
  const same = previous !== undefined && previous.key === current.key;
  switch (current.step) {
    case 'plain':
      return same && previous.step === 'plain' ? 'also' : undefined;
    case 'also':
      if (!same) return 'plain';
      return previous.step === 'plain' ? undefined : 'further';
    case 'further':
      if (!same) return 'plain';
      return previous.step === 'plain' ? 'also' : undefined;
  }
}

function message(previous: Read | undefined, current: Read, wanted: OpenerStep, fixed: string): string {
  if (wanted === 'also') {
    return current.step === 'further'
      ? `"${current.opener}" comes before any "${fixed}": after a plain "${previous?.opener ?? current.base}" the repeated opener takes "also" first, then "further" ${CITE}.`
      : `"${current.opener}" repeats the opener of the paragraph before: the second of consecutive paragraphs with the same opener takes "also", so "${fixed}" ${CITE}.`;
  }
  if (wanted === 'further') {
    return `"${current.opener}" follows "${previous?.opener ?? ''}": the third and later consecutive paragraphs with the same opener take "further", so "${fixed}" ${CITE}.`;
  }
  return `"${current.opener}" has no "${current.base}" right before it: "also" and "further" mark the second and later of consecutive paragraphs with the same opener, so "${fixed}" ${CITE}.`;
}

function checkPart(
  openers: readonly string[],
  part: OpenerPart,
  section: number | undefined,
  out: RuleDiagnostic[],
): void {
  let previous: Read | undefined;
  openers.forEach((opener, i) => {
    if (opener.trim() === '') {
      previous = undefined;
      return;
    }
    const current = read(opener);
    const wanted = wantedStep(previous, current);
    if (wanted !== undefined) {
      const fixed = composeOpener(current.base, wanted, part);
      const target = { part, ...(section === undefined ? {} : { section }), paragraph: i + 1 };
      out.push({
        rule: ID,
        severity: 'warning',
        message: message(previous, current, wanted, fixed),
        location: { ...target, range: { start: 0, end: opener.length } },
        fix: { description: `Write "${fixed}"`, edits: [{ kind: 'setOpener', target, opener: fixed }] },
      });
    }
    previous = current;
  });
}

export const alsoFurtherRule: DocumentRule = {
  ...META,
  scope: 'document',
  severity: 'warning',
  appliesTo: ['preamble', 'operative'],
  check(doc: ResolutionDocument, _context: LintContext): RuleDiagnostic[] {
    const out: RuleDiagnostic[] = [];
    // Each section of an omnibus resolution is a resolution of its own: its sequences start afresh.
    const runs = [doc, ...(doc.sections ?? [])];
    runs.forEach((run, k) => {
      const section = k === 0 ? undefined : k;
      checkPart(
        run.preamble.map((p) => p.opener),
        'preamble',
        section,
        out,
      );
      checkPart(
        run.operative.map((p) => p.opener),
        'operative',
        section,
        out,
      );
    });
    return out;
  },
};

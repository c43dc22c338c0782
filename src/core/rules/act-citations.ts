/**
 * Citing resolutions and decisions (DRAFTING-RULES.md section 4): the organ's own acts are cited "its
 * resolution 5/1 of 22 October 2010" — the first citation in a document gives the date, later ones may
 * leave it out (6/3 PP2 "its resolution 5/3 of 22 October 2010", then PP7 "in its resolution 5/3").
 * Other organs' acts are cited without a date ("General Assembly resolution 64/293"), so only a date
 * that is printed is checked for them. A date that contradicts the corpus is an error: "resolution 5/4
 * of 22 October 2011" when the corpus cites 5/4 as of 22 October 2010 (references/derive.ts).
 * Quoted titles are left alone.
 */
import type { ResolutionDocument } from '../model/types.ts';
import { isoFromPrintedDate, PRINTED_DATE_SOURCE } from '../references/dates.ts';
import { findAct } from '../references/lookup.ts';
import { COP_ORGAN } from '../references/types.ts';
import type { CitedAct } from '../references/types.ts';
import { citeRule } from './authority.ts';
import { overlapsAny, quotedSpans } from './spans.ts';
import type { DocumentRule, LintContext, RuleDiagnostic } from './types.ts';
import { paragraphUnits } from './units.ts';

// The practice of the adopted texts (6/1, 6/3 cite the Conference's own acts with their dates).
const META = {
  id: 'act-citation',
  title: 'Resolutions and decisions cited with their date',
  authority: 'practice',
} as const;
const ID = META.id;
const CITE = citeRule(META);

/** "resolution 5/1", "resolutions 5/1 and 5/8", "decision 4/6 of 17 October 2008". */
const ACT = new RegExp(
  String.raw`\b([Rr]esolution|[Dd]ecision)s?\s+(\d+\/\d+(?:(?:\s*,\s*|\s+and\s+)\d+\/\d+)*)` +
    String.raw`(?:\s+of\s+(${PRINTED_DATE_SOURCE}))?`,
  'g',
);
const NUMBER = /\d+\/\d+/g;

/** Organs named before "resolution" (the list references/derive.ts reads the corpus with). */
const OTHER_ORGANS = [
  'General Assembly',
  'Economic and Social Council',
  'Security Council',
  'Human Rights Council',
  'Commission on Crime Prevention and Criminal Justice',
  'Commission on Narcotic Drugs',
] as const;
const ORGAN_BEFORE = new RegExp(`(${OTHER_ORGANS.join('|')}|Conference)(?:,?\\s+in\\s+its)?\\s+$`);

/** The organ a document speaks for, as the references name it. */
function ownOrgan(doc: ResolutionDocument): string {
  return doc.organ.startsWith(COP_ORGAN) ? COP_ORGAN : doc.organ;
}

export const actCitationRule: DocumentRule = {
  ...META,
  scope: 'document',
  severity: 'warning',
  appliesTo: ['preamble', 'operative', 'annex'],
  check(doc: ResolutionDocument, context: LintContext): RuleDiagnostic[] {
    const own = ownOrgan(doc);
    const cited = new Set<string>();
    const out: RuleDiagnostic[] = [];
    for (const unit of paragraphUnits(doc)) {
      const part = unit.address.part;
      if (part === 'title' || part === 'formula') continue;
      const quoted = quotedSpans(unit.text);
      for (const m of unit.text.matchAll(ACT)) {
        const range = { start: m.index, end: m.index + m[0].length };
        if (overlapsAny(range, quoted)) continue;
        const kind: CitedAct['kind'] = (m[1] ?? '').toLowerCase() === 'decision' ? 'decision' : 'resolution';
        const named = ORGAN_BEFORE.exec(unit.text.slice(Math.max(0, m.index - 80), m.index))?.[1];
        const organ = named === undefined ? own : named === 'Conference' ? COP_ORGAN : named;
        const list = m[2] ?? '';
        const listEnd = m.index + m[0].indexOf(list) + list.length;
        const numbers = [...list.matchAll(NUMBER)].map((n) => n[0]);
        const dateText = m[3];
        const acts = numbers.map((number) => ({
          number,
          act: findAct(context.references, number, kind, organ),
        }));
        const firsts = acts.filter(({ number }) => !cited.has(`${organ}|${kind}|${number}`));
        for (const { number } of acts) cited.add(`${organ}|${kind}|${number}`);
        // The document's own number (a draft that names itself) is not a citation.
        if (organ === own && doc.number !== undefined && numbers.length === 1 && numbers[0] === doc.number)
          continue;

        if (dateText !== undefined) {
          const printedIso = isoFromPrintedDate(dateText);
          const dateStart = m.index + m[0].lastIndexOf(dateText);
          const dated = acts.filter(({ act }) => act?.date !== undefined);
          const wrong = dated.filter(({ act }) => act?.date !== printedIso);
          if (wrong.length > 0) {
            const dates = new Set(dated.map(({ act }) => act?.dateText));
            const right = dates.size === 1 ? [...dates][0] : undefined;
            const which = wrong.map(({ act }) => `${act?.number} of ${act?.dateText}`).join(', ');
            out.push({
              rule: ID,
              severity: 'error',
              message: `"${m[0]}" contradicts the corpus, which cites ${kind} ${which} ${CITE}.`,
              location: { ...unit.address, range: { start: dateStart, end: dateStart + dateText.length } },
              ...(right === undefined || dated.length !== acts.length
                ? {}
                : {
                    fix: {
                      description: `Write "${right}"`,
                      edits: [
                        {
                          kind: 'replaceText' as const,
                          target: unit.address,
                          range: { start: dateStart, end: dateStart + dateText.length },
                          text: right,
                        },
                      ],
                    },
                  }),
            });
          }
          continue;
        }

        if (organ !== own || firsts.length === 0) continue;
        const dates = new Set(acts.map(({ act }) => act?.dateText));
        const known = dates.size === 1 ? [...dates][0] : undefined;
        out.push({
          rule: ID,
          severity: 'warning',
          message: `The first citation of ${kind} ${firsts.map((f) => f.number).join(' and ')} gives its date${known === undefined ? '' : ` ("of ${known}")`}: the organ's own acts are cited "its resolution 5/1 of 22 October 2010" ${CITE}.`,
          location: { ...unit.address, range },
          ...(known === undefined
            ? {}
            : {
                fix: {
                  description: `Add "of ${known}"`,
                  edits: [
                    {
                      kind: 'replaceText' as const,
                      target: unit.address,
                      range: { start: listEnd, end: listEnd },
                      text: ` of ${known}`,
                    },
                  ],
                },
              }),
        });
      }
    }
    return out;
  },
};

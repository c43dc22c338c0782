/**
 * Citing resolutions and decisions (UN practice: citing resolutions), by the organ that adopted them
 * (references/organs.ts, references/citations.ts):
 * - the organ's own acts are cited "its resolution 5/1 of 22 October 2010": the first citation with
 *   "its" gives the date, later ones may leave it out (6/3 PP2 "its resolution 5/3 of 22 October 2010",
 *   then PP7 "in its resolution 5/3"; the Assembly: "its resolution 70/1 of 25 September 2015");
 * - the Economic and Social Council's and the Human Rights Council's acts are cited with their date at
 *   the first citation ("Economic and Social Council resolution 2008/23 of 24 July 2008"), as the
 *   Assembly's texts of sessions 78-80 cite them (tests/core/rules/act-citations.test.ts counts them);
 * - the Security Council's with the year of adoption in parentheses, the date optional ("Security
 *   Council resolution 2482 (2019)");
 * - the Assembly's acts cited by another organ need no date ("General Assembly resolution 64/293",
 *   the Conference's practice), nor does an organ the rule does not know;
 * - a date is an error when it contradicts the corpus ("resolution 5/4 of 22 October 2011" when the
 *   corpus dates 5/4 22 October 2010), another citation of the same act in the document, the number
 *   itself (Security Council resolution 2482 (2019) "of 5 March 2018"; the Assembly's 77/98 in 2021)
 *   or the document's own date (A/RES/78/248, adopted on 22 December 2023, cites "its resolution
 *   72/256 of 24 December 2107").
 * Who adopted an act comes from the organ named before ("Human Rights Council resolution 53/1", "the
 * Council, in its resolution ...") or after it ("resolution 9/2 ... of the Conference of the States
 * Parties to ...") and from its number (2482 (2019) is the Security Council's, 5/14 is not the
 * Assembly's). A bare "resolution 46/182" is taken as the document's own organ's when the number can
 * be its, but with less certainty: its date is not checked against the number, nor asked for.
 * A footnote's text is a source, not a paragraph, and is never read here. Quoted titles are left alone.
 */
import type { ResolutionDocument } from '../model/types.ts';
import { readActCitations, type ActCitation, type CitedNumber } from '../references/citations.ts';
import { printedFromIsoDate } from '../references/dates.ts';
import { findAct } from '../references/lookup.ts';
import {
  adoptionYears,
  canBeOrgans,
  numberForm,
  organById,
  organByName,
  type OrganPractice,
} from '../references/organs.ts';
import { COP_ORGAN } from '../references/types.ts';
import type { CitedAct } from '../references/types.ts';
import { citeRule } from './authority.ts';
import { overlapsAny, quotedSpans } from './spans.ts';
import type { DocumentRule, Fix, LintContext, ParagraphAddress, RuleDiagnostic } from './types.ts';
import { addressLabel, paragraphUnits } from './units.ts';

// The practice of the adopted texts (6/1, 6/3 cite the Conference's own acts with their dates; the
// Assembly's texts of sessions 78-80 those of the Assembly and of the Councils).
const META = {
  id: 'act-citation',
  title: 'Resolutions and decisions cited with their date',
  authority: 'practice',
} as const;
const ID = META.id;
const CITE = citeRule(META);

/** The Conference of the Parties by its full name, as other organs' texts name it. */
const COP_FULL = `${COP_ORGAN} to the United Nations Convention against Transnational Organized Crime`;

/** Who a document speaks for, and which numbers can be its own acts. */
interface Own {
  /** The key acts are known by: `COP_ORGAN`, "General Assembly", or the organ as the document names it. */
  readonly key: string;
  readonly practice?: OrganPractice;
  /** "its resolution 5/1 of 22 October 2010", as the organ cites its own acts. */
  readonly example: string;
  /** Whether a bare "Conference resolution" means the Conference of the Parties to the Convention. */
  readonly conferenceIsCop: boolean;
  canBeOwn(number: string): boolean;
}

function ownOf(doc: ResolutionDocument): Own {
  if (doc.organ.startsWith(COP_ORGAN)) {
    return {
      key: COP_ORGAN,
      example: 'its resolution 5/1 of 22 October 2010',
      conferenceIsCop: true,
      canBeOwn: (n) => numberForm(n) === 'session',
    };
  }
  // Another organ's text names the Conference in full before it calls it "the Conference" (A/RES/78/228);
  // "Conference resolution 6/1" in a text on corruption is the Conference of the States Parties to the
  // Convention against Corruption (A/RES/79/190).
  const conferenceIsCop = paragraphUnits(doc).some((u) => u.text.includes(COP_FULL));
  const practice = organByName(doc.organ, '70/1') ?? organByName(doc.organ, '2008/23');
  if (practice) {
    return {
      key: practice.name,
      practice,
      example: practice.firstDate === 'own' ? practice.example : `its resolution of ${practice.example}`,
      conferenceIsCop,
      canBeOwn: (n) => canBeOrgans(practice, n),
    };
  }
  return {
    key: doc.organ,
    example: 'its resolution 5/1 of 22 October 2010',
    conferenceIsCop,
    canBeOwn: (n) => numberForm(n) === 'session' || numberForm(n) === 'year',
  };
}

/** The organ of one cited number, as far as the text and the number tell. */
interface Organ {
  readonly key: string;
  readonly own: boolean;
  readonly practice?: OrganPractice;
  /**
   * Named in the text, or known from a number only it gives (2482 (2019)). "its" is not enough: it may
   * stand for another organ the sentence names ("through its resolution 54/18 ..., the Human Rights
   * Council submitted", A/RES/78/203 OP7), so its date is not held against the number.
   */
  readonly certain: boolean;
}

/** An organ the rule knows, from the form of a number alone: 2482 (2019) is the Security Council's. */
function byNumber(number: string): OrganPractice | undefined {
  return numberForm(number) === 'council' ? organById('security-council') : undefined;
}

function organOf(citation: ActCitation, number: string, own: Own): Organ {
  const name = citation.organName;
  if (name !== undefined) {
    if (name.startsWith(COP_ORGAN) || (name === 'Conference' && own.conferenceIsCop))
      return { key: COP_ORGAN, own: own.key === COP_ORGAN, certain: true };
    const practice = organByName(name, number);
    const key = practice?.name ?? name;
    return { key, own: key === own.key, certain: true, ...(practice ? { practice } : {}) };
  }
  if (own.canBeOwn(number))
    return { key: own.key, own: true, certain: false, ...(own.practice ? { practice: own.practice } : {}) };
  const practice = byNumber(number);
  return practice
    ? { key: practice.name, own: false, certain: true, practice }
    : { key: `?${citation.possessive ? 'its' : ''}`, own: false, certain: false };
}

/** "resolution 77/98 of 7 December 2022" is of the right year for its number. */
function yearFits(organ: Organ, number: string, iso: string): { fits: boolean; years?: readonly number[] } {
  if (!organ.certain || organ.practice === undefined) return { fits: true };
  const years = adoptionYears(organ.practice, number);
  if (years === undefined) return { fits: true };
  return { fits: years.includes(Number(iso.slice(0, 4))), years };
}

function yearReason(organ: OrganPractice, number: string, years: readonly number[]): string {
  switch (numberForm(number)) {
    case 'council':
      return `the Security Council's resolution ${number} is of ${years[0]}`;
    case 'year':
      return `the ${organ.name}'s ${number.slice(0, 4)} session runs from July ${years[0]} to July ${years[1]}`;
    default:
      return `the General Assembly adopted the resolutions and decisions numbered ${number} in ${years[0]} or ${years[1]}, the years of that session`;
  }
}

/** When the document was adopted or issued, if it says: nothing it cites can be later. */
function issuedOn(doc: ResolutionDocument): { iso: string; what: string } | undefined {
  const adopted = doc.metadata.adoption?.date;
  if (adopted !== undefined)
    return { iso: adopted, what: `adopted on ${printedFromIsoDate(adopted) ?? adopted}` };
  const dated = doc.metadata.date;
  return dated === undefined
    ? undefined
    : { iso: dated, what: `dated ${printedFromIsoDate(dated) ?? dated}` };
}

interface Dated {
  readonly iso: string;
  readonly text: string;
  readonly where: ParagraphAddress;
}

function insertDate(address: ParagraphAddress, at: number, dateText: string): Fix {
  return {
    description: `Add "of ${dateText}"`,
    edits: [{ kind: 'replaceText', target: address, range: { start: at, end: at }, text: ` of ${dateText}` }],
  };
}

export const actCitationRule: DocumentRule = {
  ...META,
  scope: 'document',
  severity: 'warning',
  appliesTo: ['preamble', 'operative', 'annex'],
  check(doc: ResolutionDocument, context: LintContext): RuleDiagnostic[] {
    const own = ownOf(doc);
    const issued = issuedOn(doc);
    const cited = new Set<string>();
    const datedAt = new Map<string, Dated>();
    const out: RuleDiagnostic[] = [];
    for (const unit of paragraphUnits(doc)) {
      const part = unit.address.part;
      if (part === 'title' || part === 'formula') continue;
      const quoted = quotedSpans(unit.text);
      for (const citation of readActCitations(unit.text, unit.contentStart)) {
        if (overlapsAny(citation.range, quoted)) continue;
        const { kind, items } = citation;
        const organs = items.map((item) => organOf(citation, item.number, own));
        const keyOf = (i: number): string => `${organs[i]?.key ?? ''}|${kind}|${items[i]?.number ?? ''}`;
        // The document's own number (a draft that names itself) is not a citation.
        if (items.length === 1 && organs[0]?.own && items[0]?.number === doc.number) continue;
        const known = (i: number): CitedAct | undefined => {
          const organ = organs[i];
          const item = items[i];
          return organ && item && findAct(context.references, item.number, kind, organ.key);
        };

        // Dates: each printed date covers its number and the undated ones just before it.
        items.forEach((item, i) => {
          const date = item.date;
          if (date === undefined) return;
          let first = i;
          while (first > 0 && items[first - 1]?.sharesDate) first--;
          const covered = items.slice(first, i + 1).map((x, k) => ({ item: x, index: first + k }));
          const range = date.range;
          const location = { ...unit.address, range };
          const dated = covered.map(({ index }) => known(index)).filter((a) => a?.date !== undefined);
          const wrong = dated.filter((a) => a?.date !== date.iso);
          if (wrong.length > 0) {
            const dates = new Set(dated.map((a) => a?.dateText));
            const right = dates.size === 1 ? [...dates][0] : undefined;
            const which = wrong.map((a) => `${a?.number} of ${a?.dateText}`).join(', ');
            out.push({
              rule: ID,
              severity: 'error',
              message: `"${kind} ${item.number} of ${date.text}" contradicts the corpus, which cites ${kind} ${which} ${CITE}.`,
              location,
              ...(right === undefined || dated.length !== covered.length
                ? {}
                : {
                    fix: {
                      description: `Write "${right}"`,
                      edits: [{ kind: 'replaceText' as const, target: unit.address, range, text: right }],
                    },
                  }),
            });
            return;
          }
          const organ = organs[i];
          if (!organ) return;
          const earlier = datedAt.get(keyOf(i));
          if (earlier !== undefined && earlier.iso !== date.iso) {
            out.push({
              rule: ID,
              severity: 'error',
              message: `"${kind} ${item.number} of ${date.text}" contradicts ${addressLabel(earlier.where)}, which cites it as of ${earlier.text}: an act has one date ${CITE}.`,
              location,
              fix: {
                description: `Write "${earlier.text}"`,
                edits: [{ kind: 'replaceText', target: unit.address, range, text: earlier.text }],
              },
            });
            return;
          }
          if (issued !== undefined && date.iso > issued.iso) {
            out.push({
              rule: ID,
              severity: 'error',
              message: `"${kind} ${item.number} of ${date.text}" is dated after the present text, ${issued.what} ${CITE}.`,
              location,
            });
            return;
          }
          const { fits, years } = yearFits(organ, item.number, date.iso);
          if (!fits && years !== undefined && organ.practice) {
            out.push({
              rule: ID,
              severity: 'error',
              message: `"${kind} ${item.number} of ${date.text}" cannot be right: ${yearReason(organ.practice, item.number, years)} ${CITE}.`,
              location,
            });
            return;
          }
          if (earlier === undefined)
            datedAt.set(keyOf(i), { iso: date.iso, text: date.text, where: unit.address });
        });

        // The first citation of an act that its organ's practice dates.
        const firsts: { item: CitedNumber; index: number }[] = [];
        items.forEach((item, i) => {
          const key = keyOf(i);
          const first = !cited.has(key);
          cited.add(key);
          const organ = organs[i];
          if (!first || !organ || item.date !== undefined || item.sharesDate) return;
          const wanted = organ.own
            ? citation.possessive
            : organ.certain && organ.practice?.firstDate === 'always';
          if (wanted) firsts.push({ item, index: i });
        });
        const groups = new Map<string, { item: CitedNumber; index: number }[]>();
        for (const f of firsts) {
          const key = organs[f.index]?.own ? 'own' : (organs[f.index]?.key ?? '');
          groups.set(key, [...(groups.get(key) ?? []), f]);
        }
        for (const [key, group] of groups) {
          const dates = new Set(group.map(({ index }) => known(index)?.dateText));
          const date = dates.size === 1 ? [...dates][0] : undefined;
          const lastItem = group.at(-1)?.item;
          const start = group[0]?.index === 0 ? citation.range.start : (group[0]?.item.range.start ?? 0);
          const end = lastItem?.range.end ?? citation.range.end;
          const numbers = group.map(({ item }) => item.number).join(' and ');
          const practice = organs[group[0]?.index ?? 0]?.practice;
          const how =
            key === 'own'
              ? `the organ's own acts are cited "${own.example}"`
              : `the ${practice?.name ?? key}'s acts are cited with their date, "${practice?.example ?? ''}"`;
          out.push({
            rule: ID,
            severity: 'warning',
            message: `The first citation of ${kind} ${numbers} gives its date${date === undefined ? '' : ` ("of ${date}")`}: ${how} ${CITE}.`,
            location: { ...unit.address, range: { start, end } },
            ...(date === undefined ? {} : { fix: insertDate(unit.address, end, date) }),
          });
        }

        // A Security Council resolution without its year: "resolution 2482 (2019)".
        items.forEach((item, i) => {
          if (organs[i]?.practice?.id !== 'security-council' || numberForm(item.number) !== 'other') return;
          out.push({
            rule: ID,
            severity: 'warning',
            message: `Security Council resolutions are cited with the year of adoption in parentheses, "Security Council resolution 2482 (2019)": "${item.number}" lacks it ${CITE}.`,
            location: { ...unit.address, range: item.range },
          });
        });
      }
    }
    return out;
  },
};

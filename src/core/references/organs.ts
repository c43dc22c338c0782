/**
 * How the acts of each organ are numbered and cited (issue 12: "Citation rules know how acts of other
 * organs are cited"). The practice is that of the General Assembly's adopted texts of sessions 78-80
 * (corpus/ga), counted over the first citation of each act in each text (a date shared by a list,
 * "resolutions 5/1 and 5/8 of 22 October 2010", counts as given; tests/core/rules/adopted-texts.test.ts
 * recounts them):
 *
 * | organ | number | as cited | first citations with their date |
 * |---|---|---|---|
 * | the Assembly, "its" | 70/1; 1514 (XV) before 1976; ES-10/15, S-32/1 | "its resolution 70/1 of 25 September 2015" | 6,957 of 7,026 (99 %) |
 * | the Assembly, named or bare | the same | "General Assembly resolution 64/293", "resolution 46/182" | 592 of 796 (74 %); 911 of 1,306 (70 %) |
 * | Security Council | 2482 (2019): the year is part of the number | "Security Council resolution 2482 (2019)" | 488 of 633 (77 %) |
 * | Economic and Social Council | 2008/23, the year of its session (which opens the July before) | "Economic and Social Council resolution 2008/23 of 24 July 2008" | 137 of 140 (98 %) |
 * | Human Rights Council | 53/1 (session/number) | "Human Rights Council resolution 53/28 of 14 July 2023" | 326 of 345 (94 %) |
 *
 * So a first citation gives the date where practice all but always does (the organ's own acts cited
 * with "its", the two Councils' resolutions) and may leave it out elsewhere. A number says which organ
 * it can belong to: 2482 (2019) is the Security Council's whatever names it, and 5/14 cannot be the
 * Assembly's, whose session/number resolutions start at its thirty-first session (1976). Dates can be
 * checked against numbers: a Security Council resolution of 2019 is not "of 5 March 2018", and the
 * Assembly's resolution 77/98 was adopted in 2022 or 2023.
 */

/** How an act is numbered. */
export const NUMBER_FORMS = ['session', 'year', 'council', 'roman', 'special', 'other'] as const;
export type NumberForm = (typeof NUMBER_FORMS)[number];

/**
 * "70/1" session; "2008/23" year; "2482 (2019)" council; "1514 (XV)", "217 A (III)", "1874 (S-IV)" roman;
 * "ES-10/15", "S-32/1" special.
 */
export function numberForm(number: string): NumberForm {
  const n = number.replace(/\s+/g, ' ').trim();
  if (/^(?:19|20)\d\d\/\d+$/.test(n)) return 'year';
  // "53/243 A and B": parts of one resolution.
  if (/^\d{1,3}\/\d+(?: [A-Z]{1,2}(?:(?:, | and | to )[A-Z]{1,2})*)?$/.test(n)) return 'session';
  if (/^\d+ ?\((?:19|20)\d\d\)$/.test(n)) return 'council';
  if (/^\d+(?: ?[A-Z])? ?\((?:ES-|S-)?[IVXLC]+\)$/.test(n)) return 'roman';
  if (/^(?:ES|S)-\d+\/\d+$/.test(n)) return 'special';
  return 'other';
}

export const ORGAN_IDS = [
  'general-assembly',
  'security-council',
  'economic-and-social-council',
  'human-rights-council',
] as const;
export type OrganId = (typeof ORGAN_IDS)[number];

export interface OrganPractice {
  readonly id: OrganId;
  /** As the texts name it before "resolution". */
  readonly name: string;
  /** Other names the texts use: "the Assembly", "the Council" (the latter only with a fitting number). */
  readonly aliases: readonly string[];
  /** The number forms of its acts. */
  readonly forms: readonly NumberForm[];
  /**
   * Whether the first citation of one of its acts gives the date: "own" when the organ cites its own
   * acts (another organ may cite them without), "always", or "optional".
   */
  readonly firstDate: 'own' | 'always' | 'optional';
  /** A citation as the help and messages show it. */
  readonly example: string;
}

export const ORGANS: readonly OrganPractice[] = [
  {
    id: 'general-assembly',
    name: 'General Assembly',
    aliases: ['Assembly'],
    forms: ['session', 'roman', 'special'],
    firstDate: 'own',
    example: 'its resolution 70/1 of 25 September 2015',
  },
  {
    id: 'security-council',
    name: 'Security Council',
    aliases: ['Council'],
    forms: ['council'],
    firstDate: 'optional',
    example: 'Security Council resolution 2482 (2019)',
  },
  {
    id: 'economic-and-social-council',
    name: 'Economic and Social Council',
    aliases: ['Council'],
    forms: ['year'],
    firstDate: 'always',
    example: 'Economic and Social Council resolution 2008/23 of 24 July 2008',
  },
  {
    id: 'human-rights-council',
    name: 'Human Rights Council',
    aliases: ['Council'],
    forms: ['session'],
    firstDate: 'always',
    example: 'Human Rights Council resolution 53/28 of 14 July 2023',
  },
];

export function organById(id: OrganId): OrganPractice {
  const found = ORGANS.find((o) => o.id === id);
  if (!found) throw new Error(`Unknown organ id "${id}".`);
  return found;
}

/** The organ a name stands for, given the number cited ("Council" + 2482 (2019) is the Security Council). */
export function organByName(name: string, number: string): OrganPractice | undefined {
  const exact = ORGANS.find((o) => o.name === name);
  if (exact) return exact;
  const form = numberForm(number);
  return ORGANS.find((o) => o.aliases.includes(name) && o.forms.includes(form));
}

/** The Assembly numbers its resolutions session/number from its thirty-first session (1976). */
const FIRST_NUMBERED_SESSION = 31;

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function romanValue(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN[text[i] ?? ''] ?? 0;
    const next = ROMAN[text[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Whether an act numbered so can be the organ's: 5/14 is not the Assembly's, 2482 (2019) is the Council's. */
export function canBeOrgans(organ: OrganPractice, number: string): boolean {
  const form = numberForm(number);
  if (!organ.forms.includes(form)) return false;
  if (organ.id === 'general-assembly' && form === 'session')
    return Number(number.split('/')[0]) >= FIRST_NUMBERED_SESSION;
  return true;
}

/**
 * The years an act of the organ so numbered can have been adopted in; undefined when the number does
 * not say. The Assembly's session S opens in September of 1945 + S and closes a year later (77/98: 2022
 * or 2023; 1514 (XV): 1960 or 1961); the Council's year is printed ("(2019)"); the Economic and Social
 * Council's session named for a year opens the July before (decision 2017/206 of 5 October 2016).
 */
export function adoptionYears(organ: OrganPractice, number: string): readonly number[] | undefined {
  if (!canBeOrgans(organ, number)) return undefined;
  const n = number.replace(/\s+/g, ' ').trim();
  switch (numberForm(n)) {
    case 'session': {
      if (organ.id !== 'general-assembly') return undefined;
      const session = Number(n.split('/')[0]);
      return [1945 + session, 1946 + session];
    }
    case 'roman': {
      // A special session's number (1874 (S-IV)) does not give the year.
      if (organ.id !== 'general-assembly' || /\((?:ES-|S-)/.test(n)) return undefined;
      const session = romanValue(/\(([IVXLC]+)\)/.exec(n)?.[1] ?? '');
      return [1945 + session, 1946 + session];
    }
    case 'council':
      return [Number(/\((\d{4})\)/.exec(n)?.[1])];
    case 'year': {
      const year = Number(n.slice(0, 4));
      return [year - 1, year];
    }
    default:
      return undefined;
  }
}

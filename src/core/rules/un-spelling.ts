/**
 * UN spelling (UN spelling and style): Oxford spelling, so "organization" (not "organisation"),
 * "programme" for an undertaking (a computer program stays), "labour", "centre", "defence",
 * "neighbouring", "fulfilment", "endeavour". The word list is spelling-words.ts. Quoted titles and
 * document symbols are cited as printed and left alone (spans.ts). Each finding offers the
 * replacement, keeping the capital of the word as typed.
 */
import {
  IZE_ENDINGS,
  IZE_STEMS,
  PROGRAM_FORMS,
  PROGRAM_KEEPS_AFTER,
  SPELLING_VARIANTS,
} from './spelling-words.ts';
import { citeRule } from './authority.ts';
import { overlapsAny, protectedSpans } from './spans.ts';
import type { ParagraphRule, RuleDiagnostic } from './types.ts';
import { paragraphRule } from './units.ts';

// The Editorial Manual's "Spelling": the Concise Oxford English Dictionary, its first form, -ize.
const META = {
  id: 'un-spelling',
  title: 'UN spelling follows the Oxford dictionary',
  authority: 'editorial-manual',
} as const;
const ID = META.id;
const CITE = citeRule(META);

const ENDINGS = [...IZE_ENDINGS].sort((a, b) => b.length - a.length).join('|');
/** An -ise word: its stem (with "re", "de" or "un" before it) and its ending. */
const IZE_SOURCE = String.raw`((?:re|de|un)?(?:${IZE_STEMS.join('|')}))is(?:${ENDINGS})`;
const IZE = new RegExp(`^${IZE_SOURCE}$`, 'i');

/** One pass over a text finds every candidate; built once from the word list. */
const WORDS = new RegExp(
  String.raw`\b(?:${[...Object.keys(SPELLING_VARIANTS), ...Object.keys(PROGRAM_FORMS)].join('|')})\b` +
    String.raw`|\b${IZE_SOURCE}\b`,
  'gi',
);

/** The UN spelling of a word as typed, or undefined when it is fine; `before` is the text before it. */
export function unSpelling(word: string, before = ''): string | undefined {
  const lower = word.toLowerCase();
  let wanted: string | undefined = SPELLING_VARIANTS[lower];
  if (wanted === undefined && PROGRAM_FORMS[lower] !== undefined) {
    wanted = PROGRAM_KEEPS_AFTER.test(before) ? undefined : PROGRAM_FORMS[lower];
  }
  if (wanted === undefined) {
    const m = IZE.exec(lower);
    if (!m) return undefined;
    const stem = m[1] ?? '';
    wanted = `${stem}iz${lower.slice(stem.length + 2)}`;
  }
  return matchCase(word, wanted);
}

/** "Organisation" → "Organization", "LABOR" → "LABOUR". */
function matchCase(typed: string, wanted: string): string {
  if (typed === typed.toUpperCase() && typed !== typed.toLowerCase()) return wanted.toUpperCase();
  const first = typed.charAt(0);
  return first === first.toUpperCase() ? wanted.charAt(0).toUpperCase() + wanted.slice(1) : wanted;
}

export const unSpellingRule: ParagraphRule = paragraphRule({
  ...META,
  severity: 'warning',
  appliesTo: ['title', 'formula', 'preamble', 'operative', 'annex'],
  checkUnit(unit): RuleDiagnostic[] {
    const text = unit.text;
    let spans: ReturnType<typeof protectedSpans> | undefined;
    const out: RuleDiagnostic[] = [];
    for (const m of text.matchAll(WORDS)) {
      const word = m[0];
      const wanted = unSpelling(word, text.slice(Math.max(0, m.index - 20), m.index));
      if (wanted === undefined || wanted === word) continue;
      const range = { start: m.index, end: m.index + word.length };
      spans ??= protectedSpans(text);
      if (overlapsAny(range, spans)) continue;
      out.push({
        rule: ID,
        severity: 'warning',
        message: `"${word}" is spelled "${wanted}" in UN English, which follows the Oxford spelling ${CITE}.`,
        location: { ...unit.address, range },
        fix: {
          description: `Replace "${word}" with "${wanted}"`,
          edits: [{ kind: 'replaceText', target: unit.address, range, text: wanted }],
        },
      });
    }
    return out;
  },
});

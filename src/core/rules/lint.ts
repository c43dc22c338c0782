/**
 * Running the rules (issue 6). Three entry points:
 * - `lintDocument(doc, context)`: every enabled rule over the whole document, from scratch (the command
 *   line, tests; a 40-paragraph draft takes well under the 5 ms budget, bench/lint.ts);
 * - `lintUnit(unit, context)`: the paragraph rules over one paragraph;
 * - `createLinter(context)`: the editor's incremental linter, for a check on every keystroke.
 *
 * How the incremental linter stays cheap. Rules are of two kinds (types.ts):
 * - paragraph rules (openers, endings, spelling, placeholders) see one unit: its text and the few facts
 *   about its place it carries (last paragraph? introduces subparagraphs?). Their findings are cached
 *   by a key made of exactly that, so a keystroke re-runs them on the one paragraph whose text changed
 *   (and on a neighbour whose facts changed: the paragraph that stopped being the last). The cache is
 *   keyed by content, not position: inserting a paragraph above reuses every other paragraph's result,
 *   re-addressed to its new place;
 * - document rules (numbering, also/further, first mentions of instruments and acts, brackets, formula,
 *   title) are sequence passes over the paragraphs' openers or texts, a few microseconds each, and simply
 *   run again.
 * Paragraph rules may therefore read only the unit, and may only edit the unit they report on.
 */
import { RULES } from './registry.ts';
import type {
  LintContext,
  LintSettings,
  Location,
  ParagraphAddress,
  ParagraphRule,
  ParagraphUnit,
  Rule,
  RuleDiagnostic,
} from './types.ts';
import { DEFAULT_LINT_SETTINGS, LOCATION_PARTS } from './types.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { References } from '../references/types.ts';
import type { ResolutionDocument } from '../model/types.ts';
import { paragraphUnits } from './units.ts';

/** The context every rule reads, built once per lexicon, references and settings. */
export function createLintContext(
  lexicon: Lexicon,
  references: References,
  settings: Partial<LintSettings> = {},
): LintContext {
  return { lexicon, references, settings: { ...DEFAULT_LINT_SETTINGS, ...settings } };
}

function enabled(rules: readonly Rule[], context: LintContext): Rule[] {
  const off = new Set(context.settings.disabled);
  return rules.filter((r) => !off.has(r.id));
}

function paragraphRules(rules: readonly Rule[]): ParagraphRule[] {
  return rules.filter((r): r is ParagraphRule => r.scope === 'paragraph');
}

function checkUnit(
  unit: ParagraphUnit,
  context: LintContext,
  rules: readonly ParagraphRule[],
): RuleDiagnostic[] {
  const out: RuleDiagnostic[] = [];
  for (const r of rules) if (r.appliesTo.includes(unit.address.part)) out.push(...r.checkUnit(unit, context));
  return out;
}

/** The enabled paragraph rules over one unit (those whose `appliesTo` includes its part). */
export function lintUnit(
  unit: ParagraphUnit,
  context: LintContext,
  rules: readonly Rule[] = RULES,
): RuleDiagnostic[] {
  return checkUnit(unit, context, paragraphRules(enabled(rules, context)));
}

function documentDiagnostics(
  doc: ResolutionDocument,
  context: LintContext,
  rules: readonly Rule[],
): RuleDiagnostic[] {
  return rules.filter((r) => r.scope === 'document').flatMap((r) => r.check(doc, context));
}

/** Every enabled rule over the whole document, sorted in reading order. */
export function lintDocument(
  doc: ResolutionDocument,
  context: LintContext,
  rules: readonly Rule[] = RULES,
): RuleDiagnostic[] {
  const active = enabled(rules, context);
  const perUnit = paragraphRules(active);
  const out = paragraphUnits(doc).flatMap((u) => checkUnit(u, context, perUnit));
  return sortDiagnostics([...out, ...documentDiagnostics(doc, context, active)], active);
}

export interface Linter {
  /** The diagnostics of `doc`, re-checking only the paragraphs that changed since the last call. */
  lint(doc: ResolutionDocument): RuleDiagnostic[];
  /** How many units the last call checked and how many it took from the cache (for tests and the bench). */
  readonly stats: { readonly checked: number; readonly reused: number };
}

/** What a paragraph rule's findings depend on: the unit's part, facts and text (footnote places included). */
function unitKey(unit: ParagraphUnit): string {
  let footnotes = '';
  let pos = unit.contentStart;
  for (const part of unit.content) {
    if (part.type === 'text') pos += part.text.length;
    else footnotes += `${pos},`;
  }
  return [
    unit.address.part,
    unit.documentKind,
    unit.depth,
    unit.hasSubparagraphs ? 1 : 0,
    unit.final ? 1 : 0,
    unit.annexedText ? 1 : 0,
    unit.beforeAnnex ? 1 : 0,
    footnotes,
    unit.opener,
    unit.text,
  ].join('\u0000');
}

/** A cached finding moved to the unit's current place. */
function readdress(d: RuleDiagnostic, address: ParagraphAddress): RuleDiagnostic {
  const location: Location = d.location.range ? { ...address, range: d.location.range } : { ...address };
  const fix = d.fix && { ...d.fix, edits: d.fix.edits.map((e) => ({ ...e, target: address })) };
  return { ...d, location, ...(fix ? { fix } : {}) };
}

export function createLinter(context: LintContext, rules: readonly Rule[] = RULES): Linter {
  const active = enabled(rules, context);
  const perUnit = paragraphRules(active);
  let cache = new Map<string, readonly RuleDiagnostic[]>();
  const stats = { checked: 0, reused: 0 };
  return {
    stats,
    lint(doc) {
      const next = new Map<string, readonly RuleDiagnostic[]>();
      stats.checked = 0;
      stats.reused = 0;
      const out: RuleDiagnostic[] = [];
      for (const unit of paragraphUnits(doc)) {
        const key = unitKey(unit);
        let found = next.get(key) ?? cache.get(key);
        if (found === undefined) {
          found = checkUnit(unit, context, perUnit);
          stats.checked++;
        } else stats.reused++;
        next.set(key, found);
        for (const d of found) out.push(readdress(d, unit.address));
      }
      // Only the current document's paragraphs are kept: the cache never outgrows the draft.
      cache = next;
      return sortDiagnostics([...out, ...documentDiagnostics(doc, context, active)], active);
    },
  };
}

const PART_ORDER = new Map(LOCATION_PARTS.map((p, i) => [p, i]));

/** Reading order puts an omnibus resolution's sections after the operative part and before the annex. */
function block(location: Location): number {
  if (location.section !== undefined) return location.section;
  return location.part === 'annex' ? Number.MAX_SAFE_INTEGER : 0;
}

function compareLocations(a: Location, b: Location): number {
  const section = block(a) - block(b);
  if (section !== 0) return section;
  const part = (PART_ORDER.get(a.part) ?? 0) - (PART_ORDER.get(b.part) ?? 0);
  if (part !== 0) return part;
  const paragraph = (a.paragraph ?? -1) - (b.paragraph ?? -1);
  if (paragraph !== 0) return paragraph;
  const pa = a.subparagraph ?? [];
  const pb = b.subparagraph ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return (a.range?.start ?? -1) - (b.range?.start ?? -1);
}

/** Reading order, then the rules' order in the registry. */
export function sortDiagnostics(
  list: readonly RuleDiagnostic[],
  rules: readonly Rule[] = RULES,
): RuleDiagnostic[] {
  const order = new Map(rules.map((r, i) => [r.id, i]));
  return [...list].sort(
    (a, b) => compareLocations(a.location, b.location) || (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0),
  );
}

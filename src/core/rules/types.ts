/**
 * Editorial checks (issue 6): the shapes every rule shares. A rule is a pure function over the document
 * model (ARCHITECTURE.md conventions 2 and 4) that returns diagnostics; where a correction is safe it
 * carries a `fix` that can be applied to the model (`applyFix`, fix.ts) and, unchanged, by the editor:
 * each edit names a paragraph and either a character range of its printed text or its opener.
 */
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { DocumentKind, FootnoteRule, Inline, ResolutionDocument } from '../model/types.ts';
import type { References } from '../references/types.ts';
import type { RuleAuthority } from './authority.ts';

export const RULE_SEVERITIES = ['error', 'warning', 'info'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

export const LOCATION_PARTS = ['title', 'formula', 'preamble', 'operative', 'annex'] as const;
export type LocationPart = (typeof LOCATION_PARTS)[number];

/** Character offsets, end exclusive. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * A paragraph of the document, as delegates cite it (UN practice: how drafts travel) but by position:
 * - title, formula: no `paragraph`;
 * - preamble, operative: `paragraph` is the 1-based position in the part, not the printed number
 *   ("5 bis" is simply the sixth paragraph);
 * - annex: `paragraph` is the 1-based position of the item; 0 is the annex's introductory sentence;
 * - `subparagraph` is the 1-based path below the paragraph: [2] is (b), [2, 1] is (b) (i); a
 *   preambular paragraph may have them too (Assembly practice: "... contribution to: (a) ..., (b) ...,");
 * - `section` is the 1-based position of the section of an omnibus resolution (`doc.sections`) whose
 *   preamble or operative part holds the paragraph; absent for the paragraphs before any section.
 */
export interface ParagraphAddress {
  readonly part: LocationPart;
  readonly section?: number;
  readonly paragraph?: number;
  readonly subparagraph?: readonly number[];
}

/**
 * Where a diagnostic points. `range` is in the paragraph's plain text as
 * `joinOpener(opener, inlineText(content))` prints it: opener included, footnote references left out;
 * for a subparagraph or an annex item the text alone; for the title and formula the string itself.
 */
export interface Location extends ParagraphAddress {
  readonly range?: TextRange;
}

/**
 * Replaces `range` of the paragraph's printed text (same offsets as `Location.range`) with `text`. The
 * range lies within the opener or within the content, never across the space between them.
 */
export interface ReplaceTextEdit {
  readonly kind: 'replaceText';
  readonly target: ParagraphAddress;
  readonly range: TextRange;
  readonly text: string;
}

/** Sets a preambular or operative paragraph's opener (the italic phrase, structure, types.ts). */
export interface SetOpenerEdit {
  readonly kind: 'setOpener';
  readonly target: ParagraphAddress;
  readonly opener: string;
}

/** Adds a footnote whose reference sits at offset `at` of the paragraph's printed text. */
export interface InsertFootnoteEdit {
  readonly kind: 'insertFootnote';
  readonly target: ParagraphAddress;
  readonly at: number;
  readonly content: readonly Inline[];
}

/**
 * Sets the printed label of an operative paragraph, a subparagraph or an annex item ("3", "5 bis",
 * "(c)"); `label` absent removes it, leaving the position to decide (types.ts).
 */
export interface SetLabelEdit {
  readonly kind: 'setLabel';
  readonly target: ParagraphAddress;
  readonly label?: string;
}

export type FixEdit = ReplaceTextEdit | SetOpenerEdit | InsertFootnoteEdit | SetLabelEdit;

/**
 * A quick fix. Every offset of every edit refers to the text as it was when the diagnostic was made;
 * edits of one fix never overlap, so they can be applied from the end of each paragraph backwards.
 */
export interface Fix {
  /** What the action does, for a menu: 'Replace "program" with "programme"'. */
  readonly description: string;
  readonly edits: readonly FixEdit[];
}

export interface RuleDiagnostic {
  /** The rule's id. */
  readonly rule: string;
  readonly severity: RuleSeverity;
  /**
   * What is wrong and why, for the person drafting; it ends by naming the rule (`citeRule`,
   * authority.ts), whose page in the Help `rule` leads to.
   */
  readonly message: string;
  readonly location: Location;
  readonly fix?: Fix;
}

export interface LintSettings {
  /**
   * The footnote rule for citing instruments. A draft's own `metadata.footnoteRule`, when set,
   * wins over this default (the rules are "configurable per draft", issue 6).
   */
  readonly footnoteRule: FootnoteRule;
  /** Ids of the rules switched off. */
  readonly disabled: readonly string[];
}

/** What every rule may consult; built once (the lexicon and references are derived from the corpus). */
export interface LintContext {
  readonly lexicon: Lexicon;
  readonly references: References;
  readonly settings: LintSettings;
}

// A draft that does not say follows the current Editorial Manual, as the Details form shows (UN practice: citing instruments).
export const DEFAULT_LINT_SETTINGS: LintSettings = { footnoteRule: 'current', disabled: [] };

/**
 * One stretch of text the paragraph rules look at: the title, the formula, a preambular or operative
 * paragraph, a subparagraph, an annex item or the annex's introduction (units.ts builds them in reading
 * order). Besides its text it carries the few facts about its place that its own checks need, so that
 * a unit whose text and facts are unchanged gives the same diagnostics (the incremental cache, lint.ts).
 */
export interface ParagraphUnit {
  readonly address: ParagraphAddress;
  readonly documentKind: DocumentKind;
  /** '' where the part has no openers (subparagraphs, annex, title, formula). */
  readonly opener: string;
  readonly content: readonly Inline[];
  /** `joinOpener(opener, inlineText(content))`. */
  readonly text: string;
  /** Offset in `text` where `content` begins. */
  readonly contentStart: number;
  /** 0 for a paragraph (and the title, formula and annex intro), 1 for (a), 2 for (i). */
  readonly depth: number;
  readonly hasSubparagraphs: boolean;
  /**
   * Nothing follows it in its part: the last leaf of the operative part (of the last section's, in an
   * omnibus resolution) or of the annex; in the preamble, the last subparagraph of its paragraph.
   */
  readonly final: boolean;
  /**
   * An item of an annex whose items are numbered paragraphs (1., 2., ...), or one of its
   * subparagraphs: a text of its own annexed to the resolution (a declaration, rules of procedure, a
   * programme of action), whose paragraphs end as that text's sentences do; `final` is then the last
   * subparagraph of its item. False for an annex of lettered items (a), (b) that continue the annex's
   * introductory sentence (resolution 6/4), and everywhere else.
   */
  readonly annexedText: boolean;
  /** The last operative paragraph of a resolution with an annex, which it may introduce with a colon. */
  readonly beforeAnnex: boolean;
}

interface RuleBase {
  readonly id: string;
  /** The usual severity; a rule may report a graver or lighter one for a particular case. */
  readonly severity: RuleSeverity;
  /**
   * The rule's name as people read it, a sentence stating the rule ("Preambular paragraphs end with a
   * comma"): the Checks panel's switches, the Help's page and every message of the rule show it. What
   * it checks, its full authority and an example are the Help's (help.ts, loaded when first opened).
   */
  readonly title: string;
  /** The United Nations Editorial Manual, the practice of adopted texts, or this application's own. */
  readonly authority: RuleAuthority;
  readonly appliesTo: readonly LocationPart[];
  /** The whole document: what `lintDocument` runs. */
  check(doc: ResolutionDocument, context: LintContext): RuleDiagnostic[];
}

/**
 * A rule whose findings in a paragraph depend only on that paragraph's unit (text and facts): the
 * incremental linter caches `checkUnit` per unit, so a keystroke re-checks one paragraph.
 */
export interface ParagraphRule extends RuleBase {
  readonly scope: 'paragraph';
  checkUnit(unit: ParagraphUnit, context: LintContext): RuleDiagnostic[];
}

/** A rule over the sequence of paragraphs (numbering, also/further, first mentions): one cheap pass. */
export interface DocumentRule extends RuleBase {
  readonly scope: 'document';
}

export type Rule = ParagraphRule | DocumentRule;

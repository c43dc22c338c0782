/**
 * The Help's page for each editorial check (issue 12: "give each rule a page in the app's help, with an
 * example of the fault and its fix"). The rule itself (registry.ts) carries its name and whether the
 * United Nations Editorial Manual states it, which every message needs; this module carries what only
 * the page shows: what the rule checks, where it comes from in full, and an example. The app loads it
 * when the Help is first opened, so it weighs nothing on the first screen.
 *
 * References are to the Editorial Manual's chapters by their headings, as the Manual online names
 * them ("Resolutions and other formal decisions of United Nations organs", part II "Drafting and
 * editing": "Titles", "Order of elements"; "Paragraphs and subparagraphs"; "Spelling"); where the
 * Manual says nothing in so many words, the practice of the adopted texts of the corpus
 * (CTOC/COP/2012/15) is named instead.
 *
 * An example is a small piece of a resolution, written as a delegate sees it. `exampleDocument` makes a
 * whole document of it, so the examples are checked like any draft: the fault gives the rule's
 * diagnostic and the fix gives none at all (tests/core/rules/help.test.ts), and the Help shows what the
 * check says about the fault by running the rule on it.
 */
import { subparagraphLabel } from '../export/labels.ts';
import type { Footnote, Inline, ResolutionDocument, Subparagraph } from '../model/types.ts';
import { SCHEMA_VERSION } from '../model/types.ts';
import type { RuleAuthority } from './authority.ts';
import { lintDocument } from './lint.ts';
import { RULES } from './registry.ts';
import type { LintContext, RuleDiagnostic } from './types.ts';

export interface ExampleSubparagraph {
  /** As printed, "(a)"; absent where the position decides. */
  readonly label?: string;
  readonly text: string;
}

/** One paragraph of an example. In `text`, each `^` is a footnote reference (the example's notes, in order). */
export interface ExampleBlock {
  readonly part: 'title' | 'formula' | 'preamble' | 'operative';
  /** The operative paragraph's number as printed ("2"); absent where the position decides. */
  readonly label?: string;
  /** The italic opener of a preambular or operative paragraph. */
  readonly opener?: string;
  /** The rest of the paragraph, after the opener. */
  readonly text: string;
  readonly subparagraphs?: readonly ExampleSubparagraph[];
}

export interface RuleExample {
  readonly blocks: readonly ExampleBlock[];
  /** Footnote texts, in the order of the `^` markers; `*Treaty Series*` is printed in italics. */
  readonly footnotes?: readonly string[];
}

export interface RuleHelp {
  readonly id: string;
  /** The rule's name, a sentence stating it (the rule's `title`). */
  readonly title: string;
  readonly authority: RuleAuthority;
  /** What the check looks for, in one or two sentences. */
  readonly checks: string;
  /** Where the rule comes from, in full. */
  readonly source: string;
  readonly fault: RuleExample;
  readonly fix: RuleExample;
}

/** The authorities as a page names them. */
export const AUTHORITY_LABELS: Readonly<Record<RuleAuthority, string>> = {
  'editorial-manual': 'United Nations Editorial Manual',
  practice: 'Practice of adopted resolutions',
  drafter: 'Resolution Drafter',
};

const MANUAL = 'United Nations Editorial Manual';
const RESOLUTIONS = `${MANUAL}, "Resolutions and other formal decisions of United Nations organs"`;

const pp = (opener: string, text: string): ExampleBlock => ({ part: 'preamble', opener, text });
const op = (
  opener: string,
  text: string,
  more: Partial<Pick<ExampleBlock, 'label' | 'subparagraphs'>> = {},
): ExampleBlock => ({ part: 'operative', opener, text, ...more });
const only = (...blocks: ExampleBlock[]): RuleExample => ({ blocks });

type Page = Omit<RuleHelp, 'id' | 'title' | 'authority'>;

const PAGES: Readonly<Record<string, Page>> = {
  'preamble-opener': {
    checks:
      'A preambular paragraph opens with a participle, a participial phrase or an adjective in italics ' +
      '("Recalling", "Noting with appreciation", "Mindful"), never with an operative verb. An opener ' +
      'neither the corpus nor the usual UN openers know is flagged for a second look.',
    source: `${RESOLUTIONS}, "Drafting and editing: order of elements": each preambular paragraph begins with a participle, a participial phrase or an adjective.`,
    fault: only(pp('Welcomes', 'the entry into force of the Protocol,')),
    fix: only(pp('Welcoming', 'the entry into force of the Protocol,')),
  },
  'preamble-ending': {
    checks:
      'Every preambular paragraph ends with a comma, the last one included: the preamble and the ' +
      'operative part form one sentence whose subject is the organ named in the enacting formula. A ' +
      'preambular paragraph that introduces a list (a), (b) ends with a colon, and the items of the ' +
      'list end with commas (or semicolons between them), the last with a comma.',
    source:
      `${RESOLUTIONS}. A full stop inside the preamble ends that sentence too early. Lists in the ` +
      'preamble follow the practice of the General Assembly (resolution 78/29: "a major contribution ' +
      'to: (a) International peace and security, (b) ...").',
    fault: only(
      pp('Recalling', 'its resolution 5/1 of 22 October 2010.'),
      pp('Noting with appreciation', 'the work of the Secretariat,'),
    ),
    fix: only(
      pp('Recalling', 'its resolution 5/1 of 22 October 2010,'),
      pp('Noting with appreciation', 'the work of the Secretariat,'),
    ),
  },
  'operative-opener': {
    checks:
      'An operative paragraph of a resolution opens with a verb in the present tense, third person, in ' +
      'italics ("Requests", "Urges", "Calls upon"), not with a participle ("Noting") or a bare verb ' +
      '("Request"). Decisions, reported in the past tense ("decided that:"), are not checked.',
    source: `${RESOLUTIONS}, "Drafting and editing: order of elements": each operative paragraph begins with an operative verb or phrase in the present indicative.`,
    fault: only(op('Request', 'the Secretariat to report to the Conference at its seventh session.')),
    fix: only(op('Requests', 'the Secretariat to report to the Conference at its seventh session.')),
  },
  'operative-ending': {
    checks:
      'An operative paragraph ends with a semicolon, the last one with a full stop, and one that ' +
      'introduces subparagraphs with a colon. In a resolution in sections, only the last paragraph of ' +
      'the last section ends with a full stop; a resolution that puts a question to the International ' +
      'Court of Justice may end with the question mark.',
    source: `${RESOLUTIONS}. The operative part closes the one sentence the resolution forms, so only its last paragraph ends with a full stop.`,
    fault: only(
      op('Requests', 'the Secretariat to continue to assist States parties in reviewing their legislation.'),
      op('Decides', 'to continue its consideration of the matter at its seventh session.'),
    ),
    fix: only(
      op('Requests', 'the Secretariat to continue to assist States parties in reviewing their legislation;'),
      op('Decides', 'to continue its consideration of the matter at its seventh session.'),
    ),
  },
  'subparagraph-ending': {
    checks:
      'A subparagraph ends with a semicolon ("; and" before the last one is accepted), the last one of ' +
      'the last paragraph with a full stop, and one that introduces further subparagraphs with a colon; ' +
      "the lettered items of a resolution's annex likewise. An annexed text of numbered paragraphs (a " +
      'declaration, rules of procedure, a programme of action) is a text of its own: its paragraphs may ' +
      'end with a full stop, a semicolon or, before the paragraphs that complete them, a colon, and ' +
      'their subparagraphs with a semicolon or a full stop; only a comma or a missing mark is flagged there.',
    source: `${MANUAL}, "Paragraphs and subparagraphs": its example introduces the subparagraphs with a colon and ends each with a semicolon, the last with a full stop.`,
    fault: only(
      op('Urges', 'States parties:', {
        subparagraphs: [
          { text: 'To criminalize the smuggling of migrants.' },
          { text: 'To protect the rights of smuggled migrants.' },
        ],
      }),
    ),
    fix: only(
      op('Urges', 'States parties:', {
        subparagraphs: [
          { text: 'To criminalize the smuggling of migrants;' },
          { text: 'To protect the rights of smuggled migrants.' },
        ],
      }),
    ),
  },
  'subparagraph-labels': {
    checks:
      'Subparagraphs are lettered (a), (b), (c) and, one level down, numbered (i), (ii), (iii), without ' +
      'gaps or repeats; the items of an annex likewise, or 1, 2, 3 for an agenda.',
    source: `${MANUAL}, "Paragraphs and subparagraphs": first degree (a), (b), (c); second degree (i), (ii), (iii).`,
    fault: only(
      op('Invites', 'States parties:', {
        subparagraphs: [
          { label: '(a)', text: 'To share information on good practices;' },
          { label: '(c)', text: 'To designate a central authority.' },
        ],
      }),
    ),
    fix: only(
      op('Invites', 'States parties:', {
        subparagraphs: [
          { label: '(a)', text: 'To share information on good practices;' },
          { label: '(b)', text: 'To designate a central authority.' },
        ],
      }),
    ),
  },
  'operative-numbering': {
    checks:
      'Operative paragraphs are numbered 1, 2, 3 without gaps or repeats, with "5 bis", "5 ter" for ' +
      "paragraphs inserted in negotiation; a decision's paragraphs are lettered (a), (b); a lone " +
      'operative paragraph is not numbered. Each section of a resolution in sections numbers its ' +
      'paragraphs from 1 again or runs on from the paragraphs before it, as its first number shows.',
    source: `${RESOLUTIONS}, on the numbering of paragraphs; "bis" and "ter" follow the Manual's "Paragraphs and subparagraphs" for texts under negotiation.`,
    fault: only(
      op('Welcomes', 'the report of the Secretariat;', { label: '1' }),
      op('Requests', 'the Secretariat to continue its work;', { label: '2' }),
      op('Decides', 'to remain seized of the matter.', { label: '4' }),
    ),
    fix: only(
      op('Welcomes', 'the report of the Secretariat;', { label: '1' }),
      op('Requests', 'the Secretariat to continue its work;', { label: '2' }),
      op('Decides', 'to remain seized of the matter.', { label: '3' }),
    ),
  },
  'also-further': {
    checks:
      'When consecutive paragraphs open with the same verb, the first is plain, the second takes "also" ' +
      'and the third and later "further" ("Requests", "Also requests", "Further requests"; "Recalling", ' +
      '"Recalling also"). A plain verb after the run starts a new one, and so does each section of a ' +
      'resolution in sections.',
    source:
      'Practice of adopted resolutions: every resolution of the sixth session of the Conference of the ' +
      'Parties (CTOC/COP/2012/15) follows it, e.g. resolution 6/1, operative paragraphs 4 to 6. Some ' +
      'texts of other sessions repeat a bare opener, so the check warns rather than reporting an error.',
    fault: only(
      op('Requests', 'the Secretariat to assist States parties in reviewing their legislation;'),
      op('Requests', 'the Secretariat to report to the Conference at its seventh session.'),
    ),
    fix: only(
      op('Requests', 'the Secretariat to assist States parties in reviewing their legislation;'),
      op('Also requests', 'the Secretariat to report to the Conference at its seventh session.'),
    ),
  },
  'instrument-citation': {
    checks:
      'The first mention of a treaty or other instrument gives its full title, with a footnote citing ' +
      'its source; later mentions use the short title ("the Convention"). A short title before the full ' +
      'one, a misprinted title and a source footnoted twice are flagged.',
    source:
      `${MANUAL}: a source is footnoted once, at its first mention; treaties are cited from the United ` +
      'Nations Treaty Series. The texts of 2012 footnoted a source again at its first mention in the ' +
      'operative part; the Details panel sets which practice a draft follows. A group mention ("the ' +
      'United Nations Convention against Transnational Organized Crime and the Protocols thereto", ' +
      "footnoted with all four volumes) is the Convention's first mention, not each Protocol's: " +
      'resolution 6/1 still gives the Trafficking in Persons Protocol its full title at its first own ' +
      'mention, without a second footnote.',
    fault: only(pp('Recalling', 'the United Nations Convention against Transnational Organized Crime,')),
    fix: {
      blocks: [pp('Recalling', 'the United Nations Convention against Transnational Organized Crime,^')],
      footnotes: ['United Nations, *Treaty Series*, vol. 2225, No. 39574.'],
    },
  },
  'act-citation': {
    checks:
      'Each citation is read with the organ it names or its number implies, and cited as the adopted ' +
      "texts cite that organ: the first citation gives the date for the organ's own acts cited with " +
      '"its" ("its resolution 70/1 of 25 September 2015"), for the Economic and Social Council ' +
      '("Economic and Social Council resolution 2008/23 of 24 July 2008") and for the Human Rights ' +
      'Council ("Human Rights Council resolution 53/28 of 14 July 2023"), while a Security Council ' +
      'resolution gives its year with the date optional ("Security Council resolution 2482 (2019)"), ' +
      'and the General Assembly cited by another organ ("General Assembly resolution 79/1"), named or ' +
      'bare in its own texts, or an organ the check does not know, needs no date. A date is an error ' +
      'when it contradicts the corpus, another citation of the same act, the year its number gives ' +
      "(the Assembly's 77/98 is of 2022 or 2023, the Economic and Social Council's 2008/23 of its " +
      'session from July 2007 to July 2008) or the date of the text itself.',
    source:
      "Practice of adopted resolutions: resolutions 6/1 and 6/3 cite the Conference's own acts with " +
      'their date at the first citation, and the dates are those of the report CTOC/COP/2012/15. The ' +
      "891 resolutions of the General Assembly's sessions 78 to 80 date the first citation of an act " +
      'with "its" 99 times in 100, of the Economic and Social Council\'s 98, of the Human Rights ' +
      "Council's 94, of the Security Council's 77, and of the Assembly's own named or bare 70 to 74: " +
      'so the date is asked for in the first three cases only.',
    fault: only(pp('Recalling', 'its resolution 5/1,')),
    fix: only(pp('Recalling', 'its resolution 5/1 of 22 October 2010,')),
  },
  'un-spelling': {
    checks:
      'UN English follows the Oxford spelling: -ize in organize, recognize, criminalize, but programme, ' +
      'labour, centre, defence, neighbouring, fulfilment, endeavour. Quoted titles and document symbols ' +
      'are left as printed.',
    source: `${MANUAL}, "Spelling": the Concise Oxford English Dictionary is the authority, with the form it lists first, and -ize rather than -ise.`,
    fault: only(op('Requests', 'the Secretariat to organise a meeting of experts.')),
    fix: only(op('Requests', 'the Secretariat to organize a meeting of experts.')),
  },
  'formula-ending': {
    checks:
      'The text opens with the enacting formula, the name of the organ, ending with a comma in a ' +
      'resolution; in a decision, with a colon before lettered paragraphs, or a full stop when the ' +
      'decision is one sentence. A resolution with no preamble may print the formula alone on its line, ' +
      'with no mark, as the General Assembly does ("The General Assembly / Endorses ...").',
    source: `${RESOLUTIONS}, "Drafting and editing: order of elements": the name of the organ comes first, then the preamble, then the operative part.`,
    fault: only({
      part: 'formula',
      text: 'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime.',
    }),
    fix: only({
      part: 'formula',
      text: 'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
    }),
  },
  'title-present': {
    checks: 'A resolution or decision has a title, printed in bold above the text.',
    source: `${RESOLUTIONS}, "Drafting and editing: titles": the sponsors give a draft its title, often that of the agenda item.`,
    fault: only({ part: 'title', text: '' }),
    fix: only({
      part: 'title',
      text: 'Strengthening international cooperation against transnational organized crime',
    }),
  },
  'square-brackets': {
    checks:
      'Every "[" that marks text not yet agreed is closed by a "]", and no "]" comes without its "[". ' +
      'Brackets may span several paragraphs.',
    source: `${MANUAL}, "Paragraphs and subparagraphs": text still under negotiation stands in square brackets, which are removed once it is agreed.`,
    fault: only(
      op(
        'Requests',
        'the Secretariat [to convene a meeting of experts, subject to extrabudgetary resources.',
      ),
    ),
    fix: only(
      op(
        'Requests',
        'the Secretariat [to convene a meeting of experts, subject to extrabudgetary resources].',
      ),
    ),
  },
  'unfilled-placeholder': {
    checks:
      'Text between single guillemets, such as "‹place›", is a placeholder the template left to be ' +
      'written over; it cannot be printed.',
    source: 'Resolution Drafter: the templates mark what is left to write this way.',
    fault: only(op('Decides', 'to hold its seventh session in ‹place›.')),
    fix: only(op('Decides', 'to hold its seventh session in Vienna.')),
  },
};

/** Every rule's page, in the registry's order. */
export const RULE_HELP: readonly RuleHelp[] = RULES.map((rule) => {
  const page = PAGES[rule.id];
  if (!page) throw new Error(`The rule "${rule.id}" has no page in the Help (core/rules/help.ts)`);
  return { id: rule.id, title: rule.title, authority: rule.authority, ...page };
});

export function ruleHelp(id: string): RuleHelp | undefined {
  return RULE_HELP.find((page) => page.id === id);
}

const EXAMPLE_ORGAN =
  'Conference of the Parties to the United Nations Convention against Transnational Organized Crime';
const EXAMPLE_TITLE = 'Strengthening international cooperation against transnational organized crime';

/** Text with `*italic*` spans → runs. */
export function exampleRuns(text: string): Inline[] {
  return text
    .split('*')
    .flatMap((part, i): Inline[] =>
      part === ''
        ? []
        : [i % 2 === 1 ? { type: 'text', text: part, italic: true } : { type: 'text', text: part }],
    );
}

/**
 * The example as a whole resolution of the Conference of the Parties: the title and formula it does not
 * show are the plain ones, so that only what the example shows can be at fault.
 */
export function exampleDocument(example: RuleExample): ResolutionDocument {
  const footnotes: Footnote[] = [];
  const content = (text: string): Inline[] =>
    text.split('^').flatMap((part, i): Inline[] => {
      const out: Inline[] = [];
      if (i > 0) {
        const note = example.footnotes?.[footnotes.length] ?? '';
        const id = `example-${footnotes.length + 1}`;
        footnotes.push({ id, content: exampleRuns(note) });
        out.push({ type: 'footnoteRef', footnoteId: id });
      }
      if (part !== '') out.push({ type: 'text', text: part });
      return out;
    });
  const subparagraphs = (list: readonly ExampleSubparagraph[] = []): Subparagraph[] =>
    list.map((s) => ({
      ...(s.label === undefined ? {} : { label: s.label }),
      content: content(s.text),
      subparagraphs: [],
    }));
  const title = example.blocks.find((b) => b.part === 'title');
  const formula = example.blocks.find((b) => b.part === 'formula');
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'resolution',
    organ: EXAMPLE_ORGAN,
    formula: formula ? formula.text : `The ${EXAMPLE_ORGAN},`,
    title: title ? title.text : EXAMPLE_TITLE,
    metadata: {},
    preamble: example.blocks
      .filter((b) => b.part === 'preamble')
      .map((b) => ({ opener: b.opener ?? '', content: content(b.text) })),
    operative: example.blocks
      .filter((b) => b.part === 'operative')
      .map((b) => ({
        ...(b.label === undefined ? {} : { label: b.label }),
        opener: b.opener ?? '',
        content: content(b.text),
        subparagraphs: subparagraphs(b.subparagraphs),
      })),
    annex: null,
    footnotes,
  };
}

/** A run of an example's line: text, or the number of a footnote reference. */
export type ExamplePart = { readonly text: string } | { readonly note: number };

/** One line of an example as the page prints it. */
export interface ExampleLine {
  readonly kind: 'title' | 'formula' | 'preamble' | 'operative' | 'subparagraph';
  /** "1.", "(a)": as printed, else from the position; none for a lone operative paragraph. */
  readonly label?: string;
  readonly opener?: string;
  readonly parts: readonly ExamplePart[];
}

export interface ExampleView {
  readonly lines: readonly ExampleLine[];
  /** Numbered from 1 in the order of their references; `*...*` already made italic runs. */
  readonly footnotes: readonly { readonly number: number; readonly content: readonly Inline[] }[];
}

/** What the Help prints of an example: labels worked out, footnote references numbered. */
export function exampleView(example: RuleExample): ExampleView {
  let notes = 0;
  const parts = (text: string): ExamplePart[] =>
    text
      .split('^')
      .flatMap((part, i): ExamplePart[] => [
        ...(i > 0 ? [{ note: ++notes }] : []),
        ...(part === '' ? [] : [{ text: part }]),
      ]);
  const operative = example.blocks.filter((b) => b.part === 'operative');
  const lines: ExampleLine[] = [];
  for (const block of example.blocks) {
    const position = operative.indexOf(block) + 1;
    const number =
      block.part !== 'operative'
        ? undefined
        : block.label !== undefined
          ? `${block.label}.`
          : operative.length > 1
            ? `${position}.`
            : undefined;
    lines.push({
      kind: block.part,
      ...(number === undefined ? {} : { label: number }),
      ...(block.opener === undefined ? {} : { opener: block.opener }),
      parts: parts(block.text),
    });
    (block.subparagraphs ?? []).forEach((sub, i) =>
      lines.push({
        kind: 'subparagraph',
        label: sub.label ?? subparagraphLabel(1, i + 1),
        parts: parts(sub.text),
      }),
    );
  }
  return {
    lines,
    footnotes: (example.footnotes ?? []).slice(0, notes).map((text, i) => ({
      number: i + 1,
      content: exampleRuns(text),
    })),
  };
}

/** What the rule says about its page's fault: the check run on the example, as in a draft. */
export function exampleFindings(page: RuleHelp, context: LintContext): RuleDiagnostic[] {
  return lintDocument(exampleDocument(page.fault), context).filter((d) => d.rule === page.id);
}

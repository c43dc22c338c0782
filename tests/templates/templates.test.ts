/**
 * The shipped templates (templates/*.template.txt), read the way the app reads them: a record of
 * path → text, as Vite's import.meta.glob gives it, handed to parseTemplates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sponsorsLine } from '../../src/core/drafts/masthead.ts';
import { draftFromTemplate } from '../../src/core/drafts/start.ts';
import type { Template } from '../../src/core/drafts/template.ts';
import { parseTemplates, TEMPLATE_SUFFIX } from '../../src/core/drafts/template.ts';
import { renderPlainText } from '../../src/core/export/text.ts';
import { inlineText, joinOpener } from '../../src/core/model/inline.ts';
import { findPlaceholders } from '../../src/core/model/placeholders.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { validateDocument } from '../../src/core/model/validate.ts';
import { recognize } from '../../src/core/parse/recognize.ts';

const DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
const FILES: Record<string, string> = Object.fromEntries(
  readdirSync(DIR)
    .filter((name) => name.endsWith(TEMPLATE_SUFFIX))
    .map((name) => [`/templates/${name}`, readFileSync(`${DIR}${name}`, 'utf8')]),
);
const { templates, errors } = parseTemplates(FILES);

function template(id: string): Template {
  const found = templates.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
}

const COP =
  'Conference of the Parties to the United Nations Convention against Transnational Organized Crime';
const DRAFTS = ['cop-draft-resolution', 'cop-revised-draft-resolution'];

/** The paragraphs as printed, opener included (what a reader checks the end punctuation of). */
const preambleTexts = (doc: ResolutionDocument): string[] =>
  doc.preamble.map((p) => joinOpener(p.opener, inlineText(p.content)));
const operativeTexts = (doc: ResolutionDocument): string[] =>
  doc.operative.map((p) => joinOpener(p.opener, inlineText(p.content)));

describe('the shipped templates', () => {
  it('are the seven the issue asks for, and every one of them reads', () => {
    expect(errors).toEqual([]);
    expect(templates.map((t) => t.id)).toEqual([
      'ccpcj-resolution',
      'cop-decision',
      'cop-draft-resolution',
      'cop-resolution',
      'cop-revised-draft-resolution',
      'ecosoc-resolution',
      'ga-resolution',
    ]);
  });

  describe.each(Object.keys(FILES))('%s', (path) => {
    const id = path.slice('/templates/'.length, -TEMPLATE_SUFFIX.length);

    it('has a name and a one-line description for the picker', () => {
      const t = template(id);
      expect(t.name.length).toBeGreaterThan(10);
      expect(t.description.length).toBeGreaterThan(40);
    });

    it('makes a valid document', () => {
      const result = validateDocument(template(id).document);
      expect(result.ok ? [] : result.errors).toEqual([]);
    });

    it('reads back with no diagnostic once printed, to the same text', () => {
      // The body is the printed form: printing the document and reading it again changes nothing.
      const doc = template(id).document;
      const printed = renderPlainText(doc, { markup: true });
      const again = recognize(printed, { kind: doc.kind });
      expect(again.diagnostics).toEqual([]);
      expect(again.documents.map((d) => renderPlainText(d, { markup: true }))).toEqual([printed]);
    });

    it('lists its placeholders, each once, in reading order, starting with the title or the masthead', () => {
      const t = template(id);
      const found = findPlaceholders(t.document);
      expect(t.placeholders).toEqual([...new Set(found.map((p) => p.text))]);
      expect(found[0]?.part).toBe(DRAFTS.includes(id) ? 'metadata' : 'title');
      expect(found.some((p) => p.part === 'title')).toBe(true);
    });

    it('ends its preambular paragraphs with a comma and its operative paragraphs with a semicolon, the last with a full stop', () => {
      // DRAFTING-RULES.md section 1, items 3-4.
      const doc = template(id).document;
      expect(preambleTexts(doc).filter((t) => !t.endsWith(','))).toEqual([]);
      const operative = operativeTexts(doc);
      expect(operative.slice(0, -1).filter((t) => !t.endsWith(';'))).toEqual([]);
      expect(operative.at(-1)).toMatch(/\.$/);
    });

    it('gives every paragraph its opener in italics', () => {
      const doc = template(id).document;
      expect([...doc.preamble, ...doc.operative].filter((p) => p.opener === '')).toEqual([]);
    });

    it('starts a valid draft numbered by position', () => {
      const draft = draftFromTemplate(template(id), new Date(2014, 9, 6));
      expect(validateDocument(draft).ok).toBe(true);
      expect(draft.operative.filter((p) => p.label !== undefined)).toEqual([]);
      expect(draft.footnotes.filter((f) => f.number !== undefined)).toEqual([]);
    });
  });
});

describe('the resolution of the Conference of the Parties', () => {
  const doc = template('cop-resolution').document;

  it('has a title placeholder, the formula, two preambular and three operative paragraphs', () => {
    expect(doc.title).toBe('‹Title of the resolution›');
    expect(doc.formula).toBe(`The ${COP},`);
    expect(doc.preamble.map((p) => p.opener)).toEqual(['Recalling', 'Reaffirming']);
    expect(doc.operative.map((p) => p.opener)).toEqual(['Urges', 'Requests', 'Invites']);
  });

  it('recalls an earlier resolution the way the corpus does', () => {
    // DRAFTING-RULES.md section 4; resolution 6/1, preambular paragraph 1.
    expect(preambleTexts(doc)[0]).toBe(
      'Recalling its resolution ‹number› of ‹date›, entitled "‹title of the earlier resolution›",',
    );
  });

  it('footnotes the first mention of the Convention with its Treaty Series source, in italics', () => {
    // DRAFTING-RULES.md section 3.
    expect(doc.footnotes).toEqual([
      {
        id: 'fn1',
        content: [
          { type: 'text', text: 'United Nations, ' },
          { type: 'text', text: 'Treaty Series', italic: true },
          { type: 'text', text: ', vols. 2225, 2237, 2241 and 2326, No. 39574.' },
        ],
      },
    ]);
    expect(doc.preamble[1]?.content).toContainEqual({ type: 'footnoteRef', footnoteId: 'fn1' });
  });

  it('carries no masthead: it is laid out as an adopted text', () => {
    expect(doc.metadata).toEqual({ footnoteRule: 'current' });
    expect(template('cop-resolution').datedOnStart).toBe(false);
  });
});

describe('the decision of the Conference of the Parties', () => {
  const doc = template('cop-decision').document;

  it('is one sentence: the formula ends with a colon and leads into lettered paragraphs, as decision 6/2', () => {
    expect(doc.kind).toBe('decision');
    expect(doc.formula).toMatch(new RegExp(`^The ${COP}, taking into account ‹[^›]+›:$`));
    expect(doc.preamble).toEqual([]);
    expect(doc.operative.map((p) => p.opener)).toEqual(['Decided', 'Requested']);
    expect(renderPlainText(doc)).toContain('(a) Decided that ‹what the Conference decided›;\n(b) Requested');
  });
});

describe('the draft resolution for submission', () => {
  const t = template('cop-draft-resolution');

  it('carries the masthead of an L document (DRAFTING-RULES.md section 6)', () => {
    expect(t.document.metadata).toEqual({
      symbol: 'CTOC/COP/‹year›/L.‹document number›',
      distribution: 'limited',
      originalLanguage: 'English',
      session: '‹Ordinal› session, Vienna, ‹dates of the session›',
      agendaItem: '‹number and letter of the agenda item›',
      agendaItemTitle: '‹title of the agenda item›',
      sponsors: ['‹Sponsors›'],
      footnoteRule: 'current',
    });
  });

  it('prints the sponsors line "‹Sponsors›: draft resolution"', () => {
    expect(sponsorsLine(t.document)).toBe('‹Sponsors›: draft resolution');
  });

  it('leaves the date open, to be the day the draft starts', () => {
    expect(t.datedOnStart).toBe(true);
    expect(draftFromTemplate(t, new Date(2014, 9, 6)).metadata.date).toBe('2014-10-06');
  });

  it('lists the masthead placeholders before the text', () => {
    expect(t.placeholders.slice(0, 8)).toEqual([
      '‹year›',
      '‹document number›',
      '‹Ordinal›',
      '‹dates of the session›',
      '‹number and letter of the agenda item›',
      '‹title of the agenda item›',
      '‹Sponsors›',
      '‹Title of the draft resolution›',
    ]);
  });
});

describe('the revised draft resolution', () => {
  const t = template('cop-revised-draft-resolution');

  it('adds the revision to the symbol: CTOC/COP/‹year›/L.‹document number›/Rev.‹n›', () => {
    expect(t.document.metadata.symbol).toBe('CTOC/COP/‹year›/L.‹document number›/Rev.‹n›');
    expect(t.placeholders).toContain('‹n›');
  });

  it('prints the sponsors line "‹Sponsors›: revised draft resolution"', () => {
    expect(sponsorsLine(t.document)).toBe('‹Sponsors›: revised draft resolution');
  });

  it('carries the rest of the masthead of the first issue', () => {
    const { symbol: _revised, ...rest } = t.document.metadata;
    const { symbol: _first, ...first } = template('cop-draft-resolution').document.metadata;
    expect(rest).toEqual(first);
  });
});

describe('the enacting formulas of other organs', () => {
  // DRAFTING-RULES.md section 1, item 2.
  it.each([
    ['ga-resolution', 'General Assembly', 'The General Assembly,'],
    ['ecosoc-resolution', 'Economic and Social Council', 'The Economic and Social Council,'],
    [
      'ccpcj-resolution',
      'Commission on Crime Prevention and Criminal Justice',
      'The Commission on Crime Prevention and Criminal Justice,',
    ],
  ])('%s opens "%s"', (id, organ, formula) => {
    const doc = template(id).document;
    expect(doc.organ).toBe(organ);
    expect(doc.formula).toBe(formula);
    expect(doc.metadata.symbol).toBeUndefined();
  });

  it('the General Assembly template footnotes the report it takes note of with a placeholder symbol', () => {
    const doc = template('ga-resolution').document;
    expect(doc.footnotes.map((f) => inlineText(f.content))).toEqual(['‹symbol of the report›.']);
    expect(findPlaceholders(doc).at(-1)).toMatchObject({ part: 'footnote', paragraph: 0 });
  });
});

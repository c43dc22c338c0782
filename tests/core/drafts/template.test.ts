import { describe, expect, it } from 'vitest';
import type { TemplateResult } from '../../../src/core/drafts/template.ts';
import { parseTemplate, parseTemplates } from '../../../src/core/drafts/template.ts';

const BODY = [
  '‹Title›',
  '',
  'The General Assembly,',
  '',
  '*Recalling* its resolution ‹number›,',
  '',
  '1. *Requests* the Secretary-General to ‹act›;',
  '',
  '2. *Decides* to remain seized of the matter.',
  '',
].join('\n');

function file(front: readonly string[], body = BODY): string {
  return ['---', ...front, '---', '', body].join('\n');
}

const MINIMAL = [
  'id: ga-test',
  'name: Test',
  'description: A test template',
  'kind: resolution',
  'organ: General Assembly',
];

function errorOf(result: TemplateResult): string {
  return result.ok ? '(parsed)' : result.error;
}

describe('parseTemplate', () => {
  it('reads the front matter into the template and its document, the body through the recognizer', () => {
    const result = parseTemplate(file(MINIMAL), 'ga-test.template.txt');
    if (!result.ok) throw new Error(result.error);
    const t = result.template;
    expect([t.id, t.name, t.description, t.datedOnStart]).toEqual([
      'ga-test',
      'Test',
      'A test template',
      false,
    ]);
    expect(t.document.kind).toBe('resolution');
    expect(t.document.organ).toBe('General Assembly');
    expect(t.document.title).toBe('‹Title›');
    expect(t.document.metadata).toEqual({});
    expect(t.document.operative.map((p) => p.opener)).toEqual(['Requests', 'Decides']);
    expect(t.placeholders).toEqual(['‹Title›', '‹number›', '‹act›']);
  });

  it('fills the masthead metadata: sponsors as a list, the revision added to the symbol, an ISO date kept', () => {
    const result = parseTemplate(
      file([
        ...MINIMAL,
        'symbol: A/C.3/69/L.‹n›',
        'revision: 2',
        'distribution: limited',
        'date: 2014-10-06',
        'originalLanguage: English',
        'session: Sixty-ninth session',
        'agendaItem: 105',
        'agendaItemTitle: Crime prevention and criminal justice',
        'sponsors: Mexico, Peru ,  ',
        'footnoteRule: 2012',
      ]),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.template.document.metadata).toEqual({
      symbol: 'A/C.3/69/L.‹n›/Rev.2',
      distribution: 'limited',
      date: '2014-10-06',
      originalLanguage: 'English',
      session: 'Sixty-ninth session',
      agendaItem: '105',
      agendaItemTitle: 'Crime prevention and criminal justice',
      sponsors: ['Mexico', 'Peru'],
      footnoteRule: '2012',
    });
    expect(result.template.datedOnStart).toBe(false);
  });

  it('takes a placeholder date as "dated the day the draft starts", keeping no date in the document', () => {
    const result = parseTemplate(file([...MINIMAL, 'date: ‹date›']));
    if (!result.ok) throw new Error(result.error);
    expect(result.template.datedOnStart).toBe(true);
    expect(result.template.document.metadata.date).toBeUndefined();
  });

  it('skips comments and blank lines in the front matter and reads Windows line ends', () => {
    const text = file(['# a comment', '', ...MINIMAL]).replace(/\n/g, '\r\n');
    expect(parseTemplate(text).ok).toBe(true);
  });

  describe('rejects a malformed template with a clear error', () => {
    it.each([
      ['no front matter', BODY, 'the file must start with a front-matter block'],
      ['an unclosed front matter', ['---', ...MINIMAL].join('\n'), 'the front matter is not closed'],
      [
        'a body where the closing "---" should be',
        ['---', ...MINIMAL, '', BODY].join('\n'),
        'line 8: expected "key: value" in the front matter, got "‹Title›" (is the closing "---" missing?)',
      ],
      [
        'an unknown key',
        file([...MINIMAL, 'colour: blue']),
        'line 7: unknown key "colour" (expected one of: id, name, description, kind, organ,',
      ],
      [
        'a bad kind',
        file([...MINIMAL.slice(0, 3), 'kind: motion', MINIMAL[4] ?? '']),
        'line 5: "kind" must be "resolution" or "decision", got "motion"',
      ],
      [
        'a line that is not "key: value"',
        file([...MINIMAL, 'just words']),
        'line 7: expected "key: value" in the front matter',
      ],
      [
        'a repeated key',
        file([...MINIMAL, 'name: Other']),
        'line 7: "name" is given twice (first on line 3)',
      ],
      ['an empty value', file([...MINIMAL, 'session:']), 'line 7: "session" has no value'],
      [
        'missing required keys',
        file(MINIMAL.slice(0, 2)),
        'the front matter lacks "description", "kind", "organ"',
      ],
      [
        'an id that is not lower-case words',
        file(['id: GA Test', ...MINIMAL.slice(1)]),
        'line 2: "id" must be lower-case words',
      ],
      [
        'a bad distribution',
        file([...MINIMAL, 'distribution: secret']),
        '"distribution" must be "limited" or "general", got "secret"',
      ],
      [
        'a bad footnote rule',
        file([...MINIMAL, 'footnoteRule: 2020']),
        '"footnoteRule" must be "2012" or "current"',
      ],
      [
        'a date that is neither ISO nor a placeholder',
        file([...MINIMAL, 'date: 6 October 2014']),
        'line 7: "date" must be an ISO date',
      ],
      ['a revision without a symbol', file([...MINIMAL, 'revision: 1']), '"revision" needs a "symbol"'],
      [
        'a revision that is not a number',
        file([...MINIMAL, 'symbol: A/C.3/69/L.5', 'revision: two']),
        '"revision" must be a number',
      ],
      [
        'a symbol that already has a revision',
        file([...MINIMAL, 'symbol: A/C.3/69/L.5/Rev.1', 'revision: 2']),
        'the symbol already has a revision',
      ],
      [
        'an organ the formula does not name',
        file([...MINIMAL.slice(0, 4), 'organ: Economic and Social Council']),
        'line 6: "organ" is "Economic and Social Council" but the enacting formula names "General Assembly"',
      ],
      ['an empty body', file(MINIMAL, ''), 'the body is empty'],
    ])('%s', (_case, text, message) => {
      expect(errorOf(parseTemplate(text))).toContain(message);
    });

    it('names the file, and an id that does not match the file name', () => {
      expect(errorOf(parseTemplate(file(MINIMAL), '/templates/ga-other.template.txt'))).toBe(
        'ga-other.template.txt: the id "ga-test" does not match the file name; the file should be called ga-test.template.txt',
      );
    });

    it('passes on the recognizer diagnostics with the line of the file', () => {
      // An unnumbered paragraph after "1." (DRAFTING-RULES.md section 1, item 4).
      const text = file(MINIMAL, `${BODY}\n*Invites* Member States to ‹act›.\n`);
      const line = text.split('\n').indexOf('*Invites* Member States to ‹act›.') + 1;
      expect(line).toBeGreaterThan(10);
      const error = errorOf(parseTemplate(text));
      expect(error).toContain('the body does not read as a resolution');
      expect(error).toContain(`unnumbered paragraph on line ${line} in the operative part`);
    });

    it('rejects a body holding two documents', () => {
      const body = `Resolution 1\n\n${BODY}\nResolution 2\n\n${BODY}`;
      expect(errorOf(parseTemplate(file(MINIMAL, body)))).toBe(
        'the body holds 2 documents; a template holds one',
      );
    });

    it('never throws, whatever it is given', () => {
      expect(errorOf(parseTemplate(undefined as unknown as string))).toBe("expected the template's text");
      expect(parseTemplate('').ok).toBe(false);
      expect(parseTemplate('---\n---\n').ok).toBe(false);
    });
  });
});

describe('parseTemplates', () => {
  it('reads a path → text record, sorted by id, and lists the bad files without hiding the good ones', () => {
    const result = parseTemplates({
      '/templates/zz-test.template.txt': file(['id: zz-test', ...MINIMAL.slice(1)]),
      '/templates/broken.template.txt': BODY,
      '/templates/ga-test.template.txt': file(MINIMAL),
    });
    expect(result.templates.map((t) => t.id)).toEqual(['ga-test', 'zz-test']);
    expect(result.errors).toEqual([
      'broken.template.txt: the file must start with a front-matter block: a "---" line, "key: value" lines, "---"',
    ]);
  });
});

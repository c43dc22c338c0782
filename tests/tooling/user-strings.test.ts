/**
 * Issue 12: messages speak to the user. DRAFTING-RULES.md is the developers' notes, a file the user
 * never sees, so no string the app, the command line or an export can show may point to it or to its
 * numbered sections. Comments may (ARCHITECTURE.md convention 10: comments cite the rule). This reads
 * every source file under src/ with the TypeScript parser and looks only at what is not a comment:
 * string and template literals, JSX text and, in stylesheets, everything outside comments (`content:`);
 * and what the templates give a draft.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseTemplates } from '../../src/core/drafts/template.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The notes themselves, or a citation of their numbered sections: "(section 6)", "section 1 item 3". */
const FORBIDDEN = /DRAFTING-RULES|\(sections? \d|\bsections? \d+(?:\.\d+)?,? items? \d/i;
const DEVELOPER_NOTE = /DRAFTING-RULES(?:\.md)?/i;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(?:tsx?|css)$/.test(name) ? [path] : [];
  });
}

/** The text of every literal a program can show: strings, templates, JSX text. */
function literals(code: string, jsx: boolean): string[] {
  const out: string[] = [];
  const source = ts.createSourceFile(
    'x.tsx',
    code,
    ts.ScriptTarget.Latest,
    true,
    jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    )
      out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function cssOutsideComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '');
}

describe('what the user can see', () => {
  it('finds the literals of a program and leaves its comments out', () => {
    const code = [
      '// DRAFTING-RULES.md section 1 in a comment',
      '/** DRAFTING-RULES.md section 3 in a doc comment */',
      "const a = 'see DRAFTING-RULES.md section 2';",
      'const b = `ends with ${x} (DRAFTING-RULES.md section 1 item 3)`;',
      'const c = <p title="fine">Text of DRAFTING-RULES.md</p>;',
    ].join('\n');
    const found = literals(code, true).filter((text) => DEVELOPER_NOTE.test(text));
    expect(found).toEqual([
      'see DRAFTING-RULES.md section 2',
      ' (DRAFTING-RULES.md section 1 item 3)',
      'Text of DRAFTING-RULES.md',
    ]);
    for (const cited of ['(section 6)', 'one sentence (section 1 item 3)', 'past tense, section 1, item 7'])
      expect(FORBIDDEN.test(cited), cited).toBe(true);
    for (const plain of ['operative paragraphs run 1, 2, 3', 'section I of resolution 79/1'])
      expect(FORBIDDEN.test(plain), plain).toBe(false);
  });

  it('never shows DRAFTING-RULES.md or its numbered sections in any string of src/', () => {
    const offending: string[] = [];
    for (const path of files(join(root, 'src'))) {
      const code = readFileSync(path, 'utf8');
      const texts = path.endsWith('.css')
        ? [cssOutsideComments(code)]
        : literals(code, path.endsWith('.tsx'));
      for (const text of texts)
        if (FORBIDDEN.test(text)) offending.push(`${relative(root, path)}: ${text.trim().slice(0, 120)}`);
    }
    expect(offending).toEqual([]);
  });

  it('never shows them in what the templates give a draft (their # comment lines may cite them)', () => {
    const dir = join(root, 'templates');
    const sources = Object.fromEntries(
      readdirSync(dir)
        .filter((name) => name.endsWith('.template.txt'))
        .map((name) => [`../../templates/${name}`, readFileSync(join(dir, name), 'utf8')]),
    );
    const { templates } = parseTemplates(sources);
    expect(templates.length).toBeGreaterThan(0);
    for (const template of templates) expect(JSON.stringify(template), template.id).not.toMatch(FORBIDDEN);
  });
});

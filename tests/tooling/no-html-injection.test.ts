/**
 * Issue 7, "no innerHTML from user data": the app never turns a string into markup. Drafts, pasted
 * HTML, imported files and Word documents are all user data, and React and Lexical build the DOM from
 * nodes, so no source file needs an HTML sink at all; this fails on the first one that appears. The
 * Content-Security-Policy (no inline script, no eval) is the second line, checked by
 * tests/e2e/quality-offline.spec.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Ways to turn a string into DOM or code. */
const SINKS: readonly [string, RegExp][] = [
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML assignment', /\bouterHTML\s*=(?!=)/],
  ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['document.write', /\bdocument\s*\.\s*write(?:ln)?\s*\(/],
  ['srcdoc', /\bsrcdoc\b/i],
  ['eval', /(?<![\w.$])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
];

/**
 * DOMParser builds an inert document (no script runs, no resource loads) that is read, never inserted:
 * allowed only where that has been checked.
 */
const DOM_PARSER_ALLOWED: readonly string[] = [
  // Pasted HTML is read for its text and italics only (paste.spec.ts asserts no script runs).
  'src/editor/plugins/paste/htmlText.ts',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The code without its comments, so a comment may name a sink to explain why it is not used. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const files = sourceFiles(join(root, 'src')).map((path) => ({
  file: relative(root, path).split('\\').join('/'),
  code: code(readFileSync(path, 'utf8')),
}));

describe('no HTML sinks in src', () => {
  it('scans the whole source tree', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('uses no innerHTML, dangerouslySetInnerHTML, insertAdjacentHTML, document.write or eval', () => {
    const hits = files.flatMap(({ file, code }) =>
      SINKS.flatMap(([name, pattern]) =>
        code.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${name}`] : [])),
      ),
    );
    expect(hits).toEqual([]);
  });

  it('parses HTML with DOMParser only where the result is read and never inserted', () => {
    const users = files.filter(({ code }) => /\bDOMParser\b/.test(code)).map(({ file }) => file);
    expect(users.filter((file) => !DOM_PARSER_ALLOWED.includes(file))).toEqual([]);
  });

  it('catches each kind of sink (the scanner itself)', () => {
    const samples = [
      'el.innerHTML = text;',
      'el.outerHTML = text;',
      '<div dangerouslySetInnerHTML={{ __html: text }} />',
      "el.insertAdjacentHTML('beforeend', text);",
      'range.createContextualFragment(text);',
      'document.write(text);',
      'iframe.srcdoc = text;',
      'eval(text);',
      'new Function(text);',
      "setTimeout('run()', 10);",
    ];
    for (const sample of samples)
      expect(
        SINKS.some(([, pattern]) => pattern.test(code(sample))),
        sample,
      ).toBe(true);
    expect(SINKS.some(([, pattern]) => pattern.test(code('// el.innerHTML would be wrong here')))).toBe(
      false,
    );
    expect(SINKS.some(([, pattern]) => pattern.test('if (a.outerHTML === b) retrieval(x);'))).toBe(false);
  });
});

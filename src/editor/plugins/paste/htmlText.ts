/**
 * Pasted HTML read as text, for a clipboard that offers no plain text, and as the safe form of any
 * pasted HTML: only text and italics survive (*Treaty Series* is printed in italics,
 * UN practice: citing instruments; openers are italic too). The HTML is parsed with DOMParser into a
 * separate, inert document (no script runs, nothing loads, nothing is put into the page), and only
 * its text is read: no attribute (href, on*, style beyond font-style) ever reaches the editor.
 *
 * The result is text as the recognizer reads it (core/parse): one line per block, `*...*` around
 * italic runs, footnote markers as superscript digits ("Convention³") and Word's footnote marks
 * "[3]" too. What an element means (skipped, a block, italic, raised) is decided by the same
 * functions as the reader of HTML in the core (core/import/html-elements.ts), which has no DOM.
 */
import {
  footnoteMarkDigits,
  HTML_BLOCKS,
  HTML_SKIPPED,
  htmlItalic,
  htmlSuperscript,
} from '../../../core/import/html-elements.ts';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** One step of the walk: a node to read with the italics and superscript it inherits, or a block's end. */
const END_BLOCK = Symbol('end of block');
type Step = { node: Node; italic: boolean; superscript: boolean } | typeof END_BLOCK;

/** A run of pasted text: its words and whether they were italic. */
export interface HtmlRun {
  text: string;
  italic: boolean;
}

/** The text of `html` with italics marked, one line per block; '' when it holds no text. */
export function htmlToMarkedText(html: string, parser?: DOMParser): string {
  return htmlToLines(html, parser).map(markLine).join('\n');
}

/**
 * The text of `html` as lines of runs, one line per block, white space folded as a browser shows
 * it (a line keeps its outer spaces: pasted inside a sentence, " and " must stay " and ").
 */
export function htmlToLines(html: string, parser: DOMParser = new DOMParser()): HtmlRun[][] {
  // The parsed document is inert, so no handler can run; Chromium still reports each inline handler
  // it meets to the page's Content-Security-Policy. Renaming the attributes first keeps that quiet.
  const doc = parser.parseFromString(
    html.replace(/(\s)on([a-z]+\s*=)/gi, '$1data-dropped-on$2'),
    'text/html',
  );
  const lines: HtmlRun[][] = [];
  let line: HtmlRun[] = [];
  const endLine = (): void => {
    if (line.some((run) => run.text.trim() !== '')) lines.push(line);
    line = [];
  };
  // An explicit stack, not recursion: a paste nested thousands of elements deep must not exhaust the
  // call stack. Children are pushed last-first so they are read in document order, and a block's
  // closing line break is pushed under its children so it comes after them.
  const stack: Step[] = [{ node: doc.body ?? doc.documentElement, italic: false, superscript: false }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if (step === END_BLOCK) {
      endLine();
      continue;
    }
    const { node, italic, superscript } = step;
    if (node.nodeType === TEXT_NODE) {
      const text = (node.nodeValue ?? '').replace(/\s+/g, ' ');
      line.push({ text: superscript ? asSuperscript(text) : text, italic });
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue; // comments, processing instructions
    const element = node as Element;
    // The tag as written ("o:p" of Word's HTML), not the local name some parsers shorten to "p".
    const tag = element.tagName.toLowerCase();
    if (HTML_SKIPPED.has(tag)) continue;
    if (tag === 'br') {
      endLine();
      continue;
    }
    const block = HTML_BLOCKS.has(tag);
    if (block) {
      endLine();
      stack.push(END_BLOCK);
    }
    const childItalic = htmlItalic(tag, element.getAttribute('style') ?? '', italic);
    const childSuper = htmlSuperscript(tag, (name) => element.getAttribute(name), superscript);
    for (let child = element.lastChild; child !== null; child = child.previousSibling) {
      stack.push({ node: child, italic: childItalic, superscript: childSuper });
    }
  }
  endLine();
  return lines;
}

/** "3" → "³", "[3]" → "³" (Word's footnote marks); anything else in a superscript stays as it is. */
function asSuperscript(text: string): string {
  const digits = footnoteMarkDigits(text);
  if (digits === undefined) return text;
  return [...digits].map((d) => SUPERSCRIPT_DIGITS.charAt(Number(d))).join('');
}

/** Joins a line's runs, italic ones as `*run*` with their outer spaces left outside the marks. */
function markLine(runs: readonly HtmlRun[]): string {
  const merged: HtmlRun[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.italic === run.italic) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged
    .map((run) => {
      if (!run.italic || run.text.trim() === '') return run.text;
      const [, before = '', core = '', after = ''] = /^(\s*)(.*?)(\s*)$/s.exec(run.text) ?? [];
      return `${before}*${core}*${after}`;
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

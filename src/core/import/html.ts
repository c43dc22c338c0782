/**
 * HTML as delegates get it — a resolution copied from the UN's document sites, or a Word document
 * saved as a web page (`class=MsoNormal`, `<![if !supportLists]>`, footnotes as `#_ftn1` links) —
 * read into the printed line stream every way in produces (source-lines.ts; ARCHITECTURE.md,
 * convention 11), for the one reader (core/parse/printed.ts).
 *
 * No DOM: this runs in Node for the command line as well as in the browser. The markup is read with
 * the small tokenizer of xml.ts (htmlEvents) and a stack of open elements that closes what HTML lets
 * an author leave open (`<p>` before the next block, `<li>` before the next item, a cell before the
 * next cell). What an element means (skipped, a block, italic, raised) is decided in
 * html-elements.ts, shared with the paste of HTML in the editor, which reads with the browser's
 * DOMParser.
 *
 * A line ends at every block element and at `<br>`; the first line of each block after the first
 * has a blank line before it (gapBefore 1), a `<br>` starts a line with none. Italics (`<i>`, `<em>`,
 * `font-style: italic`) and superscripts (`<sup>`, `vertical-align: super`, Word's footnote
 * references) become spans. Characters stay as printed: no-break spaces, curly quotes and
 * non-breaking hyphens are the document's, only runs of spaces and line ends of the source are folded
 * to one space, as a browser shows them.
 */
import type { RecognizeResult } from '../parse/recognize.ts';
import { readPrinted } from '../parse/printed.ts';
import type { SourceLine, SourceSpan } from './source-lines.ts';
import {
  footnoteMarkDigits,
  HTML_BLOCKS,
  HTML_SKIPPED,
  htmlItalic,
  htmlSuperscript,
} from './html-elements.ts';
import { htmlEvents, windows1252 } from './xml.ts';

/**
 * Table cells end a line for the reader too: a printed line never spans two cells. (Paste keeps a
 * row on one line, as the text of a table copied from a page reads.)
 */
const CELLS: ReadonlySet<string> = new Set(['td', 'th', 'caption']);

/** Elements with no content and no end tag. */
const VOID: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Opening one of these closes an open `<p>` (HTML's "close a p element"). */
const CLOSES_P: ReadonlySet<string> = new Set([
  ...[...HTML_BLOCKS].filter((tag) => tag !== 'body' && tag !== 'tr'),
  'center',
]);

/** How a horizontal rule is printed as text (what pdftotext gives for the footnote rule). */
const RULE = '__________';

const BOLD_TAGS: ReadonlySet<string> = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th']);

/** The lines of an HTML document or fragment, as the reader reads printed lines. */
export function linesFromHtml(html: string): SourceLine[] {
  return new HtmlLineReader().read(html);
}

/**
 * The text of an HTML file as a browser decodes it: a byte-order mark first, then the charset its
 * `<meta>` declares in the first 1,024 bytes (Word's "Save as Web Page" writes windows-1252 by default),
 * then UTF-8 when the bytes are valid UTF-8, windows-1252 otherwise.
 */
export function decodeHtml(bytes: Uint8Array): string {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = cp1252(bytes.subarray(0, 1024));
  const declared = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (
    declared !== undefined &&
    !/^(?:windows-1252|cp1252|iso-8859-1|latin1|us-ascii|ascii)$/.test(declared)
  ) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: read on as if none were declared.
    }
  } else if (declared !== undefined) return cp1252(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return cp1252(bytes);
  }
}

/** Windows-1252, which browsers read for the labels windows-1252, iso-8859-1, latin1 and ascii alike. */
function cp1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCodePoint(windows1252(c.charCodeAt(0))));
}

/** A resolution or decision read from HTML: the lines of `linesFromHtml`, read by the one reader. */
export function readHtml(html: string): RecognizeResult {
  return readPrinted(linesFromHtml(html));
}

interface OpenElement {
  readonly name: string;
  readonly skip: boolean;
  readonly block: boolean;
  readonly italic: boolean;
  readonly superscript: boolean;
  readonly bold: boolean;
  readonly centred: boolean;
}

interface Run {
  text: string;
  readonly italic: boolean;
  readonly superscript: boolean;
  readonly bold: boolean;
}

const ROOT: OpenElement = {
  name: '#root',
  skip: false,
  block: true,
  italic: false,
  superscript: false,
  bold: false,
  centred: false,
};

/** One reading: the open elements, the line being built and the lines so far. */
class HtmlLineReader {
  private readonly stack: OpenElement[] = [ROOT];
  /** How many elements of each name are open. */
  private readonly openCount = new Map<string, number>();
  private readonly lines: SourceLine[] = [];
  private runs: Run[] = [];
  private centred = false;
  private page = 1;
  private gap = 0;
  /** No line yet on this page: a block's end puts no blank line before its first. */
  private pageStart = true;

  read(html: string): SourceLine[] {
    for (const ev of htmlEvents(html)) {
      if (ev.type === 'open') this.open(ev.name, ev.attrs);
      else if (ev.type === 'close') this.close(ev.name);
      else this.text(ev.text);
    }
    this.endLine();
    return this.lines;
  }

  private get top(): OpenElement {
    return this.stack[this.stack.length - 1] ?? ROOT;
  }

  private open(name: string, attrs: Readonly<Record<string, string>>): void {
    if (this.top.skip) {
      if (!VOID.has(name)) this.push({ ...this.top, name });
      return;
    }
    if (name === 'html' || name === 'body') {
      // A <body> ends an unclosed <head>; neither is kept open.
      this.stack.length = 1;
      this.openCount.clear();
      this.endBlock();
      return;
    }
    this.closeImplied(name);
    const parent = this.top;
    const style = (attrs['style'] ?? '').toLowerCase();
    if (/page-break-before\s*:\s*always|break-before\s*:\s*page/.test(style)) this.newPage();
    if (name === 'br') {
      this.endLine();
      return;
    }
    if (name === 'hr') {
      // A horizontal rule is printed as one: the rule of underscores a printed page puts above its
      // footnotes, which is where Word's web pages and the document sites put theirs too.
      this.endBlock();
      this.runs.push({ text: RULE, italic: false, superscript: false, bold: false });
      this.centred = false;
      this.endBlock();
      return;
    }
    if (VOID.has(name)) return;
    const block = HTML_BLOCKS.has(name) || CELLS.has(name);
    if (block) this.endBlock();
    const align = (attrs['align'] ?? '').toLowerCase();
    const element: OpenElement = {
      name,
      skip: HTML_SKIPPED.has(name),
      block,
      italic: htmlItalic(name, style, parent.italic),
      superscript: htmlSuperscript(name, (a) => attrs[a], parent.superscript),
      bold: /font-weight\s*:\s*(normal|[1-5]00)\b/.test(style)
        ? false
        : parent.bold || BOLD_TAGS.has(name) || /font-weight\s*:\s*(bold|bolder|[6-9]00)\b/.test(style),
      centred: block
        ? name === 'center' ||
          align === 'center' ||
          /text-align\s*:\s*center/.test(style) ||
          (parent.centred && !/text-align\s*:/.test(style) && align === '')
        : parent.centred,
    };
    this.push(element);
  }

  private push(element: OpenElement): void {
    this.stack.push(element);
    this.openCount.set(element.name, (this.openCount.get(element.name) ?? 0) + 1);
  }

  /** The elements HTML closes when `name` opens: a `<p>` before a block, an item before an item. */
  private closeImplied(name: string): void {
    const find = (targets: readonly string[], boundaries: readonly string[]): number => {
      // Counted first, so that deep nesting with nothing to close is not searched at each element.
      if (!targets.some((t) => (this.openCount.get(t) ?? 0) > 0)) return -1;
      for (let i = this.stack.length - 1; i > 0; i--) {
        const open = this.stack[i]?.name ?? '';
        if (targets.includes(open)) return i;
        if (boundaries.includes(open)) return -1;
      }
      return -1;
    };
    const cells = ['td', 'th', 'table', 'caption'];
    if (CLOSES_P.has(name)) this.popTo(find(['p'], cells));
    if (name === 'li') this.popTo(find(['li'], ['ul', 'ol', ...cells]));
    if (name === 'dt' || name === 'dd') this.popTo(find(['dt', 'dd'], ['dl', ...cells]));
    if (name === 'td' || name === 'th') this.popTo(find(['td', 'th'], ['tr', 'table']));
    if (name === 'tr') this.popTo(find(['tr'], ['table']));
  }

  private close(name: string): void {
    // Counted first: an end tag with nothing open to close is not searched for down the stack.
    for (let i = (this.openCount.get(name) ?? 0) > 0 ? this.stack.length - 1 : 0; i > 0; i--) {
      if (this.stack[i]?.name === name) {
        this.popTo(i);
        return;
      }
    }
    // An end tag with nothing to close: HTML reads a stray </p> or </br> as a line's end.
    if (!this.top.skip && (name === 'p' || name === 'br')) this.endBlock();
  }

  /** Closes the open elements down to and including the one at `index` (nothing when -1). */
  private popTo(index: number): void {
    if (index < 1) return;
    while (this.stack.length > index) {
      const closed = this.stack.pop();
      if (closed !== undefined) this.openCount.set(closed.name, (this.openCount.get(closed.name) ?? 1) - 1);
      if (closed?.block && !closed.skip) this.endBlock();
    }
  }

  private text(raw: string): void {
    const open = this.top;
    if (open.skip) return;
    // The source's line ends and runs of spaces are layout, not text; a no-break space is printed.
    let text = raw.replace(/[ \t\n\r\f]+/g, ' ');
    if (text === '') return;
    const last = this.runs[this.runs.length - 1];
    if (text.startsWith(' ') && (last === undefined || last.text.endsWith(' '))) text = text.slice(1);
    if (text === '') return;
    if (this.runs.length === 0) this.centred = open.centred;
    if (
      last !== undefined &&
      last.italic === open.italic &&
      last.superscript === open.superscript &&
      last.bold === open.bold
    )
      last.text += text;
    else this.runs.push({ text, italic: open.italic, superscript: open.superscript, bold: open.bold });
  }

  /** The end of a block: the line ends, and the next one has a blank line before it. */
  private endBlock(): void {
    this.endLine();
    if (!this.pageStart) this.gap = 1;
  }

  private newPage(): void {
    this.endLine();
    if (this.lines.length > 0) this.page += 1;
    this.gap = 0;
    this.pageStart = true;
  }

  /** Ends the line being built; a line of spaces only is no line. */
  private endLine(): void {
    const runs = this.runs;
    this.runs = [];
    if (runs.every((run) => run.text.trim() === '')) return;
    const spans: SourceSpan[] = [];
    for (const run of runs) {
      let text = run.text;
      if (run.superscript) {
        // Word prints its footnote references as "[3]" in a web page; the document prints "3".
        const digits = footnoteMarkDigits(text);
        if (digits !== undefined) text = text.replace(/\[?\d+\]?/, digits);
      }
      const previous = spans[spans.length - 1];
      if (
        previous !== undefined &&
        !!previous.italic === run.italic &&
        !!previous.superscript === run.superscript
      )
        spans[spans.length - 1] = { ...previous, text: previous.text + text };
      else
        spans.push({
          text,
          ...(run.italic ? { italic: true } : {}),
          ...(run.superscript ? { superscript: true } : {}),
        });
    }
    // The line's outer spaces, no-break ones included, are layout (Word indents with them).
    while (spans[0] !== undefined && spans[0].text.trimStart() === '') spans.shift();
    while (spans.length > 0 && (spans[spans.length - 1]?.text.trimEnd() ?? '') === '') spans.pop();
    const first = spans[0];
    if (first !== undefined) spans[0] = { ...first, text: first.text.trimStart() };
    const last = spans[spans.length - 1];
    if (last !== undefined) spans[spans.length - 1] = { ...last, text: last.text.trimEnd() };
    const bold = runs.every((run) => run.bold || run.text.trim() === '');
    this.lines.push({
      text: spans.map((s) => s.text).join(''),
      spans,
      page: this.page,
      gapBefore: this.gap,
      ...(bold ? { bold: true } : {}),
      ...(this.centred ? { centred: true } : {}),
    });
    this.gap = 0;
    this.pageStart = false;
  }
}

/**
 * One reader, many ways in (ARCHITECTURE.md, convention 11): a PDF, text copied from a PDF, Word and
 * HTML each become this stream of printed lines with what the source knows about them; one reader
 * (core/parse/printed.ts) then finds the paragraphs, footnotes, headers and page furniture in it.
 *
 * Plain text knows only the characters and the page breaks (form feeds); a PDF also knows italics,
 * raised small digits, indents and where on the page a line sits.
 */

/** A run of a line with one appearance. */
export interface SourceSpan {
  readonly text: string;
  readonly italic?: boolean;
  /** Raised and smaller than the line's body text: a footnote marker when it is digits. */
  readonly superscript?: boolean;
}

export interface SourceLine {
  /** The line as printed (spans joined, when there are spans). */
  readonly text: string;
  /** Present when the source knows the appearance of its runs (a PDF). */
  readonly spans?: readonly SourceSpan[];
  /** 1-based page; plain text counts form feeds. */
  readonly page: number;
  /** Blank lines (text) or vertical space (PDF, in multiples of the body line height, rounded) before the line. */
  readonly gapBefore: number;
  /** Left edge of the line's first glyph, points from the page's text margin (PDF only). */
  readonly indent?: number;
  /** Distance of the baseline from the top of the page, in points (PDF only). */
  readonly top?: number;
  /** The page's height in points (PDF only). */
  readonly pageHeight?: number;
  /** Font size of the line's body text, in points (PDF only). */
  readonly fontSize?: number;
  /** Centred on the page (PDF; HTML by its alignment): headings, the sponsors line, section numbers. */
  readonly centred?: boolean;
  /** Bold (PDF; HTML when the whole line is bold): the title and headings. */
  readonly bold?: boolean;
}

/** Lines of plain text: what a PDF viewer copies, or what `pdftotext` gives. Pages split at form feeds. */
export function linesFromText(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let page = 1;
  let gap = 0;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = raw;
    while (line.startsWith('\f')) {
      page += 1;
      gap = 0;
      line = line.slice(1);
    }
    line = line.replace(/\f/g, '').replace(/\s+$/, '');
    if (line.trim() === '') {
      gap += 1;
      continue;
    }
    out.push({ text: line, page, gapBefore: gap });
    gap = 0;
  }
  return out;
}

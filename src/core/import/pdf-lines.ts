/**
 * The text runs of a PDF's pages, placed on the page, made into printed lines (source-lines.ts) — the
 * geometry half of the PDF reader (./pdf.ts drives pdf.js and hands its runs here). Pure: no pdf.js,
 * so it is tested with runs built by hand as well as with the dev set's PDFs.
 *
 * What a PDF knows that its copied text loses (issue 12, "use what a PDF knows"):
 * - italics, from the font's real name: the opener's exact extent;
 * - raised small text (footnote markers): a run smaller than its line's text and raised above its
 *   baseline is put into that line as a superscript span, not printed as a line of its own;
 * - the left edge of each line against the page's body text: first-line indents start paragraphs,
 *   hanging numbers of footnotes and titles stand out to the left, running heads sit elsewhere;
 * - vertical space: UN documents separate paragraphs by space (6 pt), not by blank lines;
 * - where on the page a line sits, its size and weight: running heads and job numbers at the top and
 *   foot, footnotes in a smaller size after the rule.
 */
import type { SourceLine, SourceSpan } from './source-lines.ts';

/** One piece of text as a PDF draws it, in page coordinates from the top-left, in points. */
export interface PdfRun {
  readonly text: string;
  /** Left edge of the run. */
  readonly x: number;
  /** Baseline, from the top of the page. */
  readonly top: number;
  readonly width: number;
  /** Font size (the text matrix's vertical scale). */
  readonly size: number;
  readonly italic: boolean;
  readonly bold: boolean;
}

export interface PdfPage {
  /** 1-based. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  /** In the order the page draws them; lines are found by position, not by this order. */
  readonly runs: readonly PdfRun[];
}

/**
 * Baselines closer than this share a line (in multiples of the larger run's size): a run drawn a point
 * higher or lower in a heading ("A/RES/79/188" with its large "A") is the same line, while a footnote
 * marker, raised by about a third of the text's size, is not (it joins below as a superscript).
 */
const SAME_BASELINE = 0.2;
/** A superscript is at most this size against its line's text (Word prints markers at 65 %). */
const SUPERSCRIPT_SIZE = 0.85;
/** And raised by this much of the line's text size (Word raises markers by about 0.35 em). */
const SUPERSCRIPT_RAISE_MIN = 0.12;
const SUPERSCRIPT_RAISE_MAX = 0.7;
/**
 * A horizontal gap wider than this many times the text size splits one baseline into two lines:
 * "General Assembly ... Distr.: General" in the masthead, a running title and the symbol across from
 * it. A paragraph number and its text (a tab of about one em) stay one line.
 */
const COLUMN_GAP = 3.5;
/** A gap between two runs wider than this (times the size) is a space the PDF did not draw. */
const WORD_GAP = 0.15;
/** Vertical space beyond the normal line advance, in line heights, counts as one blank line from here. */
const GAP_THRESHOLD = 0.3;

interface Item extends PdfRun {
  readonly space: boolean;
  superscript: boolean;
}

interface Cluster {
  top: number;
  size: number;
  items: Item[];
}

/** The most frequent value, weighted; ties go to the smallest value. */
function mode(values: Iterable<readonly [number, number]>): number | undefined {
  const weights = new Map<number, number>();
  for (const [v, w] of values) weights.set(v, (weights.get(v) ?? 0) + w);
  let best: number | undefined;
  let bestWeight = -1;
  for (const [v, w] of weights)
    if (w > bestWeight || (w === bestWeight && best !== undefined && v < best)) {
      best = v;
      bestWeight = w;
    }
  return best;
}

const round = (n: number, step: number): number => Math.round(n / step) * step;
const visibleLength = (text: string): number => text.replace(/\s+/g, '').length;

/** Left and right edges of some runs (a loop: a hostile page may hold more runs than a spread allows). */
function extent(runs: readonly PdfRun[]): [number, number] {
  let left = Infinity;
  let right = -Infinity;
  for (const r of runs) {
    left = Math.min(left, r.x);
    right = Math.max(right, r.x + r.width);
  }
  return [left, right];
}

/** Body text size of the document: the size most characters are printed in. */
function bodySizeOf(pages: readonly PdfPage[]): number {
  const sizes = function* () {
    for (const page of pages)
      for (const run of page.runs) yield [round(run.size, 0.5), visibleLength(run.text)] as const;
  };
  return mode(sizes()) ?? 10;
}

/** Runs on one baseline, superscripts joined to the line they are raised above. */
function clustersOf(page: PdfPage): Cluster[] {
  const items: Item[] = [];
  let previous: PdfRun | undefined;
  for (const run of page.runs) {
    if (run.text === '' || !(run.size > 0)) continue;
    // Text drawn twice a hair apart (a fake bold) is read once.
    if (
      previous &&
      previous.text === run.text &&
      Math.abs(previous.x - run.x) < 1 &&
      Math.abs(previous.top - run.top) < 1
    )
      continue;
    previous = run;
    items.push({ ...run, space: run.text.trim() === '', superscript: false });
  }
  items.sort((a, b) => a.top - b.top || a.x - b.x);

  const clusters: Cluster[] = [];
  for (const item of items) {
    let home: Cluster | undefined;
    for (let k = clusters.length - 1; k >= 0; k -= 1) {
      const c = clusters[k];
      if (!c) continue;
      const tolerance = SAME_BASELINE * Math.max(c.size, item.size);
      if (item.top - c.top > 2 * tolerance + 40) break;
      if (Math.abs(item.top - c.top) <= tolerance) {
        home = c;
        break;
      }
    }
    if (home) {
      home.items.push(item);
      if (!item.space && item.size > home.size) home.size = item.size;
    } else clusters.push({ top: item.top, size: item.space ? 0 : item.size, items: [item] });
  }

  // A cluster of small raised text joins the nearest line it is raised above. Clusters are in the
  // order of their baselines, so only the few just below are candidates.
  const maxSize = clusters.reduce((m, c) => Math.max(m, c.size), 0);
  const merged = new Set<Cluster>();
  clusters.forEach((small, k) => {
    if (small.size === 0) return;
    const [left, right] = extent(small.items);
    let best: Cluster | undefined;
    for (let j = k + 1; j < clusters.length; j += 1) {
      const line = clusters[j];
      if (!line) continue;
      const raise = line.top - small.top;
      if (raise > SUPERSCRIPT_RAISE_MAX * maxSize) break;
      if (merged.has(line) || line.size === 0) continue;
      if (raise < SUPERSCRIPT_RAISE_MIN * line.size || raise > SUPERSCRIPT_RAISE_MAX * line.size) continue;
      if (small.size > SUPERSCRIPT_SIZE * line.size) continue;
      const [lineLeft, lineRight] = extent(line.items);
      if (right < lineLeft - 2 * line.size || left > lineRight + 2 * line.size) continue;
      if (!best || raise < best.top - small.top) best = line;
    }
    if (!best) return;
    for (const item of small.items) {
      if (!item.space) item.superscript = true;
      best.items.push(item);
    }
    merged.add(small);
  });
  return clusters.filter((c) => !merged.has(c) && c.items.some((i) => !i.space));
}

/** A line's runs split where a wide gap separates two blocks of text on one baseline. */
function segmentsOf(cluster: Cluster): Item[][] {
  const items = [...cluster.items].sort((a, b) => a.x - b.x);
  const segments: Item[][] = [];
  let current: Item[] = [];
  let end = -Infinity;
  for (const item of items) {
    if (!item.space) {
      const gap = item.x - end;
      if (current.some((i) => !i.space) && gap > COLUMN_GAP * Math.max(cluster.size, item.size)) {
        segments.push(current);
        current = [];
      }
      end = Math.max(end, item.x + item.width);
    }
    current.push(item);
  }
  if (current.length) segments.push(current);
  return segments
    .map((s) => {
      // Spaces at a segment's ends (a tab's filler) belong to no text.
      let a = 0;
      let b = s.length;
      while (a < b && s[a]?.space) a += 1;
      while (b > a && s[b - 1]?.space) b -= 1;
      return s.slice(a, b);
    })
    .filter((s) => s.length > 0);
}

interface SpanDraft {
  text: string;
  italic: boolean;
  superscript: boolean;
}

/**
 * Spans of one appearance; a space between runs of different appearance goes with the plain run
 * ("*Recalling* the", not "*Recalling *the"), as the .docx import keeps spaces outside its italics.
 */
function spansOf(items: readonly Item[], lineSize: number): SpanDraft[] {
  const spans: SpanDraft[] = [];
  const add = (text: string, italic: boolean, superscript: boolean, spaced: boolean) => {
    const last = spans[spans.length - 1];
    const same = last !== undefined && last.italic === italic && last.superscript === superscript;
    if (last && spaced) {
      if (same) last.text += ` ${text}`;
      else if (!last.italic && !last.superscript) {
        last.text += ' ';
        spans.push({ text, italic, superscript });
      } else if (!italic && !superscript) spans.push({ text: ` ${text}`, italic, superscript });
      else spans.push({ text: ' ', italic: false, superscript: false }, { text, italic, superscript });
    } else if (same) last.text += text;
    else spans.push({ text, italic, superscript });
  };
  let pending = false;
  let end: number | undefined;
  for (const item of items) {
    const gap = end === undefined ? 0 : item.x - end;
    end = Math.max(end ?? -Infinity, item.x + item.width);
    if (item.space) {
      pending = spans.length > 0;
      continue;
    }
    let text = item.text.replace(/[\t\n\r\f\v ]+/g, ' ');
    if (gap > WORD_GAP * lineSize || text.startsWith(' ')) pending = spans.length > 0;
    const trailing = text.endsWith(' ');
    // Only spaces: a no-break space is kept as printed.
    text = text.replace(/^ +| +$/g, '');
    if (text !== '') add(text, item.italic, item.superscript, pending);
    pending = spans.length > 0 && (trailing || (text === '' && pending));
  }
  return spans;
}

interface Placed {
  readonly page: number;
  readonly top: number;
  readonly left: number;
  readonly right: number;
  readonly size: number;
  readonly bold: boolean;
  readonly spans: SpanDraft[];
}

function placedOf(page: PdfPage, segment: readonly Item[], cluster: Cluster): Placed | undefined {
  const body = segment.filter((i) => !i.space && !i.superscript);
  const visible = segment.filter((i) => !i.space);
  const main = body.length ? body : visible;
  if (!main.length) return undefined;
  const size =
    mode(main.map((i) => [Math.round(i.size * 100) / 100, visibleLength(i.text)] as const)) ?? cluster.size;
  const baseline = mode(main.map((i) => [i.top, visibleLength(i.text)] as const)) ?? cluster.top;
  const spans = spansOf(segment, size);
  if (!spans.length) return undefined;
  const [left, right] = extent(visible);
  return {
    page: page.number,
    top: baseline,
    left,
    right,
    size,
    bold: main.every((i) => i.bold),
    spans,
  };
}

const toRun = (l: Placed): PdfRun => ({
  text: '',
  x: l.left,
  top: l.top,
  width: l.right - l.left,
  size: l.size,
  italic: false,
  bold: false,
});

/** The left and right edges of the body text: where most body-size lines start and end. */
function textBlock(lines: readonly Placed[], bodySize: number): { left: number; right: number } | undefined {
  const body = lines.filter((l) => Math.abs(l.size - bodySize) < 0.75);
  if (body.length < 3) return undefined;
  const bin = mode(body.map((l) => [round(l.left, 0.5), 1] as const));
  if (bin === undefined) return undefined;
  // The margin itself is the lowest left edge in the most frequent bin, so its lines have indent 0.
  const left = body.reduce((m, l) => (round(l.left, 0.5) === bin ? Math.min(m, l.left) : m), Infinity);
  const full = body.filter((l) => Math.abs(l.left - left) < 1.5);
  const right = mode(full.map((l) => [round(l.right, 2), 1] as const)) ?? extent(body.map(toRun))[1];
  return { left, right };
}

/** The most frequent advance from one body line to the next: the body's line height. */
function lineHeightOf(pages: readonly Placed[][], bodySize: number): number {
  const advances = function* () {
    for (const lines of pages)
      for (let k = 1; k < lines.length; k += 1) {
        const a = lines[k - 1];
        const b = lines[k];
        if (!a || !b) continue;
        if (Math.abs(a.size - bodySize) > 0.75 || Math.abs(b.size - bodySize) > 0.75) continue;
        const advance = b.top - a.top;
        if (advance > bodySize * 0.9 && advance < bodySize * 2) yield [round(advance, 0.25), 1] as const;
      }
  };
  return mode(advances()) ?? bodySize * 1.2;
}

/** The printed lines of a PDF's pages, in reading order: top to bottom, left to right. */
export function linesOfPages(pages: readonly PdfPage[]): SourceLine[] {
  const bodySize = bodySizeOf(pages);
  const placedPages = pages.map((page) =>
    clustersOf(page)
      .flatMap((cluster) => segmentsOf(cluster).map((segment) => placedOf(page, segment, cluster)))
      .filter((p): p is Placed => p !== undefined)
      .sort((a, b) => a.top - b.top || a.left - b.left),
  );
  const lineHeight = lineHeightOf(placedPages, bodySize);

  // A page with too little body text to find its margin (a last page with the meeting and date)
  // takes the margin of the pages with the same parity (margins may mirror), else of any page.
  const blocks = placedPages.map((lines) => textBlock(lines, bodySize));
  const fallback = (index: number) =>
    blocks.find((b, k) => b && k % 2 === index % 2) ?? blocks.find((b) => b !== undefined);

  const out: SourceLine[] = [];
  placedPages.forEach((lines, index) => {
    const page = pages[index];
    if (!page) return;
    const block = blocks[index] ?? fallback(index);
    const [lineLeft, lineRight] = extent(lines.map(toRun));
    const left = block?.left ?? lineLeft;
    const right = block?.right ?? lineRight;
    let previous: Placed | undefined;
    for (const line of lines) {
      let gapBefore = 0;
      if (previous && line.top - previous.top > 0.5) {
        const expected = lineHeight * (line.size / bodySize);
        const extra = (line.top - previous.top - expected) / lineHeight;
        gapBefore = Math.max(0, Math.round(extra + (0.5 - GAP_THRESHOLD)));
      }
      const centre = (line.left + line.right) / 2;
      const centred =
        line.left > left + line.size &&
        line.right < right - line.size &&
        Math.abs(centre - (left + right) / 2) <= Math.max(3, 0.3 * line.size);
      const spans: SourceSpan[] = line.spans.map((s) => ({
        text: s.text,
        ...(s.italic ? { italic: true } : {}),
        ...(s.superscript ? { superscript: true } : {}),
      }));
      out.push({
        text: spans.map((s) => s.text).join(''),
        spans,
        page: page.number,
        gapBefore,
        indent: Math.round((line.left - left) * 100) / 100,
        top: Math.round(line.top * 100) / 100,
        pageHeight: page.height,
        fontSize: line.size,
        ...(centred ? { centred: true } : {}),
        ...(line.bold ? { bold: true } : {}),
      });
      previous = line;
    }
  });
  return out;
}

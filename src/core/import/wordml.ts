/**
 * Reads WordprocessingML (ECMA-376 Part 1, section 17) into paragraphs of runs: the text, italics,
 * tabs and footnote references the recognizer needs, the paragraph's style and list numbering.
 *
 * Tracked changes are resolved as the user asks: `accept` reads the document as it would be with all
 * changes accepted (w:ins kept, w:del dropped), `reject` as with all rejected — so an export with
 * tracked changes reads back as the draft or as its base. `tracked` keeps both, each run of inserted
 * or deleted text marked with its change and author (what a delegation proposes, ./tracked.ts).
 */
import { xmlEvents } from './xml.ts';

/** The main part of a .docx: its body. */
export const DOCUMENT_PART = 'word/document.xml';

export const REVISION_VIEWS = ['accept', 'reject'] as const;
export type RevisionView = (typeof REVISION_VIEWS)[number];

/** All changes kept and marked, for reading who proposed what (./tracked.ts). */
export type ReadView = RevisionView | 'tracked';

/** A tracked change as Word records it: w:ins or w:del (moves count as such), by its author. */
export interface TrackedChange {
  readonly type: 'insert' | 'delete';
  /** w:author; "" when the file names none. */
  readonly author: string;
  /** w:date, as written (ISO 8601); absent when the file gives none. */
  readonly date?: string;
}

export type WordRun =
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly italic: boolean;
      readonly bold: boolean;
      /** In the `tracked` view: the change this text belongs to. */
      readonly change?: TrackedChange;
    }
  | { readonly kind: 'tab' }
  | { readonly kind: 'note'; readonly id: string };

export interface WordParagraph {
  readonly style?: string;
  /** The list label Word would print for an automatically numbered paragraph ("1.", "(a)"). */
  readonly label?: string;
  readonly runs: readonly WordRun[];
  readonly inTable: boolean;
  /** In the `tracked` view: the paragraph's break itself was inserted or deleted. */
  readonly markChange?: TrackedChange;
}

interface MutableParagraph {
  style?: string;
  numId?: string;
  ilvl?: number;
  runs: WordRun[];
  inTable: boolean;
  markInserted: boolean;
  markDeleted: boolean;
  markChange?: TrackedChange;
}

const OFF = new Set(['0', 'false', 'off', 'none']);

/** Elements whose content is never body text: textboxes (read twice otherwise), field codes, old properties. */
const SKIP = new Set([
  'w:txbxContent',
  'mc:Fallback',
  'w:instrText',
  'w:delInstrText',
  'w:pPrChange',
  'w:rPrChange',
  'w:sectPr',
  'w:tblPr',
  'w:tcPr',
  'w:trPr',
  'w:footnotePr',
  'w:endnotePr',
]);

interface ReadState {
  paragraphs: MutableParagraph[];
  current?: MutableParagraph;
  run?: { italic: boolean; bold: boolean };
  /** In the `tracked` view: the changes open around the text, innermost last. */
  changes: { readonly name: string; readonly change: TrackedChange }[];
}

function trackedChange(name: string, attrs: Readonly<Record<string, string>>): TrackedChange {
  const date = attrs['w:date'];
  return {
    type: name === 'w:ins' || name === 'w:moveTo' ? 'insert' : 'delete',
    author: attrs['w:author'] ?? '',
    ...(date ? { date } : {}),
  };
}

/**
 * Reads the paragraphs under `container` (w:body, or each w:footnote) in order. Calls `onContainer`
 * with the container's attributes when one opens, so footnotes can be told apart.
 */
function readParagraphs(
  xml: string,
  view: ReadView,
  container: string,
  onParagraphs: (attrs: Readonly<Record<string, string>>, paragraphs: MutableParagraph[]) => void,
): void {
  let skipDepth = 0;
  let revisionSkip = 0;
  let inContainer = 0;
  let containerAttrs: Readonly<Record<string, string>> = {};
  let state: ReadState = { paragraphs: [], changes: [] };
  let tableDepth = 0;
  let inPPr = 0;
  let inRPr = 0;
  let inText = false;
  for (const ev of xmlEvents(xml)) {
    if (ev.type === 'open') {
      if (skipDepth > 0 || revisionSkip > 0) {
        if (skipDepth > 0) skipDepth++;
        else revisionSkip++;
        continue;
      }
      if (SKIP.has(ev.name)) {
        skipDepth = 1;
        continue;
      }
      if (ev.name === container) {
        inContainer++;
        containerAttrs = ev.attrs;
        state = { paragraphs: [], changes: [] };
        continue;
      }
      if (inContainer === 0) continue;
      switch (ev.name) {
        case 'w:tbl':
          tableDepth++;
          break;
        case 'w:p':
          state.current = { runs: [], inTable: tableDepth > 0, markInserted: false, markDeleted: false };
          break;
        case 'w:pPr':
          inPPr++;
          break;
        case 'w:rPr':
          inRPr++;
          break;
        case 'w:pStyle':
          if (inPPr && state.current) state.current.style = ev.attrs['w:val'];
          break;
        case 'w:numId':
          if (inPPr && state.current) state.current.numId = ev.attrs['w:val'];
          break;
        case 'w:ilvl':
          if (inPPr && state.current) state.current.ilvl = Number(ev.attrs['w:val'] ?? 0);
          break;
        case 'w:ins':
        case 'w:moveTo':
        case 'w:del':
        case 'w:moveFrom': {
          const inserted = ev.name === 'w:ins' || ev.name === 'w:moveTo';
          if (inRPr > 0) {
            // A mark on the paragraph mark (w:pPr/w:rPr) says the paragraph break itself changed.
            if (inPPr > 0 && state.current) {
              if (inserted) state.current.markInserted = true;
              else state.current.markDeleted = true;
              state.current.markChange = trackedChange(ev.name, ev.attrs);
            }
          } else if (view === 'tracked') {
            if (!ev.selfClosing)
              state.changes.push({ name: ev.name, change: trackedChange(ev.name, ev.attrs) });
          } else if ((inserted && view === 'reject') || (!inserted && view === 'accept')) {
            if (!ev.selfClosing) revisionSkip = 1;
          }
          break;
        }
        case 'w:r':
          state.run = { italic: false, bold: false };
          break;
        case 'w:i':
          if (inRPr && !inPPr && state.run) state.run.italic = !OFF.has(ev.attrs['w:val'] ?? '');
          break;
        case 'w:b':
          if (inRPr && !inPPr && state.run) state.run.bold = !OFF.has(ev.attrs['w:val'] ?? '');
          break;
        case 'w:t':
        case 'w:delText':
          inText = true;
          break;
        case 'w:tab':
          // w:tab inside w:pPr/w:tabs is a tab stop, not a tab character.
          if (!inPPr && state.current && state.run) state.current.runs.push({ kind: 'tab' });
          break;
        case 'w:br':
        case 'w:cr':
          if (!inPPr && state.current && state.run) pushText(state, ' ');
          break;
        case 'w:noBreakHyphen':
          if (state.current && state.run) pushText(state, '-');
          break;
        case 'w:footnoteReference':
          if (state.current && ev.attrs['w:id'] !== undefined)
            state.current.runs.push({ kind: 'note', id: ev.attrs['w:id'] });
          break;
        default:
          break;
      }
    } else if (ev.type === 'close') {
      if (skipDepth > 0) {
        skipDepth--;
        continue;
      }
      if (revisionSkip > 0) {
        revisionSkip--;
        continue;
      }
      if (ev.name === container && inContainer > 0) {
        inContainer--;
        onParagraphs(containerAttrs, state.paragraphs);
        continue;
      }
      switch (ev.name) {
        case 'w:tbl':
          tableDepth = Math.max(0, tableDepth - 1);
          break;
        case 'w:ins':
        case 'w:moveTo':
        case 'w:del':
        case 'w:moveFrom':
          if (inRPr === 0 && state.changes[state.changes.length - 1]?.name === ev.name) state.changes.pop();
          break;
        case 'w:p':
          if (state.current) state.paragraphs.push(state.current);
          state.current = undefined;
          break;
        case 'w:pPr':
          inPPr = Math.max(0, inPPr - 1);
          break;
        case 'w:rPr':
          inRPr = Math.max(0, inRPr - 1);
          break;
        case 'w:r':
          state.run = undefined;
          break;
        case 'w:t':
        case 'w:delText':
          inText = false;
          break;
        default:
          break;
      }
    } else if (inText && skipDepth === 0 && revisionSkip === 0 && state.current && state.run) {
      pushText(state, ev.text);
    }
  }
  // A part cut short (malformed or truncated XML): what was read so far still counts.
  if (inContainer > 0) {
    if (state.current) state.paragraphs.push(state.current);
    onParagraphs(containerAttrs, state.paragraphs);
  }
}

function pushText(state: ReadState, text: string): void {
  const p = state.current;
  const run = state.run;
  if (!p || !run || text === '') return;
  const open = state.changes;
  const change = open[open.length - 1]?.change;
  // Text inserted by one author and deleted by another is in neither the base nor the result.
  if (change?.type === 'delete' && open.some((c) => c.change.type === 'insert')) return;
  const last = p.runs[p.runs.length - 1];
  if (
    last &&
    last.kind === 'text' &&
    last.italic === run.italic &&
    last.bold === run.bold &&
    last.change === change
  )
    p.runs[p.runs.length - 1] = { ...last, text: last.text + text };
  else p.runs.push({ kind: 'text', text, italic: run.italic, bold: run.bold, ...(change ? { change } : {}) });
}

/**
 * Joins a paragraph whose break was removed (deleted when accepting, inserted when rejecting) with
 * the next: Word merges them, and the merged paragraph keeps the next paragraph's properties.
 */
function mergeBreaks(paragraphs: readonly MutableParagraph[], view: ReadView): MutableParagraph[] {
  // The tracked view keeps every paragraph, its changed break marked.
  if (view === 'tracked') return [...paragraphs];
  const out: MutableParagraph[] = [];
  let carry: WordRun[] = [];
  for (const p of paragraphs) {
    const gone = view === 'accept' ? p.markDeleted : p.markInserted;
    const runs = [...carry, ...p.runs];
    if (gone) {
      carry = runs;
      continue;
    }
    carry = [];
    out.push({ ...p, runs });
  }
  if (carry.length) out.push({ runs: carry, inTable: false, markInserted: false, markDeleted: false });
  return out;
}

/** List definitions of numbering.xml: what label each numbered paragraph gets. */
export interface Numbering {
  label(numId: string, ilvl: number): string | undefined;
}

interface Level {
  start: number;
  format: string;
  text: string;
}

const ROMAN: readonly [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
    case 'upperLetter': {
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      let rest = n;
      let out = '';
      for (const [value, digits] of ROMAN)
        while (rest >= value) {
          out += digits;
          rest -= value;
        }
      return format === 'upperRoman' ? out.toUpperCase() : out;
    }
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

export function readNumbering(xml: string | undefined): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, string>();
  let abstractId: string | undefined;
  let numId: string | undefined;
  let level: { ilvl: number; value: Level } | undefined;
  for (const ev of xmlEvents(xml ?? '')) {
    if (ev.type === 'open') {
      const val = ev.attrs['w:val'] ?? '';
      if (ev.name === 'w:abstractNum') {
        abstractId = ev.attrs['w:abstractNumId'];
        if (abstractId !== undefined) abstracts.set(abstractId, new Map());
      } else if (ev.name === 'w:lvl' && abstractId !== undefined) {
        level = { ilvl: Number(ev.attrs['w:ilvl'] ?? 0), value: { start: 1, format: 'decimal', text: '' } };
      } else if (level && ev.name === 'w:start') level.value.start = Number(val) || 0;
      else if (level && ev.name === 'w:numFmt') level.value.format = val;
      else if (level && ev.name === 'w:lvlText') level.value.text = val;
      else if (ev.name === 'w:num') numId = ev.attrs['w:numId'];
      else if (ev.name === 'w:abstractNumId' && numId !== undefined) nums.set(numId, val);
    } else if (ev.type === 'close') {
      if (ev.name === 'w:lvl' && level && abstractId !== undefined) {
        abstracts.get(abstractId)?.set(level.ilvl, level.value);
        level = undefined;
      } else if (ev.name === 'w:abstractNum') abstractId = undefined;
      else if (ev.name === 'w:num') numId = undefined;
    }
  }
  const counters = new Map<string, number[]>();
  return {
    label(id, ilvl) {
      const levels = abstracts.get(nums.get(id) ?? '');
      const def = levels?.get(ilvl);
      if (!levels || !def || def.format === 'bullet' || def.format === 'none') return undefined;
      const abstract = nums.get(id) ?? '';
      const count = counters.get(abstract) ?? [];
      for (let l = 0; l <= ilvl; l++) if (count[l] === undefined) count[l] = (levels.get(l)?.start ?? 1) - 1;
      count[ilvl] = (count[ilvl] ?? 0) + 1;
      count.length = ilvl + 1; // deeper levels start again
      counters.set(abstract, count);
      return def.text.replace(/%(\d)/g, (_m, d: string) => {
        const l = Number(d) - 1;
        return formatNumber(count[l] ?? 1, levels.get(l)?.format ?? 'decimal');
      });
    },
  };
}

/** Paragraph styles' numbering (a "List Number" style carries its own w:numPr), following w:basedOn. */
export function readStyleNumbering(xml: string | undefined): Map<string, { numId: string; ilvl: number }> {
  const own = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  let id: string | undefined;
  for (const ev of xmlEvents(xml ?? '')) {
    if (ev.type === 'open') {
      if (ev.name === 'w:style') {
        id = ev.attrs['w:type'] === 'paragraph' ? ev.attrs['w:styleId'] : undefined;
        if (id !== undefined) own.set(id, {});
      } else if (id !== undefined) {
        const entry = own.get(id);
        if (!entry) continue;
        if (ev.name === 'w:basedOn') entry.basedOn = ev.attrs['w:val'];
        else if (ev.name === 'w:numId') entry.numId = ev.attrs['w:val'];
        else if (ev.name === 'w:ilvl') entry.ilvl = Number(ev.attrs['w:val'] ?? 0);
      }
    } else if (ev.type === 'close' && ev.name === 'w:style') id = undefined;
  }
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const styleId of own.keys()) {
    let at: string | undefined = styleId;
    for (let hops = 0; at !== undefined && hops < 20; hops++) {
      const entry = own.get(at);
      if (entry?.numId !== undefined) {
        if (entry.numId !== '0') out.set(styleId, { numId: entry.numId, ilvl: entry.ilvl ?? 0 });
        break;
      }
      at = entry?.basedOn;
    }
  }
  return out;
}

export function readBody(
  xml: string,
  view: ReadView,
  numbering: Numbering = readNumbering(undefined),
  styleNumbering: ReadonlyMap<string, { numId: string; ilvl: number }> = new Map(),
): WordParagraph[] {
  let body: MutableParagraph[] = [];
  readParagraphs(xml, view, 'w:body', (_attrs, paragraphs) => (body = paragraphs));
  return mergeBreaks(body, view).map((p) => {
    const fromStyle = p.style !== undefined ? styleNumbering.get(p.style) : undefined;
    const numId = p.numId ?? fromStyle?.numId;
    const ilvl = p.ilvl ?? fromStyle?.ilvl ?? 0;
    const label = numId !== undefined && numId !== '0' ? numbering.label(numId, ilvl) : undefined;
    return {
      ...(p.style !== undefined ? { style: p.style } : {}),
      ...(label ? { label } : {}),
      runs: p.runs,
      inTable: p.inTable,
      ...(p.markChange && view === 'tracked' ? { markChange: p.markChange } : {}),
    };
  });
}

/** Footnote texts by w:id (separators and continuation notices left out); paragraphs joined by a space. */
export function readFootnotes(xml: string | undefined, view: ReadView): Map<string, WordRun[]> {
  const notes = new Map<string, WordRun[]>();
  if (!xml) return notes;
  readParagraphs(xml, view, 'w:footnote', (attrs, paragraphs) => {
    const id = attrs['w:id'];
    if (id === undefined || (attrs['w:type'] !== undefined && attrs['w:type'] !== 'normal')) return;
    const runs: WordRun[] = [];
    mergeBreaks(paragraphs, view).forEach((p, k) => {
      if (k > 0) runs.push({ kind: 'text', text: ' ', italic: false, bold: false });
      runs.push(...p.runs);
    });
    notes.set(id, runs);
  });
  return notes;
}

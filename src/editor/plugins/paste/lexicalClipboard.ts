/**
 * Lexical's own clipboard format (`application/x-lexical-editor`), read as untrusted input. A copy
 * inside the editor writes it, but so can any page or program that puts that type on the clipboard,
 * and Lexical's own paste would build whatever nodes it names: inline `style` (background images,
 * sizes) reached the page, and an unknown node type threw (issue 11). Here the JSON is read without
 * recursion, each node kept only when its type is one this editor registers, with only the fields
 * the drafting editor uses; a node of another type gives its text. No Lexical here: plain data in,
 * plain data out, tested as such.
 */

/** A serialized node as this editor writes it: `type`, `version`, its own fields, maybe `children`. */
export interface ClipboardNode {
  readonly type: string;
  readonly version: number;
  readonly children?: readonly ClipboardNode[];
  readonly [field: string]: unknown;
}

export interface ClipboardRead {
  readonly nodes: readonly ClipboardNode[];
  /** Nodes of types this editor does not know, kept as their text. */
  readonly unknown: number;
}

/** Deeper than this, a clipboard is not a copy of a resolution (a block holds inline nodes, a reference holds text). */
export const CLIPBOARD_MAX_DEPTH = 16;

/** Text formats kept: bold 1, italic 2, underline 8 ... only italic means anything in a resolution. */
const ITALIC = 2;

/**
 * Fields a node may carry over, by type; everything else (style, indent, direction, textStyle, any
 * key a foreign writer added) is dropped. Types not listed keep only type, version and children.
 */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  text: ['text', 'format', 'detail', 'mode'],
  'res-opener': ['text', 'format', 'detail', 'mode'],
  'res-placeholder': ['text', 'format', 'detail', 'mode'],
  'res-footnote-ref': ['footnoteId'],
  'res-footnote': ['footnoteId', 'printedNumber', 'resolved'],
  'res-reference': ['refKind', 'refId'],
  'res-sub': ['level'],
  'res-section-heading': ['number', 'restartsNumbering'],
  'res-annex-heading': ['number'],
};

/** Types whose node holds text in a `text` field. */
const TEXT_TYPES = new Set(['text', 'res-opener', 'res-placeholder']);

/**
 * Reads the clipboard's JSON; null when it is not a Lexical clipboard at all (then the text/plain of
 * the same copy is pasted instead). `known` is the set of node types the editor registers.
 */
export function readLexicalClipboard(json: string, known: ReadonlySet<string>): ClipboardRead | null {
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return null;
  }
  if (
    typeof payload !== 'object' ||
    payload === null ||
    !Array.isArray((payload as { nodes?: unknown }).nodes)
  )
    return null;
  let unknown = 0;

  interface Frame {
    readonly source: readonly unknown[];
    readonly into: ClipboardNode[];
    readonly depth: number;
  }
  const top: ClipboardNode[] = [];
  const stack: Frame[] = [{ source: (payload as { nodes: unknown[] }).nodes, into: top, depth: 0 }];
  while (stack.length > 0) {
    const { source, into, depth } = stack.pop() as Frame;
    for (const raw of source) {
      if (typeof raw !== 'object' || raw === null) continue;
      const record = raw as Record<string, unknown>;
      const type = typeof record.type === 'string' ? record.type : '';
      const children = Array.isArray(record.children) ? (record.children as unknown[]) : undefined;
      if (!known.has(type) || depth >= CLIPBOARD_MAX_DEPTH) {
        unknown += 1;
        const text = textOf(raw);
        if (text !== '') into.push(plainText(text));
        continue;
      }
      const node: Record<string, unknown> & { type: string; version: number } = { type, version: 1 };
      for (const field of FIELDS[type] ?? []) if (Object.hasOwn(record, field)) node[field] = record[field];
      if (TEXT_TYPES.has(type)) {
        node.text = typeof node.text === 'string' ? node.text : '';
        node.format = typeof node.format === 'number' ? node.format & ITALIC : 0;
        node.style = '';
      }
      if (children !== undefined && !TEXT_TYPES.has(type)) {
        const kept: ClipboardNode[] = [];
        node.children = kept;
        stack.push({ source: children, into: kept, depth: depth + 1 });
      }
      into.push(node as ClipboardNode);
    }
  }
  return { nodes: top, unknown };
}

function plainText(text: string): ClipboardNode {
  return { type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' };
}

/** The text a node and its descendants hold, read without recursion. */
function textOf(root: unknown): string {
  const parts: string[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const at = stack.pop();
    if (typeof at !== 'object' || at === null) continue;
    const record = at as Record<string, unknown>;
    if (typeof record.text === 'string') parts.push(record.text);
    if (Array.isArray(record.children))
      for (let i = record.children.length - 1; i >= 0; i--) stack.push(record.children[i]);
  }
  return parts.join('');
}

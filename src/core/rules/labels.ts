/**
 * Printed labels of paragraphs and subparagraphs, read into positions (UN practice:
 * the parts of a resolution and how drafts travel): operative numbers "1", "2", with "5 bis", "5 ter" for paragraphs inserted in negotiation; letters
 * "(a)", "(b)"; roman numerals "(i)", "(ii)". Shared by the two numbering rules.
 */
import { subLabel } from './units.ts';

/** Latin ordinals for inserted paragraphs, in order: "5 bis" follows 5, "5 ter" follows "5 bis". */
export const INSERTION_SUFFIXES = [
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'novies',
  'decies',
] as const;

export const LABEL_STYLES = ['number', 'letter', 'roman'] as const;
export type LabelStyle = (typeof LABEL_STYLES)[number];

/** A label read: its style, its position in that style's sequence, and its insertion step (0 for none). */
export interface ReadLabel {
  readonly style: LabelStyle;
  readonly position: number;
  readonly insertion: number;
}

const NUMBER = /^(\d+)\.?(?:\s*(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?\.?$/i;
const PARENTHESIZED = /^\(?([a-z]+|[ivxlc]+)\)\.?$/;
const ROMAN_VALUES: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanValue(text: string): number | undefined {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN_VALUES[text[i] ?? ''];
    const next = ROMAN_VALUES[text[i + 1] ?? ''] ?? 0;
    if (v === undefined) return undefined;
    total += v < next ? -v : v;
  }
  // Only canonical numerals: "iiii" and "vx" are not labels.
  return subLabel(total, 2) === text ? total : undefined;
}

function letterValue(text: string): number | undefined {
  if (!/^([a-z])\1*$/.test(text)) return undefined;
  return (text.length - 1) * 26 + (text.charCodeAt(0) - 96);
}

/**
 * Reads a label. `prefer` settles "(i)", "(v)", "(x)", which are letters in a lettered list and
 * numerals in a roman one.
 */
export function readLabel(label: string, prefer: LabelStyle = 'letter'): ReadLabel | undefined {
  const text = label.trim();
  const n = NUMBER.exec(text);
  if (n) {
    const suffix = n[2]?.toLowerCase();
    const insertion = suffix === undefined ? 0 : INSERTION_SUFFIXES.indexOf(suffix as never) + 1;
    return { style: 'number', position: Number(n[1]), insertion };
  }
  const p = PARENTHESIZED.exec(text);
  if (!p) return undefined;
  const body = p[1] ?? '';
  const roman = romanValue(body);
  const letter = letterValue(body);
  if (roman !== undefined && (prefer === 'roman' || letter === undefined)) {
    return { style: 'roman', position: roman, insertion: 0 };
  }
  if (letter !== undefined) return { style: 'letter', position: letter, insertion: 0 };
  return undefined;
}

/** The printed label for a position in a style: "3", "5 bis", "(c)", "(iv)". */
export function formatLabel(style: LabelStyle, position: number, insertion = 0): string {
  if (style === 'number') {
    const suffix = insertion > 0 ? ` ${INSERTION_SUFFIXES[insertion - 1] ?? String(insertion)}` : '';
    return `${position}${suffix}`;
  }
  return `(${subLabel(position, style === 'roman' ? 2 : 1)})`;
}

/** Whether `current` may follow `previous` (undefined: the first of the list). */
export function follows(previous: ReadLabel | undefined, current: ReadLabel): boolean {
  if (previous === undefined) return current.position === 1 && current.insertion === 0;
  if (current.insertion === 0) return current.position === previous.position + 1;
  return current.position === previous.position && current.insertion === previous.insertion + 1;
}

export interface Relabel {
  /** Index in the list. */
  readonly index: number;
  readonly label: string;
}

/**
 * Labels that make the list run without gaps from `from` on, keeping inserted paragraphs as inserted
 * ("5 bis" stays an insertion after whatever its predecessor becomes). Unlabelled items count in their
 * place. Only the labels that change are returned.
 */
export function relabel(
  labels: readonly (string | undefined)[],
  style: LabelStyle,
  from: number,
  previous: ReadLabel | undefined,
): Relabel[] {
  const out: Relabel[] = [];
  let prev = previous;
  for (let i = from; i < labels.length; i++) {
    const label = labels[i];
    const read = label === undefined ? undefined : readLabel(label, style);
    const inserted = read !== undefined && read.insertion > 0 && prev !== undefined;
    const next: ReadLabel = inserted
      ? { style, position: prev?.position ?? 1, insertion: (prev?.insertion ?? 0) + 1 }
      : { style, position: (prev?.position ?? 0) + 1, insertion: 0 };
    prev = next;
    if (label === undefined) continue;
    const wanted = formatLabel(style, next.position, next.insertion);
    if (wanted !== label) out.push({ index: i, label: wanted });
  }
  return out;
}

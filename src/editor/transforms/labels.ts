/**
 * Subparagraph labels by level and position (UN practice: subparagraphs): (a), (b) ... then
 * (i), (ii) ... one level down, alternating below that. Written by core/export/labels.ts, the one
 * writer of labels, so the page shows what the text and Word exports print; this only bounds the
 * editor's levels.
 */
import { subparagraphLabel as coreLabel } from '../../core/export/labels.ts';

/** The label of the `n`th subparagraph (from 1) at `level` (1 to 4). */
export function subparagraphLabel(level: number, n: number): string {
  if (!Number.isInteger(level) || level < 1 || level > 4)
    throw new Error(`subparagraphLabel: level must be 1 to 4, got ${level}`);
  return coreLabel(level, n);
}

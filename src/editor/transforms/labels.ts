/**
 * Subparagraph labels by level and position (DRAFTING-RULES.md section 1.5): (a), (b) ... then
 * (i), (ii) ... one level down. Letters and numerals come from core/export/labels.ts; this adds the
 * editor's third and fourth levels.
 */
import { alphabeticLabel, romanLabel } from '../../core/export/labels.ts';

/**
 * The label of the `n`th subparagraph (from 1) at `level` (from 1): (a), (i), then (A), (I) for the
 * third and fourth levels, which the corpus never reaches; upper case keeps them distinct from the
 * first two while keeping the bracketed form.
 */
export function subparagraphLabel(level: number, n: number): string {
  switch (level) {
    case 1:
      return `(${alphabeticLabel(n)})`;
    case 2:
      return `(${romanLabel(n)})`;
    case 3:
      return `(${alphabeticLabel(n).toUpperCase()})`;
    case 4:
      return `(${romanLabel(n).toUpperCase()})`;
    default:
      throw new Error(`subparagraphLabel: level must be 1 to 4, got ${level}`);
  }
}

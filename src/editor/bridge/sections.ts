/**
 * How the operative paragraphs of a section are numbered, said once for the bridge's two directions
 * and for `normalizeForEditor`. The model keeps no flag for it: a section's labels as printed say
 * whether it restarts at 1 (A/RES/78/247, sections I and II) or runs on (A/RES/78/245, section I
 * from 2). In the editor the choice is the SectionHeadingNode's `restartsNumbering`, and the
 * numbers follow position; coming out, every paragraph of a section is labelled with the number it
 * shows, since position alone could not say which numbering the section had.
 */
import type { DocumentKind, Section } from '../../core/model/types.ts';
import { subparagraphLabel } from '../../core/export/labels.ts';

/** The number a printed label stands for: "12" and "12 bis" → 12, "(b)" → 2, "(bb)" → 28; else null. */
export function labelNumber(label: string | undefined): number | null {
  if (label === undefined) return null;
  const digits = /^\s*(\d+)/.exec(label);
  if (digits) return Number(digits[1]);
  const letters = /^\s*\(([a-z])\1*\)\s*$/.exec(label);
  if (letters) {
    const letter = letters[1] ?? 'a';
    const repeats = label.trim().length - 2;
    return (repeats - 1) * 26 + (letter.charCodeAt(0) - 96);
  }
  return null;
}

/** Whether a section of the model restarts its numbering: its first numbered paragraph is 1. */
export function sectionRestarts(section: Section): boolean {
  for (const paragraph of section.operative) {
    const n = labelNumber(paragraph.label);
    if (n !== null) return n === 1;
  }
  return false;
}

/** The label of the `n`th operative paragraph (from 1): "3" in a resolution, "(c)" in a decision. */
export function operativeLabel(kind: DocumentKind, n: number): string {
  return kind === 'decision' ? subparagraphLabel(1, n) : String(n);
}

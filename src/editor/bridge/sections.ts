/**
 * How the operative paragraphs of a section are numbered, said once for the bridge's two directions
 * and for `normalizeForEditor`. The model keeps no flag for it: a section's labels as printed say
 * whether it restarts at 1 (A/RES/78/247, sections I and II) or runs on (A/RES/78/245, section I
 * from 2). In the editor the choice is the SectionHeadingNode's `restartsNumbering`, and the
 * numbers follow position; coming out, every paragraph of a section is labelled with the number it
 * shows, since position alone could not say which numbering the section had.
 */
import type { Section } from '../../core/model/types.ts';
import { labelNumber } from '../../core/export/labels.ts';

/** Whether a section of the model restarts its numbering: its first numbered paragraph is 1. */
export function sectionRestarts(section: Section): boolean {
  for (const paragraph of section.operative) {
    const n = labelNumber(paragraph.label);
    if (n !== null) return n === 1;
  }
  return false;
}

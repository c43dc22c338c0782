/**
 * The checks (core/rules) and compare (core/compare) over documents with the structures of General
 * Assembly texts: sections, preambular subparagraphs, annex headings. They must not throw, whichever
 * way in (read from the Assembly's text, or out of the editor with its labels). What they report is
 * theirs to test; this only guards the export and editor work against taking them down.
 */
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../src/core/compare/compare.ts';
import { lintDocument } from '../../src/core/rules/lint.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { normalizeForEditor } from '../../src/editor/bridge/normalize.ts';
import { gaDocument } from '../helpers/ga.ts';
import { lintContext } from './rules/context.ts';

const NAMES = ['A_RES_78_247', 'A_RES_78_245', 'A_RES_78_253', 'A_RES_78_29', 'A_RES_78_1', 'A_RES_79_258'];

/** The document with section II's first operative paragraph reworded and the first section dropped. */
function edited(doc: ResolutionDocument): ResolutionDocument {
  const sections = doc.sections ?? [];
  return {
    ...doc,
    sections: sections
      .slice(1)
      .map((s, i) =>
        i === 0 && s.operative[0]
          ? { ...s, operative: [{ ...s.operative[0], opener: 'Welcomes' }, ...s.operative.slice(1)] }
          : s,
      ),
    preamble: doc.preamble.map((p) =>
      p.subparagraphs ? { ...p, subparagraphs: p.subparagraphs.slice(1) } : p,
    ),
  };
}

describe('checks and compare on documents with sections, preambular lists and annex headings', () => {
  it.each(NAMES)('lint %s, as read and as the editor gives it back, without throwing', (name) => {
    const doc = gaDocument(name);
    for (const version of [doc, normalizeForEditor(doc), edited(doc)])
      expect(() => lintDocument(version, lintContext())).not.toThrow();
  });

  it.each(NAMES)('compare %s with itself (no change) and with an edited copy, without throwing', (name) => {
    const doc = gaDocument(name);
    const same = compareDocuments(doc, normalizeForEditor(doc));
    expect(same.summary.changed + same.summary.inserted + same.summary.deleted + same.summary.moved).toBe(0);
    expect(() => compareDocuments(doc, edited(doc))).not.toThrow();
    expect(() => compareDocuments(edited(doc), doc, { ignorePunctuation: true })).not.toThrow();
  });
});

/**
 * Checks in a draft with sections and preambular subparagraphs: every diagnostic still lands on the
 * paragraph the rules meant. The rules address a section's paragraphs by the section's position and
 * a preambular paragraph's (a) below it (core/rules/units.ts); the editor's addresses must agree, and
 * never count such an (a) as an operative paragraph nor a section's paragraph as a top-level one.
 */
import { describe, expect, it } from 'vitest';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { lintDocument } from '../../src/core/rules/lint.ts';
import { addressLabel, paragraphUnits } from '../../src/core/rules/units.ts';
import { $exportResolution } from '../../src/editor/bridge/export.ts';
import { $findParagraph, $paragraphEntries, $paragraphText } from '../../src/editor/plugins/checks/locate.ts';
import { op, pre, res, sub } from '../helpers/builders.ts';
import { gaDocument } from '../helpers/ga.ts';
import { lintContext } from '../core/rules/context.ts';
import { createTestEditor, load } from './testEditor.ts';

const DRAFT = res({
  title: 'T',
  formula: 'The General Assembly,',
  preamble: [
    { ...pre('Noting', 'that:'), subparagraphs: [sub('one;'), sub('two,')] },
    pre('Recalling', 'x,'),
  ],
  operative: [op('Requests', 'a report:', [sub('soon;')]), op('Decides', 'to act.')],
  sections: [
    {
      number: 'I',
      heading: 'H',
      preamble: [pre('Welcoming', 'y,')],
      operative: [op('Urges', 'States;', [sub('all;')], '1'), op('Invites', 'donors.', [], '2')],
    },
  ],
});

function entriesAndUnits(doc: ResolutionDocument): { found: string[]; units: string[] } {
  const editor = createTestEditor();
  load(editor, doc);
  const exported = editor.read(() => $exportResolution(doc));
  const found = editor.read(() =>
    $paragraphEntries().map((e) => `${addressLabel(e.address)}: ${$paragraphText(e.node).printed}`),
  );
  const units = paragraphUnits(exported).map((u) => `${addressLabel(u.address)}: ${u.text}`);
  return { found, units };
}

describe('finding a diagnostic in a draft with sections and preambular subparagraphs', () => {
  it('gives every paragraph the address the rules give it', () => {
    const { found, units } = entriesAndUnits(DRAFT);
    expect(found).toEqual(units);
    expect(found).toContain('PP1 (b): two,');
    expect(found).toContain('OP1: Requests a report:');
    expect(found).toContain('OP1 (a): soon;');
    expect(found).toContain('section 1 PP1: Welcoming y,');
    expect(found).toContain('section 1 OP1 (a): all;');
  });

  it('does so on resolutions of the Assembly with sections (A/RES/78/247, 78/253, 78/29)', () => {
    for (const name of ['A_RES_78_247', 'A_RES_78_253', 'A_RES_78_29']) {
      const { found, units } = entriesAndUnits(gaDocument(name));
      expect(found, name).toEqual(units);
    }
  });

  it('finds the node of every diagnostic the checks give such a draft', () => {
    const editor = createTestEditor();
    load(editor, DRAFT);
    const exported = editor.read(() => $exportResolution(DRAFT));
    const diagnostics = lintDocument(exported, lintContext());
    for (const d of diagnostics) {
      if (d.location.paragraph === undefined) continue;
      expect(
        editor.read(() => $findParagraph(d.location)),
        d.message,
      ).not.toBeNull();
    }
  });
});

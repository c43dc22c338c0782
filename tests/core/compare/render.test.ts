import { describe, expect, it } from 'vitest';
import { renderChanges, renderWords } from '../../../src/core/compare/render.ts';
import type { CompareResult, ParagraphChange } from '../../../src/core/compare/types.ts';

const unchanged: ParagraphChange = {
  type: 'unchanged',
  part: 'operative',
  level: 0,
  base: 1,
  draft: 1,
  basePath: [1],
  draftPath: [1],
  baseLabel: 'OP1',
  draftLabel: 'OP1',
  baseText: 'Requests the Secretariat;',
  draftText: 'Requests the Secretariat;',
  similarity: 1,
  words: [{ op: 'equal', text: 'Requests the Secretariat;' }],
};

const result = (changes: ParagraphChange[]): CompareResult => ({
  changes,
  summary: {
    unchanged: 0,
    changed: 0,
    inserted: 0,
    deleted: 0,
    moved: 0,
    strengthening: 0,
    softening: 0,
    footnotes: 0,
    typography: 0,
  },
});

describe('renderWords', () => {
  it('shows unchanged text as one ellipsis and changes trimmed', () => {
    expect(
      renderWords([
        { op: 'delete', text: 'Urges' },
        { op: 'insert', text: 'Encourages' },
        { op: 'equal', text: ' States parties ' },
        { op: 'insert', text: 'also ' },
        { op: 'equal', text: 'to act;' },
      ]),
    ).toBe('<del>Urges</del><ins>Encourages</ins>…<ins>also</ins>…');
  });
});

describe('renderChanges', () => {
  it('leaves unchanged paragraphs out unless asked', () => {
    expect(renderChanges(result([unchanged]))).toBe('');
    expect(renderChanges(result([unchanged]), { unchanged: true })).toBe('unchanged OP1');
  });

  it('names both places of a paragraph that was renumbered or moved', () => {
    const moved: ParagraphChange = {
      ...unchanged,
      type: 'moved',
      draft: 3,
      draftPath: [3],
      draftLabel: 'OP3',
    };
    expect(renderChanges(result([moved]))).toBe('moved OP1→OP3');
  });
});

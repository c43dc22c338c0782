import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../../src/core/compare/compare.ts';
import { readPrintedText } from '../../../src/core/parse/printed.ts';

const text = readFileSync('corpus/ga/A_RES_78_247.txt', 'utf8');
const read = (t: string) => readPrintedText(t).documents[0]!;

describe('compareDocuments on the structures of Assembly texts', () => {
  it('finds a change inside a section of an omnibus resolution and names the paragraph by its section', () => {
    const result = compareDocuments(
      read(text),
      read(text.replace('Notes with appreciation the work', 'Welcomes the work')),
    );
    const changed = result.changes.filter((c) => c.type !== 'unchanged');
    expect(changed.map((c) => [c.type, c.baseLabel])).toEqual([['changed', 'II OP1']]);
    expect(result.summary.changed).toBe(1);
  });

  it('finds a change in the list of a preambular paragraph', () => {
    const doc = read(`78/990. Rural women
The General Assembly,
Noting that women in rural areas face:
(a) Limited access to land;
(b) Limited access to credit,
1.
Calls for action.
`);
    const edited = read(`78/990. Rural women
The General Assembly,
Noting that women in rural areas face:
(a) Limited access to land;
(b) Limited access to finance,
1.
Calls for action.
`);
    const changed = compareDocuments(doc, edited).changes.filter((c) => c.type !== 'unchanged');
    expect(changed.map((c) => [c.type, c.baseLabel])).toEqual([['changed', 'PP1 (b)']]);
  });
});

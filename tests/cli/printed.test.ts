/**
 * The ways a printed resolution comes in — its PDF, text copied from it — read to the same document:
 * the command line compares one with the other and finds nothing but what the text extraction lost.
 */
import { describe, expect, it } from 'vitest';
import { cli, cliJson } from './run.ts';

interface Parsed {
  readonly documents: readonly {
    readonly number?: string;
    readonly metadata: { readonly symbol?: string };
    readonly adoption: {
      readonly date: string;
      readonly meeting: number | null;
      readonly basis: string | null;
    } | null;
    readonly preamble: readonly unknown[];
    readonly operative: readonly unknown[];
    readonly footnotes: readonly unknown[];
  }[];
}

describe('reading a printed resolution on the command line', () => {
  it('parse reads text copied from a PDF with its headers as metadata', async () => {
    const parsed = await cliJson<Parsed>('parse', 'corpus/real/A_RES_79_188.pdftotext.txt');
    const doc = parsed.documents[0];
    expect(doc?.number).toBe('79/188');
    expect(doc?.metadata.symbol).toBe('A/RES/79/188');
    expect(doc?.adoption).toMatchObject({
      date: '2024-12-17',
      meeting: 53,
      basis: '[on the report of the Third Committee (A/79/459, para. 37)]',
    });
    expect([doc?.preamble.length, doc?.operative.length, doc?.footnotes.length]).toEqual([16, 12, 6]);
  });

  for (const symbol of ['A_RES_78_267', 'A_RES_79_188'])
    it(`compare finds no difference between ${symbol}'s PDF and the text copied from it`, async () => {
      const r = await cli('compare', `corpus/real/${symbol}.pdftotext.txt`, `corpus/real/${symbol}.pdf`);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/0 changed, 0 moved, 0 inserted, 0 deleted/);
    });

  it('compare shows only what the text extraction itself lost (a hyphen pdftotext dropped)', async () => {
    const r = await cli('compare', 'corpus/real/A_RES_80_225.pdftotext.txt', 'corpus/real/A_RES_80_225.pdf');
    expect(r.stdout).toMatch(/1 changed, 0 moved, 0 inserted, 0 deleted, 25 unchanged/);
    expect(r.stdout).toContain('[-highlevel-]{+high-level+}');
  });
});

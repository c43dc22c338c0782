/**
 * The export and the import run in the browser as they do in Node (issue 5: "export runs in the
 * browser"): no Buffer, no fs, bytes in a Uint8Array, in real Chromium.
 */
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../../src/core/export/docx/docx.ts';
import { importDocx } from '../../../../src/core/import/docx.ts';
import { lBase, lDraft } from './fixtures.ts';

describe('exportDocx in the browser', () => {
  it('packs a .docx into a Uint8Array that the import reads back', async () => {
    const bytes = await exportDocx(lDraft(), { base: lBase(), date: '2014-10-01T00:00:00Z' });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    const accepted = await importDocx(bytes);
    const rejected = await importDocx(bytes, { revisions: 'reject' });
    expect(accepted.ok && accepted.documents[0]?.preamble.map((p) => p.opener)).toEqual([
      'Recalling',
      'Recalling also',
    ]);
    expect(rejected.ok && rejected.documents[0]?.preamble.map((p) => p.opener)).toEqual(['Recalling']);
  });

  it('makes a Blob a user can download', async () => {
    const bytes = await exportDocx(lDraft());
    const blob = new Blob([bytes as BlobPart], {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(blob.size).toBe(bytes.length);
  });
});

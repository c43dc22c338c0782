/**
 * "Print / Save as PDF" (issue 16): Chromium prints a draft of resolution 6/1 to PDF, as the browser's
 * print does, and the PDF is read back with pdftotext, page by page: A4 pages, the masthead on the
 * first, each footnote on the page where its marker is, and nothing of the editor around the text.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, textbox, waitSaved } from './fixtures.ts';

async function startFrom(page: Page, ref: string): Promise<void> {
  await page.getByRole('button', { name: 'New draft' }).first().click();
  await page.getByRole('button', { name: `Start from the text of ${ref}` }).click();
  await expect(textbox(page)).toBeVisible();
  await waitSaved(page);
}

/** The PDF's text, page by page (pdftotext's form feeds). */
function pagesOf(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((p) => p.trim() !== '');
}

const squeeze = (s: string): string => s.replace(/\s+/g, ' ');

test('prints resolution 6/1 on A4 as the UN does: masthead first, footnotes at the foot of their pages, no editor', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await startFrom(page, 'resolution 6/1');
  // An L symbol gives the draft its masthead.
  const symbol = 'CTOC/COP/2026/L.7';
  await page.getByRole('textbox', { name: 'Symbol' }).fill(symbol);
  await waitSaved(page);
  await expect(page.locator('article.page > .masthead')).toContainText(symbol);
  // The footnote markers as the page shows them, with the paragraph each stands in.
  const markers = await textbox(page)
    .locator('.res-fnref')
    .evaluateAll((refs) =>
      refs.map((r) => ({
        number: r.getAttribute('data-number') ?? '',
        id: r.getAttribute('data-footnote-id') ?? '',
        paragraph: (r.closest('p')?.textContent ?? '').slice(0, 60),
      })),
    );
  expect(markers.length).toBeGreaterThanOrEqual(5);
  const notes = await textbox(page)
    .locator('.res-footnote')
    .evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-footnote-id') ?? '',
        text: (e.textContent ?? '').slice(0, 40),
      })),
    );

  // page.pdf prints as the browser's print does: print media, beforeprint and afterprint.
  const file = testInfo.outputPath('6-1.pdf');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  // The sheets are gone once printed: the editor's page is what is left.
  await expect(page.locator('body > .print-view')).toHaveCount(0);

  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  // A4 is 595 × 842 points (210 × 297 mm).
  expect(info).toMatch(/Page size:\s+59[45](?:\.\d+)? x 84[12](?:\.\d+)? pts/);
  const pages = pagesOf(file).map(squeeze);
  expect(pages.length).toBeGreaterThan(1);

  // The masthead on the first page, before the title; on no other.
  const first = pages[0] ?? '';
  expect(first).toContain('United Nations');
  expect(first).toContain(symbol);
  expect(first.indexOf(symbol)).toBeLessThan(first.indexOf('Ensuring effective implementation'));
  for (const other of pages.slice(1)) expect(other).not.toContain(symbol);

  // Each footnote printed once, on the page whose text has its marker's paragraph.
  for (const marker of markers) {
    const note = notes.find((n) => n.id === marker.id);
    if (!note) throw new Error(`no footnote text for marker ${marker.number}`);
    const words = squeeze(note.text).trim();
    const where = pages.map((p, k) => (p.includes(words) ? k : -1)).filter((k) => k >= 0);
    expect(where, `footnote ${marker.number} ("${words}")`).toHaveLength(1);
    const opening = squeeze(marker.paragraph).slice(0, 30).trim();
    const paragraphPage = pages.findIndex((p) => p.includes(opening));
    expect(paragraphPage, `the paragraph of footnote ${marker.number}`).toBeGreaterThanOrEqual(0);
    // The paragraph may begin at the foot of the page before the one its marker is printed on.
    expect(where[0]! - paragraphPage, `footnote ${marker.number}'s page`).toBeGreaterThanOrEqual(0);
    expect(where[0]! - paragraphPage).toBeLessThanOrEqual(1);
  }

  // Nothing of the editor: no bar, drafts, panels or buttons.
  const all = pages.join(' ');
  for (const chrome of [
    'Resolution Drafter',
    'Import / export',
    'New draft',
    'Saved at',
    'Footnotes Checks',
    'Rename',
  ])
    expect(all).not.toContain(chrome);
});

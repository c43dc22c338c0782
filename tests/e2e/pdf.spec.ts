/**
 * A PDF opened in the app (issue 12, "the PDF itself"): a delegate opens last year's resolution as the
 * UN's document system gives it — corpus/real/A_RES_79_188.pdf — through the file picker, and gets a
 * draft with its structure (formula, preambular and operative paragraphs, openers, footnotes, as
 * expected.json counts them by hand) whose base is that PDF. pdf.js is fetched only then, in a worker
 * of its own; a PDF that cannot be read gives a clear message and leaves the drafts alone (that the
 * message comes within two seconds is the benchmark's figure, bench/hostile.ts).
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { counted, realPath } from '../helpers/counted.ts';
import { imageOnlyPdf, passwordPdf } from '../helpers/pdf-writer.ts';
import { PDF_DEADLINE_MS } from '../../src/ui/word/importer.ts';
import { expect, paragraphs, test, textbox, waitSaved } from './fixtures.ts';

const PDF = realPath('A_RES_79_188.pdf');

const expected = counted('A/RES/79/188');

function draftsList(page: Page) {
  return page.getByRole('list', { name: 'Saved drafts' }).getByRole('listitem');
}

async function startFrom(page: Page, ref: string): Promise<void> {
  await page.getByRole('button', { name: 'New draft' }).first().click();
  await page.getByRole('button', { name: `Start from the text of ${ref}` }).click();
  await expect(textbox(page)).toBeVisible();
  await waitSaved(page);
}

/**
 * Holds the page's clock (installed before the page was opened) while a PDF is read; returns the
 * release. The importer's deadline (PDF_DEADLINE_MS, on the page's clock) is the backstop for a reader
 * that runs too long; on a busy machine the worker's start and pdf.js's compilation alone can outlast
 * it, and a good file would be refused: held, the reader's own answer is what the page shows.
 */
async function holdClock(page: Page): Promise<() => Promise<void>> {
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 60_000);
  return () => page.clock.resume();
}

/** The openers (the italic phrases the editor marks) of the paragraphs of one kind, in order. */
async function openers(page: Page, kind: 'preambular' | 'operative'): Promise<string[]> {
  return textbox(page)
    .locator(`.res-${kind}`)
    .evaluateAll((els) => els.map((el) => el.querySelector('.opener')?.textContent?.trim() ?? ''));
}

test.describe('Opening a PDF', () => {
  test('opens a General Assembly resolution from its PDF as a draft with its structure, based on the PDF', async ({
    page,
  }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.clock.install();
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'New draft' }).first()).toBeVisible();
    // pdf.js is not part of the first screen.
    expect(requested.filter((u) => /pdf/i.test(u))).toEqual([]);

    await page.getByRole('button', { name: 'Import / export' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Import .docx, PDF or Akoma Ntoso…' }).click();
    const release = await holdClock(page);
    await (await chooser).setFiles(PDF);
    await expect(draftsList(page)).toHaveCount(1, { timeout: 30_000 });
    await release();
    await expect(page.locator('.topbar__draft')).toHaveText('A_RES_79_188');
    // Read in a worker of its own with pdf.js in it (CSP: worker-src falls back to script-src 'self').
    expect(requested.some((u) => /\/pdf-worker-[^/]*\.js$/.test(u))).toBe(true);

    const page1 = textbox(page);
    await expect(page1.locator('.res-formula')).toHaveText(expected.formula);
    await expect(page1.locator('.res-preambular')).toHaveCount(expected.preamble);
    await expect(page1.locator('.res-operative')).toHaveCount(expected.operative);
    expect(await openers(page, 'preambular')).toEqual(expected.preambleOpeners);
    expect(await openers(page, 'operative')).toEqual(expected.operativeOpeners);
    await expect(page1.locator('.res-footnote')).toHaveCount(expected.footnotes);
    const texts = await paragraphs(page);
    expect(texts.some((t) => /A\/RES\/79\/188|24-24141|\*2424141\*/.test(t))).toBe(false);

    // The base is the PDF: the Word export offers tracked changes against it.
    await waitSaved(page);
    await page.getByRole('button', { name: 'Import / export' }).click();
    await page.getByRole('menuitem', { name: 'Export .docx…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export as Word (.docx)' });
    await expect(dialog.getByRole('checkbox', { name: 'Tracked changes against the base' })).toBeChecked();
    await expect(dialog).toContainText('Base: the file “A_RES_79_188.pdf”.');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // And compare starts from it: the draft as imported is the PDF's text, every paragraph unchanged.
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const view = page.getByRole('region', { name: 'Compare' });
    await expect(view.getByLabel('Base').locator('option:checked')).toHaveText(
      'A_RES_79_188.pdf (this draft’s base)',
    );
    await expect(view.getByRole('list', { name: 'Summary' }).locator('[data-kind="unchanged"]')).toHaveText(
      `${expected.preamble + expected.operative} unchanged`,
    );
  });

  const cases = [
    {
      what: 'a password-protected PDF',
      name: 'locked.pdf',
      bytes: () => passwordPdf('secret'),
      message: /locked\.pdf was not imported: it is protected by a password; .*Your drafts are unchanged\./,
    },
    {
      what: 'a scan with no text layer',
      name: 'scan.pdf',
      bytes: () => imageOnlyPdf(),
      message: /scan\.pdf was not imported: it has no text to read: its pages are pictures \(a scan/,
    },
    {
      what: 'a truncated PDF',
      name: 'cut.pdf',
      bytes: () => {
        const whole = readFileSync(PDF);
        return whole.subarray(0, whole.length >> 1);
      },
      message: /cut\.pdf was not imported: the file is incomplete/,
    },
  ];

  for (const c of cases)
    test(`refuses ${c.what} with a clear message and leaves the drafts alone`, async ({ page }, testInfo) => {
      const file = testInfo.outputPath(c.name);
      await writeFile(file, c.bytes());
      await page.clock.install();
      await page.goto('/');
      await startFrom(page, 'resolution 6/1');
      const before = await paragraphs(page);
      const release = await holdClock(page);
      await page.getByTestId('import-docx').setInputFiles(file);
      // A bound for a loaded machine; how soon the message comes is measured by the benchmark.
      await expect(page.getByRole('alert')).toContainText(c.message, { timeout: 30_000 });
      await page.clock.runFor(2 * PDF_DEADLINE_MS);
      await release();
      await expect(draftsList(page)).toHaveCount(1);
      expect(await paragraphs(page)).toEqual(before);
    });
});

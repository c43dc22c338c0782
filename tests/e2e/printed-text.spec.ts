/**
 * A delegate copies the text of a resolution out of its PDF (what a PDF viewer or pdftotext gives:
 * wrapped lines, running heads, job numbers, footnotes at each page's foot) and starts a draft from
 * it. The draft has the resolution's structure, the headers went into its details, and its base is
 * the text as pasted.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { counted, pdftotextOf } from '../helpers/counted.ts';
import { expect, test, textbox, waitSaved } from './fixtures.ts';

async function pasteInto(page: Page, label: string, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const box = page.getByRole('textbox', { name: label });
  await box.focus();
  await page.keyboard.press('Control+V');
  await expect(box).not.toHaveValue('');
}

async function openers(page: Page, kind: 'preambular' | 'operative'): Promise<string[]> {
  return textbox(page)
    .locator(`.res-${kind}`)
    .evaluateAll((els) => els.map((el) => el.querySelector('.opener')?.textContent?.trim() ?? ''));
}

test.describe('starting a draft from text copied from a PDF', () => {
  // 80/225 is the one whose text the reading was not tuned on last: any of the four would do.
  const e = counted('A/RES/80/225');
  const copied = pdftotextOf(e.symbol);

  test('gives a draft with the structure of the resolution, its headers in the details, based on the text', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'New draft' }).first().click();
    await pasteInto(page, 'Text of a resolution or draft', copied);
    await page.getByRole('button', { name: 'Start a draft from this text' }).click();

    const doc = textbox(page);
    await expect(doc).toBeVisible();
    await expect(page.locator('.topbar__draft')).toHaveText(e.symbol);
    await expect(doc.locator('.res-title')).toHaveText(e.title.replace(/^\d+\/\d+\.\s+/, ''));
    await expect(doc.locator('.res-formula')).toHaveText(e.formula);
    await expect(doc.locator('.res-preambular')).toHaveCount(e.preamble);
    await expect(doc.locator('.res-operative')).toHaveCount(e.operative);
    await expect(doc.locator('.res-footnote')).toHaveCount(e.footnotes);
    // Text has no italics: the extent comes from the lexicon, so compare the openers' first words.
    const firstWord = (s: string) => s.split(' ')[0];
    expect((await openers(page, 'preambular')).map(firstWord)).toEqual(e.preambleOpeners.map(firstWord));
    expect((await openers(page, 'operative')).map(firstWord)).toEqual(e.operativeOpeners.map(firstWord));
    // No page furniture and no footnote text inside a paragraph.
    const body = await doc.locator('.res-preambular, .res-operative').allTextContents();
    expect(body.some((t) => /A\/RES\/80\/225|\d{2}-\d{5}|\*\d{7}\*|_{5}/.test(t))).toBe(false);

    // The headers are the draft's details, not paragraphs.
    await page.getByRole('tab', { name: 'Details' }).click();
    await expect(page.getByLabel('Symbol')).toHaveValue(e.symbol);
    // The date as the masthead printed it, and the field's note saying how it will be printed.
    const distributed = /Distr\.: General\s+(\d{1,2} [A-Z][a-z]+ \d{4})/.exec(copied)?.[1];
    expect(distributed).toBeDefined();
    await expect(page.getByText(`Year-month-day; printed as ${distributed}.`)).toBeVisible();

    // The base is the pasted text: the Word export offers tracked changes against it.
    await waitSaved(page);
    await page.getByRole('button', { name: 'Import / export' }).click();
    await page.getByRole('menuitem', { name: 'Export .docx…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export as Word (.docx)' });
    await expect(dialog.getByRole('checkbox', { name: 'Tracked changes against the base' })).toBeChecked();
    await expect(dialog).toContainText(`Base: the file “${e.symbol}”.`);
  });

  test('keeps both annexes of a resolution that prints two, and says where the second went', async ({
    page,
  }) => {
    // 80/239 prints its figures in Annex I and Annex II; a draft has one annex.
    const text = readFileSync('corpus/ga/A_RES_80_239.txt', 'utf8');
    await page.goto('/');
    await page.getByRole('button', { name: 'New draft' }).first().click();
    await pasteInto(page, 'Text of a resolution or draft', text);
    await page.getByRole('button', { name: 'Start a draft from this text' }).click();
    const annex = textbox(page).locator('.res-annex');
    await expect(annex.locator('.res-annex-title')).toContainText('Financing for 2026 of the International');
    await expect(annex).toContainText('Estimated appropriation for 2026');
    await expect(annex.locator('.res-annex-heading').first()).toHaveText('Annex II');
    await expect(annex).toContainText('Total credits reported in the financial performance report for 2024');
    await expect(page.getByRole('status').filter({ hasText: 'Imported A/RES/80/239' })).toContainText(
      'Annex II is kept at the end of the annex, after a heading of its name',
    );
    // Kept over a reload, as stored.
    await waitSaved(page);
    await page.reload();
    await expect(textbox(page).locator('.res-annex .res-annex-heading').first()).toHaveText('Annex II');
  });

  test('says so, and creates nothing, when the text holds no resolution', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'New draft' }).first().click();
    await pasteInto(
      page,
      'Text of a resolution or draft',
      'Dear colleagues,\nplease find the agenda attached.\n',
    );
    await page.getByRole('button', { name: 'Start a draft from this text' }).click();
    await expect(page.getByRole('alert').or(page.getByRole('status'))).toContainText(
      /no resolution or decision/i,
    );
    await expect(page.getByRole('list', { name: 'Saved drafts' }).getByRole('listitem')).toHaveCount(0);
  });
});

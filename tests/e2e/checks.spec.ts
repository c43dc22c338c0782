/**
 * Editorial checks as you type (issue 6): a problem is underlined in the page (a line under its words),
 * listed in the Checks panel with counts by severity, reached from the list with the keyboard and
 * fixed with one action.
 */
import type { Page } from '@playwright/test';
import { underlinedWords } from '../helpers/underlines.ts';
import { caretAtEnd, expect, newDraftFromTemplate, paragraphs, settle, test, textbox } from './fixtures.ts';

/** The words the checks' underlines of a severity stand under, read from the page. */
async function underlined(page: Page, severity: 'error' | 'warning'): Promise<string[]> {
  return page.evaluate(underlinedWords, severity);
}

/** The texts a named highlight covers in the page (none when it is not registered): the chosen problem's. */
async function highlighted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    return h
      ? [...h].map((r) => {
          // Underlines are static ranges (they stay put while typing): read their text through a live one.
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live.toString();
        })
      : [];
  }, name);
}

async function openChecks(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Checks' }).click();
  await expect(page.getByRole('region', { name: 'Editorial checks' })).toBeVisible();
}

/** "3 errors, 1 warning" → { error: 3, warning: 1, info: 0 }. */
async function counts(page: Page): Promise<{ error: number; warning: number; info: number }> {
  const text = (await page.locator('.checks__summary').textContent()) ?? '';
  const count = (noun: string): number => Number(new RegExp(`(\\d+) ${noun}`).exec(text)?.[1] ?? 0);
  return { error: count('error'), warning: count('warning'), info: count('note') };
}

/** A new operative paragraph typed after the last one of the template. */
async function typeLastParagraph(page: Page, text: string): Promise<void> {
  await caretAtEnd(page, textbox(page).locator('.res-operative').last());
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

test.describe('checks as you type', () => {
  test('underlines a non-UN spelling as it is typed, lists it and fixes it with one click', async ({
    page,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-resolution');
    await typeLastParagraph(page, 'Encourages the organisation of regional meetings.');
    // Underlined in place, as a warning.
    await expect.poll(() => underlined(page, 'warning')).toContain('organisation');
    await openChecks(page);
    const item = page.locator('.checks__item', { hasText: '"organisation"' });
    await expect(item).toHaveCount(1);
    await expect(item.locator('.checks__where')).toHaveText('OP4');
    await expect(item).toHaveClass(/checks__item--warning/);
    await item.getByRole('button', { name: /^Fix OP4/ }).click();
    expect((await paragraphs(page)).at(-1)).toBe('4. Encourages the organization of regional meetings.');
    await expect(item).toHaveCount(0);
    await expect.poll(() => underlined(page, 'warning')).not.toContain('organisation');
    // One undo brings the word back, and the problem with it.
    await textbox(page).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await paragraphs(page)).at(-1)).toContain('organisation');
    await expect(page.locator('.checks__item', { hasText: '"organisation"' })).toHaveCount(1);
  });

  test('flags an operative paragraph ending with a comma, fixes it to a semicolon, and the counts follow', async ({
    page,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-resolution');
    await openChecks(page);
    await expect(page.locator('.checks__summary')).toContainText('error');
    const before = await counts(page);
    // A paragraph between OP1 and OP2 ending with a comma.
    await caretAtEnd(page, textbox(page).locator('.res-operative').first());
    await page.keyboard.press('Enter');
    await page.keyboard.type('Encourages States parties to report,');
    await expect.poll(() => counts(page)).toEqual({ ...before, error: before.error + 1 });
    await expect.poll(() => underlined(page, 'error')).toContain(',');
    const item = page.locator('.checks__item', { hasText: 'where a semicolon belongs' });
    await expect(item.locator('.checks__where')).toHaveText('OP2');
    await expect(item.locator('.checks__badge')).toHaveText('Error');
    await item.getByRole('button', { name: /^Fix OP2/ }).click();
    expect((await paragraphs(page)).find((p) => p.startsWith('2.'))).toBe(
      '2. Encourages States parties to report;',
    );
    await expect.poll(() => counts(page)).toEqual(before);
    await expect(item).toHaveCount(0);
  });

  test('moves through the problems with the keyboard and puts the caret on one with Enter', async ({
    page,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-resolution');
    await openChecks(page);
    const items = page.locator('.checks__go');
    await expect.poll(() => items.count()).toBeGreaterThan(2);
    await items.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(2)).toBeFocused();
    await expect(items.nth(2)).toHaveAttribute('aria-current', 'true');
    // The current problem is shown behind its text in the page.
    const where = (await items.nth(2).locator('.checks__where').textContent()) ?? '';
    const current = await highlighted(page, 'res-check-current');
    expect(current).toHaveLength(1);
    await page.keyboard.press('ArrowUp');
    await expect(items.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // The caret is in the page, on the problem's text.
    await expect(textbox(page)).toBeFocused();
    const selection = await page.evaluate(() => {
      const s = window.getSelection();
      const paragraph = s?.anchorNode?.parentElement?.closest('.res-operative, .res-preambular, .res-title');
      return {
        text: s?.toString() ?? '',
        number: paragraph instanceof HTMLElement ? (paragraph.dataset.number ?? '') : '',
      };
    });
    expect(selection.text).toBe(current?.[0]);
    if (where.startsWith('OP')) expect(`OP${selection.number}`).toBe(where);
    // Typing replaces the selected placeholder: the problem leaves the list.
    const before = await items.count();
    await page.keyboard.type('act');
    await expect.poll(() => items.count()).toBe(before - 1);
    // F8 in the page goes on to the next problem.
    await page.keyboard.press('F8');
    await settle(page);
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).not.toBe('');
  });

  test('fixes the problem at the caret with Ctrl+. in the page', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-resolution');
    await typeLastParagraph(page, 'Decides to support the labor of the Office.');
    await expect.poll(() => underlined(page, 'warning')).toContain('labor');
    // The caret into the word, then the fix.
    for (let i = 0; i < 'of the Office.'.length + 3; i++) await page.keyboard.press('ArrowLeft');
    await settle(page);
    await page.keyboard.press('Control+.');
    await expect
      .poll(async () => (await paragraphs(page)).at(-1))
      .toBe('4. Decides to support the labour of the Office.');
  });

  test('switches a rule off for the draft, and it stays off after a reload', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-resolution');
    await typeLastParagraph(page, 'Encourages the organisation of meetings.');
    await openChecks(page);
    await expect(page.locator('.checks__item', { hasText: '"organisation"' })).toHaveCount(1);
    await page.locator('.checks__rules summary').click();
    await page.getByRole('checkbox', { name: 'UN spelling' }).uncheck();
    await expect(page.locator('.checks__item', { hasText: '"organisation"' })).toHaveCount(0);
    await expect(page.locator('.checks__rules summary')).toHaveText('Rules (1 off)');
    await expect.poll(() => underlined(page, 'warning')).not.toContain('organisation');
    await page.reload();
    await expect(textbox(page)).toContainText('organisation');
    await openChecks(page);
    await expect(page.locator('.checks__rules summary')).toHaveText('Rules (1 off)');
    await expect(page.locator('.checks__item', { hasText: '"organisation"' })).toHaveCount(0);
    await page.locator('.checks__rules summary').click();
    await page.getByRole('checkbox', { name: 'UN spelling' }).check();
    await expect(page.locator('.checks__item', { hasText: '"organisation"' })).toHaveCount(1);
  });
});

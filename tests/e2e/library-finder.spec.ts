/**
 * The library in the finder (issue 13): the Assembly's resolutions of sessions 78-80 searched for the
 * paragraph at the caret, with provenance, filters and a paragraph's lineage; the resolution a draft
 * follows named, and compared with. The library is fetched and read in a worker the first time the
 * Precedents panel opens; the time it took is reported, not asserted (the benchmark measures it).
 */
import type { Locator, Page } from '@playwright/test';
import {
  caretAtEnd,
  expect,
  newDraftFromTemplate,
  settle,
  test,
  textbox,
  write,
  writeNewOperative,
} from './fixtures.ts';

/** A recurring resolution: A/RES/78/17, 79/16 and 80/17 carry this title. */
const TITLE = 'Establishment of a nuclear-weapon-free zone in the region of the Middle East';

function panel(page: Page): Locator {
  return page.getByRole('region', { name: 'Precedents' });
}

function results(page: Page): Locator {
  return panel(page).locator('.precedents__item');
}

async function openPrecedents(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Precedents' }).click();
  await expect(panel(page).locator('.precedents__library')).toContainText(/Library: [\d,]+ documents/, {
    timeout: 60_000,
  });
  const loadMs = await panel(page).getAttribute('data-library-load-ms');
  test.info().annotations.push({ type: 'timing', description: `library loaded in ${loadMs} ms (Chromium)` });
}

test.describe('the library in the finder', () => {
  test('finds a precedent across sessions with its provenance, filters by session, and puts it in', async ({
    page,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    await openPrecedents(page);
    await writeNewOperative(
      page,
      'Takes note of resolution GC(70)/RES/16, adopted by the General Conference of the International Atomic Energy Agency',
    );

    // The three versions of the paragraph, the newest first among equals.
    const first = results(page).first();
    await expect(first).toBeVisible();
    await expect(results(page).filter({ hasText: 'A/RES/80/17, OP3, 1 December 2025' })).toHaveCount(1);
    await expect(results(page).filter({ hasText: 'A/RES/79/16, OP3' })).toHaveCount(1);
    await expect(
      results(page).filter({ hasText: 'A/RES/80/17, OP3' }).locator('.precedents__title'),
    ).toHaveText(TITLE);
    // The word diff against the typed paragraph: the precedent's own session number is underlined.
    await expect(results(page).filter({ hasText: 'A/RES/80/17, OP3' }).locator('ins').first()).toBeVisible();

    await panel(page).getByLabel('Session').selectOption({ label: 'Assembly, session 79' });
    await expect(results(page).first().locator('.precedents__label')).toHaveText(/^A\/RES\/79\//);
    for (const label of await results(page).locator('.precedents__label').allTextContents())
      expect(label).toMatch(/^A\/RES\/79\//);

    const item = results(page).filter({ hasText: 'A/RES/79/16, OP3' });
    await item.getByRole('button', { name: /^Use the wording of A\/RES\/79\/16 OP3 in OP\d+$/ }).click();
    await expect(textbox(page).locator('.res-operative').last()).toContainText(
      'Takes note of resolution GC(68)/RES/14, adopted on 19 September 2024 by the General Conference',
    );
  });

  test('shows how a paragraph evolved, version by version, oldest first', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    await openPrecedents(page);
    await writeNewOperative(
      page,
      'Takes note of resolution GC(69)/RES/15, adopted on 18 September 2025 by the General Conference of the International Atomic Energy Agency',
    );
    const item = results(page).filter({ hasText: 'A/RES/80/17, OP3' });
    await item.getByRole('button', { name: 'Lineage of A/RES/80/17 OP3' }).click();
    const versions = item.getByRole('list', { name: 'Versions of A/RES/80/17 OP3, oldest first' });
    await expect(versions.locator('.precedents__version')).toHaveCount(3);
    await expect(versions.locator('.precedents__version-head')).toHaveText([
      /^A\/RES\/78\/17, OP3, \d+ December 2023/,
      /^A\/RES\/79\/16, OP3, \d+ December 2024/,
      /^A\/RES\/80\/17, OP3, 1 December 2025/,
    ]);
    // Each later version as a word diff against the one before: the IAEA resolution's number moved on.
    const second = versions.locator('.precedents__version').nth(1);
    await expect(second.locator('del').first()).toContainText('67');
    await expect(second.locator('ins').first()).toContainText('68');
  });

  test('names the resolution a draft follows and compares the draft with it', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    const title = textbox(page).locator('.res-title');
    await caretAtEnd(page, title);
    await page.keyboard.press('Shift+Home');
    await write(page, TITLE);
    await settle(page);
    await openPrecedents(page);
    await expect(panel(page).locator('.precedents__follows')).toContainText(
      'This draft follows A/RES/80/17 of 1 December 2025.',
    );
    await panel(page).getByRole('button', { name: 'Compare this draft with A/RES/80/17' }).click();
    const view = page.getByRole('region', { name: 'Compare' });
    await expect(view).toBeVisible();
    await expect(view.getByLabel('Base')).toHaveValue('library:A/RES/80/17');
    // The template's paragraphs against the adopted text: its title is the same, its paragraphs are not.
    await expect(view.getByRole('list', { name: 'Summary' })).toContainText(/deleted/);
    await view.getByRole('button', { name: 'Close' }).click();
  });
});

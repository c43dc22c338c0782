/**
 * Completion knows the library (issue 13, item 4): in an Assembly draft the menu, once the library has
 * loaded (asked for the first time the menu opens), offers the Assembly's resolutions with their dates
 * and titles, the Assembly's openers by its use, and the instruments it cites with their sources.
 * The date of 79/1 is the one corpus/ga/A_RES_79_1.txt prints: "Resolution adopted by the General
 * Assembly on 22 September 2024", "The Pact for the Future".
 */
import { caretAtEnd, expect, newDraftAtEnd, test } from './fixtures.ts';

/** The library loads in a worker on first need; on a busy machine that takes seconds, not the menu. */
const LIBRARY_LOAD = { timeout: 60_000 };

test.describe('completion from the library', () => {
  test('completes "resolution 79/1" in an Assembly draft to its date and title, and writes it', async ({
    page,
  }) => {
    const body = await newDraftAtEnd(page, 'ga-resolution', 'preambular');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Recalling resolution 79/1');
    const listbox = page.getByRole('listbox', { name: 'References' });
    const first = listbox.getByRole('option').first();
    await expect(first).toContainText('its resolution 79/1 of 22 September 2024', LIBRARY_LOAD);
    await expect(first).toContainText('The Pact for the Future');
    await expect(listbox.getByRole('option').nth(1)).toContainText(
      'its resolution 79/1 of 22 September 2024, entitled "The Pact for the Future"',
    );
    await page.keyboard.press('Enter');
    await expect(listbox).toBeHidden();
    await page.keyboard.type(',');
    const paragraph = body.locator('.res-preambular').last();
    await expect(paragraph).toHaveText('Recalling its resolution 79/1 of 22 September 2024,');
    await expect(paragraph.locator('.opener')).toHaveText('Recalling');
  });

  test("ranks an Assembly draft's openers by the Assembly's use, and footnotes an instrument with its Treaty Series source", async ({
    page,
  }) => {
    const body = await newDraftAtEnd(page, 'ga-resolution', 'operative');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Enc');
    const openers = page.getByRole('listbox', { name: 'Operative openers' });
    const encourages = openers.getByRole('option').first();
    await expect(encourages).toContainText(/used 2,\d{3} times by the Assembly · A\/RES\/80\//, LIBRARY_LOAD);
    await expect(encourages).toContainText('Encourages');
    await page.keyboard.press('Escape');
    await expect(openers).toBeHidden();

    await caretAtEnd(page, body.locator('.res-preambular').last());
    await page.keyboard.press('Enter');
    await page.keyboard.type('Recalling the Convention on the Rig');
    const references = page.getByRole('listbox', { name: 'References' });
    const crc = references.getByRole('option').first();
    await expect(crc).toContainText('the Convention on the Rights of the Child');
    await expect(crc).toContainText('Footnote: United Nations, Treaty Series, vol. 1577, No. 27531.');
    await page.keyboard.press('Tab');
    await expect(references).toBeHidden();
    const paragraph = body.locator('.res-preambular').last();
    await expect(paragraph.locator('.res-ref')).toHaveText('Convention on the Rights of the Child');
    await expect(paragraph.locator('sup.res-fnref')).toHaveCount(1);
    const footnote = body.locator('.res-footnote').filter({ hasText: 'vol. 1577' });
    await expect(footnote).toContainText('United Nations, Treaty Series, vol. 1577, No. 27531.');
    await expect(footnote.locator('.res-italic').first()).toHaveText('Treaty Series');
  });
});

/**
 * The agreed-language finder beside the page (issue 4): it follows the caret, lists the closest
 * paragraphs of the corpus with where they come from, a score and a word diff, and puts a precedent's
 * wording in (with its footnotes) or inserts it as a new paragraph. The lookup time the panel measured
 * is reported, not asserted (machines differ).
 */
import type { Locator, Page } from '@playwright/test';
import {
  expect,
  newDraftFromTemplate,
  settle,
  test,
  textbox,
  writeNewOperative,
  waitSaved,
} from './fixtures.ts';

function panel(page: Page): Locator {
  return page.getByRole('region', { name: 'Precedents' });
}

function precedent(page: Page, label: string): Locator {
  return panel(page).locator(`li[data-label="${label}"]`);
}

async function lookupTimes(page: Page): Promise<{ lookup: number; index: number }> {
  const section = panel(page);
  return {
    lookup: Number(await section.getAttribute('data-lookup-ms')),
    index: Number(await section.getAttribute('data-library-load-ms')),
  };
}

/** The Conference's texts only: the library also holds the Assembly's, which share much wording. */
async function conferenceOnly(page: Page): Promise<void> {
  await panel(page).getByLabel('Body').selectOption({ label: 'Conference of the Parties' });
}

test.describe('the precedents panel', () => {
  test('follows the caret, shows 6/1 OP21 with a score and a word diff, and puts its wording in', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-resolution');
    await page.getByRole('tab', { name: 'Precedents' }).click();
    await conferenceOnly(page);
    await writeNewOperative(
      page,
      'Invites Member States and other donors to provide extrabudgetary resources',
    );

    const item = precedent(page, 'resolution 6/1 OP21');
    await expect(item.locator('.precedents__label')).toHaveText('resolution 6/1, OP21, 19 October 2012');
    await expect(item).toBeVisible();
    await expect(panel(page)).toContainText(/Closest agreed language for OP\d+/);
    await expect(item.locator('.precedents__score')).toHaveText(/^\d{1,3}%$/);
    // Only the precedent has the rest of the sentence: underlined.
    await expect(item.locator('ins')).toContainText('in accordance with the rules and procedures');
    const times = await lookupTimes(page);
    testInfo.annotations.push({
      type: 'timing',
      description: `finder lookup ${times.lookup} ms, library load ${times.index} ms (Chromium)`,
    });
    console.log(`finder in Chromium: lookup ${times.lookup} ms, library load ${times.index} ms`);

    const last = textbox(page).locator('.res-operative').last();
    await item.getByRole('button', { name: /^Use the wording of resolution 6\/1 OP21 in OP\d+$/ }).click();
    await expect(last).toHaveText(
      'Invites Member States and other donors to provide extrabudgetary resources in accordance with the rules and procedures of the United Nations.',
    );
    await expect(last.locator('.opener')).toHaveText('Invites');
    // The page has the focus back, with the caret after the words put in.
    await expect(textbox(page)).toBeFocused();
    await page.keyboard.type(' Done');
    await expect(last).toHaveText(/United Nations\. Done$/);
    // One undo takes the wording back out.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect(last).toHaveText(
      'Invites Member States and other donors to provide extrabudgetary resources',
    );
    await waitSaved(page);
  });

  test('inserts 6/3 OP1 as a new paragraph with its Treaty Series footnote', async ({ page }, testInfo) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-resolution');
    await page.getByRole('tab', { name: 'Precedents' }).click();
    const body = textbox(page);
    const footnotes = await body.locator('.res-footnote').count();
    const paragraphs = await body.locator('.res-operative').count();
    await conferenceOnly(page);
    await writeNewOperative(
      page,
      'Urges Member States that have not yet done so to consider ratifying the Protocol against the Smuggling of Migrants',
    );
    const item = precedent(page, 'resolution 6/3 OP1');
    await expect(item).toBeVisible();
    await expect(item).toContainText(
      'Its footnote comes along: United Nations, Treaty Series, vol. 2241, No. 39574.',
    );
    const times = await lookupTimes(page);
    testInfo.annotations.push({ type: 'timing', description: `finder lookup ${times.lookup} ms (Chromium)` });
    console.log(`finder in Chromium: lookup ${times.lookup} ms`);

    await item
      .getByRole('button', { name: /^Insert resolution 6\/3 OP1 as a new paragraph after OP\d+$/ })
      .click();
    await expect(body.locator('.res-operative')).toHaveCount(paragraphs + 2);
    const inserted = body.locator('.res-operative').last();
    await expect(inserted).toHaveText(
      /^Urges Member States that have not yet done so to consider ratifying or acceding to the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime;\d+$/,
    );
    await expect(inserted.locator('sup.res-fnref')).toHaveCount(1);
    await expect(body.locator('.res-footnote')).toHaveCount(footnotes + 1);
    await expect(body.locator('.res-footnote').last()).toHaveText(
      /United Nations, Treaty Series, vol\. 2241, No\. 39574\.$/,
    );
    await expect(body.locator('.res-footnote').last().locator('em, i')).toHaveText('Treaty Series');
    // The typed paragraph is still there, before the inserted one.
    await expect(body.locator('.res-operative').nth(paragraphs)).toHaveText(
      'Urges Member States that have not yet done so to consider ratifying the Protocol against the Smuggling of Migrants',
    );

    // The panel now follows the caret into the new paragraph: the same wording tops the list.
    await expect(precedent(page, 'resolution 6/3 OP1').locator('.precedents__score')).toHaveText('100%');
    // One undo takes the paragraph out with its footnote.
    await textbox(page).focus();
    await page.keyboard.press('Control+z');
    await expect(body.locator('.res-operative')).toHaveCount(paragraphs + 1);
    await expect(body.locator('.res-footnote')).toHaveCount(footnotes);
    await waitSaved(page);
  });

  test('says where it works when the caret is in the title', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-resolution');
    await page.getByRole('tab', { name: 'Precedents' }).click();
    await textbox(page).locator('.res-title').click();
    await settle(page);
    await expect(page.getByRole('tabpanel')).toContainText(
      'Precedents are found for preambular and operative',
    );
  });
});

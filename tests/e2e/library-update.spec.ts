/**
 * Updating last year's resolution (issue 13, item 3): New draft → from the library → A/RES/79/16 →
 * start this session's draft; the Updates panel proposes what every new version updates (the recalling
 * line gains 79/16, the report follows it, the session moves on), each accepted or rejected; the
 * page's text shows what was accepted, keeps what was rejected, and both survive a reload.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, reloadLeaving, settle, test, textbox, waitSaved } from './fixtures.ts';

function updates(page: Page): Locator {
  return page.getByRole('region', { name: 'Updates' });
}

function item(page: Page, label: string): Locator {
  return updates(page)
    .locator('.updates__item')
    .filter({ has: page.locator('.updates__where', { hasText: new RegExp(`^${label}$`) }) });
}

test.describe("this session's draft from last year's resolution", () => {
  test('starts from A/RES/79/16, accepts its updates one by one and all at once, rejects one, and keeps them over a reload', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'New draft' }).first().click();

    // Keyboard first: the symbol typed, the resolution picked with Enter, started with Enter.
    const query = page.getByRole('combobox', { name: /Symbol or words of the title/ });
    await query.fill('79/16');
    const option = page.getByRole('option').filter({ hasText: 'A/RES/79/16' }).first();
    await expect(option).toBeVisible({ timeout: 60_000 });
    await expect(option).toContainText(
      'Establishment of a nuclear-weapon-free zone in the region of the Middle East',
    );
    await expect(option).toContainText('2 December 2024');
    await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await query.press('Enter');
    const start = page.getByRole('button', { name: "Start this session's draft from it" });
    await expect(start).toBeFocused();
    await expect(start).toHaveAccessibleDescription(
      /A\/RES\/79\/16 Establishment of a nuclear-weapon-free zone/,
    );
    await page.keyboard.press('Enter');

    // The draft opens on the text as adopted, with the Updates panel open.
    await expect(textbox(page)).toContainText('78/17 of 4 December 2023 on the establishment');
    await expect(page.getByRole('tab', { name: 'Updates' })).toHaveAttribute('aria-selected', 'true');
    await expect(updates(page)).toContainText('From A/RES/79/16 to the eightieth session');
    await expect(item(page, 'PP1')).toContainText(
      'Recalls the resolution being updated, 79/16 of 2 December 2024',
    );
    await expect(item(page, 'OP11')).toContainText(
      'The report requested is for the new session: eightieth → eighty-first',
    );
    await expect(item(page, 'OP12')).toContainText('The item goes on the agenda of the new session');
    await expect(item(page, 'OP12').locator('del')).toHaveText('eightieth');
    await expect(item(page, 'OP12').locator('ins')).toHaveText('eighty-first');
    // The places to update are highlighted in the page.
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('res-update-pending')?.size ?? 0))
      .toBeGreaterThanOrEqual(5);

    // One accepted: the page says so, and the screen reader hears it.
    await item(page, 'OP12')
      .getByRole('button', { name: /^Accept OP12/ })
      .click();
    await expect(textbox(page)).toContainText('provisional agenda of its eighty-first session');
    await expect(item(page, 'OP12')).toContainText('Accepted');
    await expect(updates(page).getByRole('status')).toHaveText(/Accepted OP12: eightieth → eighty-first/);

    // Accepting is an edit of the draft like any other: undone, the update is offered again; redone, made.
    await textbox(page).locator('.res-title').click();
    await settle(page);
    await page.keyboard.press('ControlOrMeta+z');
    await expect(textbox(page)).toContainText('provisional agenda of its eightieth session');
    await expect(item(page, 'OP12').getByRole('button', { name: /^Accept OP12/ })).toBeVisible();
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(textbox(page)).toContainText('provisional agenda of its eighty-first session');
    await expect(item(page, 'OP12')).toContainText('Accepted');

    // One rejected: its text stays as adopted.
    await item(page, 'OP11')
      .getByRole('button', { name: /^Reject OP11/ })
      .click();
    await expect(updates(page).getByText('Rejected (1)')).toBeVisible();
    // The focus moves on to the next update to review.
    await expect(
      item(page, 'footnote to PP12').getByRole('button', { name: /^Accept footnote/ }),
    ).toBeFocused();
    await expect(textbox(page)).toContainText('General Assembly at its eightieth session a report');

    // The rest at once.
    const all = updates(page).getByRole('button', { name: /^Accept all \(\d+\)$/ });
    await expect(all).toHaveText('Accept all (4)');
    await all.click();
    await expect(textbox(page)).toContainText(
      '77/38 of 7 December 2022, 78/17 of 4 December 2023 and 79/16 of 2 December 2024 on the establishment',
    );
    await expect(textbox(page)).toContainText('on the implementation of resolution 79/16');
    await expect(updates(page)).toContainText('0 to review · 5 accepted · 1 rejected');
    await expect(all).toHaveCount(0);
    await expect(updates(page).locator('.updates__summary')).toBeFocused();
    await waitSaved(page);

    // Reloaded: the text as accepted, the rejection kept.
    await reloadLeaving(page);
    await expect(textbox(page)).toContainText('provisional agenda of its eighty-first session');
    await expect(textbox(page)).toContainText('General Assembly at its eightieth session a report');
    await expect(textbox(page)).toContainText('78/17 of 4 December 2023 and 79/16 of 2 December 2024');
    await page.getByRole('tab', { name: 'Updates' }).click();
    await expect(updates(page)).toContainText('0 to review · 5 accepted · 1 rejected');
    await expect(item(page, 'OP12')).toContainText('Accepted');
    await updates(page).getByText('Rejected (1)').click();
    await expect(item(page, 'OP11')).toContainText('Rejected');
  });

  test('gives the first of its series a recalling line of its own, and the report considered a symbol to fill in (A/RES/79/239)', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'New draft' }).first().click();
    const query = page.getByRole('combobox', { name: /Symbol or words of the title/ });
    await query.fill('artificial intelligence military');
    const option = page.getByRole('option').filter({ hasText: 'A/RES/79/239' });
    await expect(option).toBeVisible({ timeout: 60_000 });
    await option.click();
    await page.getByRole('button', { name: "Start this session's draft from it" }).click();

    await expect(item(page, 'new PP1')).toContainText('Recalling its resolution 79/239 of 24 December 2024,');
    await item(page, 'new PP1')
      .getByRole('button', { name: /^Accept new PP1/ })
      .click();
    const first = textbox(page).locator('.res-preambular').first();
    await expect(first).toHaveText('Recalling its resolution 79/239 of 24 December 2024,');
    await expect(first.locator('.opener')).toHaveText('Recalling');
    await expect(item(page, 'new PP1')).toContainText('Accepted');

    const note = updates(page)
      .locator('.updates__item[data-kind="report"]')
      .filter({ hasText: 'footnote to' })
      .first();
    // "A/[79→80]/[224→‹number›]": the session moves on, the number is to fill in.
    await expect(note.locator('ins')).toHaveText(['80', '‹number›']);
    await note.getByRole('button', { name: /^Accept footnote/ }).click();
    await expect(note).toContainText('Accepted');
    await expect(textbox(page)).toContainText('A/80/‹number›.');
  });
});

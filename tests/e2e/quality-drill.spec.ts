/**
 * The data-loss drill (issue 11): every way text was lost or the page hung, driven in real Chromium.
 * After each, the page is reloaded and every character typed is either stored or offered back.
 *
 * - text over the store's limits: typed (a title), pasted on one line, pasted as too many paragraphs;
 * - Lexical's own clipboard format: select all, copy and paste in the same draft; inline style;
 * - HTML nested 10,000 elements deep;
 * - a draft deleted in another tab while this one types, kept as a new draft or recovered on reload;
 * - the draft's record damaged in the database while typing;
 * - leaving the page with text not yet stored.
 */
import type { Page } from '@playwright/test';
import {
  caretAtEnd,
  expect,
  newDraftAtEnd,
  newDraftFromTemplate,
  reloadLeaving,
  settle,
  test,
  textbox,
  waitSaved,
} from './fixtures.ts';
import { idbGet, idbPut, openDraftId, paste } from './quality-support.ts';

/** Copies the selection through a real ClipboardEvent: what the editor writes for Ctrl+C. */
async function copy(page: Page): Promise<Record<string, string>> {
  return textbox(page).evaluate((root) => {
    const transfer = new DataTransfer();
    root.dispatchEvent(
      new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
    return Object.fromEntries(transfer.types.map((type) => [type, transfer.getData(type)]));
  });
}

/** The stored document of a draft, as JSON text. */
async function storedText(page: Page, id: string): Promise<string> {
  return JSON.stringify(await idbGet(page, 'drafts', id));
}

const notice = (page: Page, text: string | RegExp) => page.locator('.notice').filter({ hasText: text });

test.describe('the data-loss drill', () => {
  test('a title typed past its limit is refused with a message, and everything typed after it is stored', async ({
    page,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    const body = textbox(page);
    const title = body.locator('.res-title');
    await caretAtEnd(page, title);
    const room = 2_000 - (await title.innerText()).length;
    await page.keyboard.insertText('T'.repeat(room));
    const full = await title.innerText();
    expect(full).toHaveLength(2_000);
    await page.keyboard.insertText('x'.repeat(161));
    await expect(
      notice(page, 'That text was not added. The title would be 2,161 characters long'),
    ).toBeVisible();
    expect(await title.innerText(), 'the page shows what the draft holds').toBe(full);
    // Later edits elsewhere save as ever.
    await caretAtEnd(page, body.locator('.res-operative').last());
    await page.keyboard.type(' Wombat clause.');
    await waitSaved(page);
    const id = await openDraftId(page);
    await page.reload();
    await expect(body.locator('.res-operative').last()).toContainText('Wombat clause.');
    expect(await storedText(page, id)).toContain('T'.repeat(room));
    await expect(page.locator('.save-trouble')).toHaveCount(0);
  });

  test('100,000 characters on one line and 2,001 paragraphs are refused before anything is drawn; the draft still saves', async ({
    page,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    const body = textbox(page);
    const before = await body.locator('.res-operative').count();
    await caretAtEnd(page, body.locator('.res-operative').last());
    await paste(page, { 'text/plain': `Requests ${'w'.repeat(100_000)};` });
    await expect(notice(page, 'a paragraph of 100,010 characters')).toBeVisible();
    const many = Array.from({ length: 2_001 }, (_, i) => `${i + 1}. Decides to act on item ${i + 1};`).join(
      '\n',
    );
    await paste(page, { 'text/plain': many });
    await expect(notice(page, 'the operative part would hold')).toBeVisible();
    await expect(body.locator('.res-operative')).toHaveCount(before);
    await page.keyboard.type(' Quokka clause.');
    await waitSaved(page);
    await page.reload();
    await expect(body).toContainText('Quokka clause.');
    await expect(body.locator('.res-operative')).toHaveCount(before);
  });

  test('select all, copy and paste in the same draft gives the same draft: the title and formula stay, the preamble is not doubled', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'New draft' }).first().click();
    await page.getByRole('button', { name: 'Start from the text of resolution 6/1' }).click();
    const body = textbox(page);
    await waitSaved(page);
    const count = async () => ({
      // The text itself: innerText is empty for a block scrolled far off (content-visibility skips it).
      title: await body.locator('.res-title').textContent(),
      formula: await body.locator('.res-formula').textContent(),
      preamble: await body.locator('.res-preambular').count(),
      operative: await body.locator('.res-operative').count(),
    });
    const before = await count();
    await body.locator('.res-preambular').first().click();
    await settle(page);
    await page.keyboard.press('Control+a');
    await settle(page);
    const clipboard = await copy(page);
    expect(Object.keys(clipboard)).toContain('application/x-lexical-editor');
    await paste(page, clipboard);
    await settle(page);
    expect(await count()).toEqual(before);
    await waitSaved(page);
    await page.reload();
    expect(await count()).toEqual(before);
  });

  test("Lexical's clipboard format from elsewhere: no inline style reaches the page, an unknown node gives its text", async ({
    page,
  }) => {
    const body = await newDraftAtEnd(page, 'ga-resolution', 'operative');
    const text = (value: string, style: string) => ({
      type: 'text',
      version: 1,
      text: value,
      format: 0,
      detail: 0,
      mode: 'normal',
      style,
    });
    await paste(page, {
      'application/x-lexical-editor': JSON.stringify({
        namespace: 'elsewhere',
        nodes: [
          text(' gladly', 'background-image: url(http://127.0.0.1:4173/x.png); font-size: 80px'),
          { type: 'mystery-widget', version: 1, children: [text(' and promptly', '')] },
        ],
      }),
      'text/plain': ' gladly and promptly',
    });
    await expect(body.locator('.res-operative').last()).toContainText('gladly and promptly');
    expect(await body.locator('[style*="background"], [style*="font-size"]').count()).toBe(0);
    await expect(notice(page, 'of a kind the editor does not hold')).toBeVisible();
    await waitSaved(page);
    await page.reload();
    await expect(body.locator('.res-operative').last()).toContainText('gladly and promptly');
  });

  test('HTML nested 10,000 elements deep pastes its text without hanging the page', async ({ page }) => {
    const body = await newDraftAtEnd(page, 'ga-resolution', 'operative');
    await paste(page, {
      'text/html': `${'<div><span>'.repeat(5_000)} deeply nested words${'</span></div>'.repeat(5_000)}`,
    });
    await expect(body.locator('.res-operative').last()).toContainText('deeply nested words');
    await page.keyboard.type(' Done.');
    await waitSaved(page);
    await page.reload();
    await expect(body).toContainText('deeply nested words Done.');
  });

  test('a draft deleted in another tab while this one types: the text is kept as a new draft, at once or on the next load', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    await waitSaved(page);
    const body = textbox(page);
    const id = await openDraftId(page);
    const name = (await page.locator('.topbar__draft').innerText()).trim();

    // The other tab deletes it.
    const other = await context.newPage();
    await other.goto('/');
    await expect(textbox(other)).toBeVisible();
    const list = other.getByRole('navigation', { name: 'Drafts' });
    await list.getByRole('button', { name: `Delete ${name}` }).click();
    await other.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(notice(other, 'It can be brought back')).toBeVisible();
    await other.close();

    // This tab types on: the save fails loudly, and the text can be kept.
    await caretAtEnd(page, body.locator('.res-operative').last());
    await page.keyboard.type(' Typed after the deletion.');
    const alert = page.locator('.save-trouble');
    await expect(alert).toContainText('This draft was deleted in another tab');
    await alert.getByRole('button', { name: 'Keep mine as a new draft' }).click();
    await expect(notice(page, 'kept as the new draft')).toBeVisible();
    await expect(page.locator('.topbar__draft')).toContainText('(kept)');
    await expect(body).toContainText('Typed after the deletion.');
    await waitSaved(page);
    const kept = await openDraftId(page);
    expect(kept).not.toBe(id);
    expect(await storedText(page, kept)).toContain('Typed after the deletion.');

    // Deleted again elsewhere, and this time the page is simply reloaded: the journal brings it back.
    const third = await context.newPage();
    await third.goto('/');
    await expect(textbox(third)).toBeVisible();
    const keptName = (await third.locator('.topbar__draft').innerText()).trim();
    await third
      .getByRole('navigation', { name: 'Drafts' })
      .getByRole('button', { name: `Delete ${keptName}` })
      .click();
    await third.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(notice(third, 'It can be brought back')).toBeVisible();
    await third.close();
    await caretAtEnd(page, body.locator('.res-operative').last());
    await page.keyboard.type(' And then some more.');
    await expect(alert).toContainText('This draft was deleted in another tab');
    await reloadLeaving(page);
    await expect(notice(page, 'was kept as')).toBeVisible();
    await notice(page, 'was kept as').getByRole('button', { name: 'Open it' }).click();
    await expect(body).toContainText('Typed after the deletion. And then some more.');
  });

  test("the draft's record damaged in the database while typing: the text is offered back as a copy and stored", async ({
    page,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    await waitSaved(page);
    const body = textbox(page);
    const id = await openDraftId(page);
    const stored = (await idbGet(page, 'drafts', id)) as Record<string, unknown>;
    await idbPut(page, 'drafts', {
      ...stored,
      saveCount: Number(stored.saveCount) + 1,
      document: { title: 42 },
    });
    await caretAtEnd(page, body.locator('.res-operative').last());
    await page.keyboard.type(' Written over a damaged record.');
    const conflict = page.getByRole('alert').filter({ hasText: 'Nothing has been overwritten' });
    await expect(conflict).toBeVisible();
    await conflict.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await expect(notice(page, 'kept as the new draft')).toBeVisible();
    await notice(page, 'kept as the new draft').getByRole('button', { name: 'Open it' }).click();
    await expect(body).toContainText('Written over a damaged record.');
    await waitSaved(page);
    await page.reload();
    await expect(body).toContainText('Written over a damaged record.');
  });

  test('a damaged draft gets its last revision back in its place, and the damaged record stays listed for download', async ({
    page,
  }) => {
    const body = await newDraftAtEnd(page, 'ga-resolution', 'operative');
    await page.keyboard.type(' Kept in Rev.1.');
    await waitSaved(page);
    await page.keyboard.press('Control+Alt+r');
    await expect(notice(page, 'Saved revision')).toBeVisible();
    const id = await openDraftId(page);
    const stored = (await idbGet(page, 'drafts', id)) as Record<string, unknown>;
    await page.goto('about:blank');
    await page.goto('/');
    await expect(body).toBeVisible();
    await idbPut(page, 'drafts', { ...stored, document: { title: ['not', 'text'] } });
    await page.reload();
    const list = page.getByRole('navigation', { name: 'Drafts' });
    const damaged = list.locator('.drafts__item--damaged');
    await expect(damaged).toHaveCount(1);
    await damaged.getByRole('button', { name: 'Restore last revision' }).click();
    await expect(notice(page, 'in place of the damaged draft')).toBeVisible();
    await expect(body).toContainText('Kept in Rev.1.');
    // The damaged record is set aside, raw data intact, still listed.
    await expect(list.locator('.drafts__item--damaged')).toHaveCount(1);
    await expect(list.locator('.drafts__item--damaged')).toContainText('(damaged)');
    await page.reload();
    await expect(body).toContainText('Kept in Rev.1.');
  });

  test('leaving the page with text not yet stored asks first', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    await waitSaved(page);
    await caretAtEnd(page, textbox(page).locator('.res-operative').last());
    // Held back from storing: the database is made to refuse, as a full or broken disk would.
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        if (this.name === 'drafts') throw new DOMException('The disk is broken.', 'UnknownError');
        return put.apply(this, args);
      };
    });
    await page.keyboard.type(' Not stored yet.');
    await expect(page.locator('.save-trouble')).toContainText('could not be stored');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
  });
});

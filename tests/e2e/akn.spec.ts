/**
 * Akoma Ntoso from the app (issue 16): the menu exports the open draft as AKN 3.0 XML, with what was
 * typed into it, and the file imported again makes a draft with the same text; a hostile XML file is
 * refused with its reason and the drafts are left alone.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { caretAtEnd, expect, paragraphs, test, textbox, waitSaved } from './fixtures.ts';

async function startFrom(page: Page, ref: string): Promise<void> {
  await page.getByRole('button', { name: 'New draft' }).first().click();
  await page.getByRole('button', { name: `Start from the text of ${ref}` }).click();
  await expect(textbox(page)).toBeVisible();
  await waitSaved(page);
}

const menu = (page: Page) => page.getByRole('button', { name: 'Import / export' });
const drafts = (page: Page) => page.getByRole('list', { name: 'Saved drafts' }).getByRole('listitem');

async function importFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await menu(page).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Import .docx, PDF or Akoma Ntoso…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/xml', buffer });
}

test.describe('Akoma Ntoso in the app', () => {
  test('exports the draft as Akoma Ntoso with what was typed, imports it again as the same text, and refuses a file that declares entities', async ({
    page,
  }) => {
    await page.goto('/');
    await startFrom(page, 'resolution 6/2');
    // Typed into the page, then exported: the file holds the editor's text, not the corpus'.
    const operative = textbox(page).locator('.res-operative');
    await caretAtEnd(page, operative.nth(1));
    await page.keyboard.type(' Typed before the export.');
    await waitSaved(page);
    const before = await paragraphs(page);
    expect(before.some((t) => t.endsWith('Typed before the export.'))).toBe(true);

    await menu(page).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Export Akoma Ntoso (.xml)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xml$/);
    const xml = readFileSync(await download.path(), 'utf8');
    expect(xml).toMatch(/<akomaNtoso xmlns="http:\/\/docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0"/);
    expect(xml).toContain('<statement name="resolutionDraft"');
    expect(xml).toContain('Typed before the export.</p>');
    await expect(page.getByRole('status').filter({ hasText: 'Akoma Ntoso 3.0' })).toBeVisible();

    await importFile(page, 'Exchanged 6-2.xml', Buffer.from(xml));
    await expect(drafts(page)).toHaveCount(2);
    await expect(page.locator('.topbar__draft')).toHaveText('Exchanged 6-2');
    await expect(operative).toHaveCount(before.filter((t) => /^\d+\. /.test(t)).length);
    expect(await paragraphs(page)).toEqual(before);

    // A file that declares entities is refused with its reason, and the drafts are left alone.
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><mainBody><paragraph eId="p"><content><p>&lol2;</p></content></paragraph></mainBody></statement></akomaNtoso>`;
    await importFile(page, 'laughs.xml', Buffer.from(laughs));
    await expect(page.getByRole('alert')).toContainText(
      'laughs.xml was not imported: it declares a document type (DOCTYPE, line 2)',
    );
    await expect(page.getByRole('alert')).toContainText('Your drafts are unchanged.');
    await expect(drafts(page)).toHaveCount(2);
    expect(await paragraphs(page)).toEqual(before);
  });
});

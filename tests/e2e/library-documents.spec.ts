/**
 * The user's own documents in the library (issue 13, "adding a PDF to the library and finding its
 * paragraph"): a delegate adds the PDF of A/RES/79/188 (held out of the shipped library: corpus/real is
 * the reader's dev set) in the Library dialog, finds one of its operative paragraphs in the Precedents
 * panel under "Your documents", with its provenance, and puts its wording in; the document survives a
 * reload; removed, it is no longer found, and stays removed after a reload. A file with no resolution,
 * dropped on the dialog, gives a sentence and stores nothing (and no draft is made of it).
 */
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import {
  caretAtEnd,
  expect,
  newDraftFromTemplate,
  test,
  textbox,
  writeNewOperative,
  waitSaved,
} from './fixtures.ts';

const PDF = fileURLToPath(new URL('../../corpus/real/A_RES_79_188.pdf', import.meta.url));
const TITLE =
  'Preventing and countering violence against children by organized criminal groups and terrorist groups in the field of crime prevention and criminal justice';
/** The start of A/RES/79/188 OP2, as a delegate would type it. */
const TYPED =
  'Urges Member States, in accordance with fundamental principles of their domestic law, to remove any barrier that children may face';

function dialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Library' });
}

function yourDocuments(page: Page): Locator {
  return dialog(page).getByRole('list', { name: 'Your documents' }).getByRole('listitem');
}

function panel(page: Page): Locator {
  return page.getByRole('region', { name: 'Precedents' });
}

function results(page: Page): Locator {
  return panel(page).locator('.precedents__item');
}

async function openLibrary(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(dialog(page)).toBeVisible();
}

/**
 * Holds the page's clock (installed before the page opened) while a PDF is read, as pdf.spec.ts does:
 * the importer's deadlines are a backstop that a busy machine's slow worker start could trip.
 */
async function holdClock(page: Page): Promise<() => Promise<void>> {
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 60_000);
  return () => page.clock.resume();
}

/**
 * Reloads as a person does (the page may ask first: leave). Not fixtures' reloadLeaving, which watches
 * `performance.timeOrigin`: under the installed clock that does not change. A mark on the window does,
 * and a microtask is not one of the clock's timers.
 */
async function reloadLeaving(page: Page): Promise<void> {
  const leave = (dialog: { type(): string; accept(): Promise<void> }) => {
    if (dialog.type() === 'beforeunload') void dialog.accept();
  };
  page.on('dialog', leave);
  await page.evaluate(() => {
    (window as { beforeReload?: true }).beforeReload = true;
    queueMicrotask(() => location.reload());
  });
  await expect
    .poll(
      () => page.evaluate(() => (window as { beforeReload?: true }).beforeReload !== true).catch(() => false),
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
  await page.waitForLoadState('load');
  page.off('dialog', leave);
}

test.describe('your documents in the library', () => {
  test('adds the PDF of A/RES/79/188, finds its paragraph as yours, keeps it over a reload, and removes it', async ({
    page,
  }) => {
    await page.clock.install();
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    await waitSaved(page);

    await openLibrary(page);
    await expect(dialog(page)).toContainText('None yet.');
    const chooser = page.waitForEvent('filechooser');
    await dialog(page).getByRole('button', { name: 'Add documents…' }).click();
    const release = await holdClock(page);
    await (await chooser).setFiles(PDF);
    await expect(yourDocuments(page)).toHaveCount(1, { timeout: 30_000 });
    await release();
    const item = yourDocuments(page).first();
    await expect(item.locator('.library__name')).toHaveText('A_RES_79_188.pdf');
    await expect(item.locator('.library__title')).toHaveText(TITLE);
    await expect(item.locator('.library__details')).toContainText('A/RES/79/188');
    await expect(item.locator('.library__details')).toContainText('28 paragraphs');
    await expect(dialog(page).locator('.library__message')).toContainText(
      'Added “A_RES_79_188.pdf” to the library (28 paragraphs)',
    );
    await expect(dialog(page)).toContainText(/Library: [\d,]+ documents, [\d,]+ paragraphs \(1 of yours\)/, {
      timeout: 60_000,
    });
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();

    // A reload keeps it: completion knows its openers at once, whether or not the library has loaded
    // in this page yet ("Urges" opens its second paragraph)…
    await reloadLeaving(page);
    await expect(textbox(page)).toBeVisible();
    await caretAtEnd(page, textbox(page).locator('.res-operative').last());
    await page.keyboard.press('Enter');
    await page.keyboard.type('Urg');
    const openers = page.getByRole('listbox', { name: 'Operative openers' });
    await expect(openers.getByRole('option').first()).toContainText('Urges');
    await expect(openers.getByRole('option').first()).toContainText(/and \d+ in your documents/, {
      timeout: 30_000,
    });
    await page.keyboard.press('Escape');
    // … and the library takes it in as it loads, before the first search.
    await page.getByRole('tab', { name: 'Precedents' }).click();
    await expect(panel(page).locator('.precedents__library')).toContainText('(1 of yours)', {
      timeout: 60_000,
    });
    await panel(page).getByLabel('Body').selectOption({ label: 'Your documents' });
    await writeNewOperative(page, TYPED);

    const top = results(page).first();
    await expect(top).toHaveAttribute('data-body', 'user');
    await expect(top.locator('.precedents__label')).toHaveText(
      'A/RES/79/188, OP2, 17 December 2024 (your document)',
    );
    await expect(top.locator('.precedents__title')).toHaveText(TITLE);
    await top.getByRole('button', { name: /^Use the wording of A\/RES\/79\/188 OP2 in OP\d+$/ }).click();
    const last = textbox(page).locator('.res-operative').last();
    await expect(last).toContainText(
      'including the child’s best interests as a primary consideration, and in this regard to ensure that children in contact with the criminal justice system',
    );
    await expect(last.locator('.opener')).toHaveText('Urges');
    await waitSaved(page);

    // Removed from the panel's "Your documents…": the finder no longer finds it among the user's.
    await panel(page).getByRole('button', { name: 'Your documents…' }).click();
    await expect(dialog(page)).toBeVisible();
    await yourDocuments(page)
      .first()
      .getByRole('button', { name: 'Remove A_RES_79_188.pdf from the library' })
      .click();
    await expect(dialog(page).getByRole('button', { name: 'Undo' })).toBeFocused();
    await expect(dialog(page)).toContainText('Removed “A_RES_79_188.pdf” from the library.');
    await expect(yourDocuments(page)).toHaveCount(0);
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await expect(panel(page).locator('.precedents__library')).not.toContainText('of yours');
    await expect(panel(page)).toContainText('No close precedent in the library.');
    await panel(page).getByLabel('Body').selectOption({ label: 'All bodies' });
    await expect(results(page).first()).toBeVisible();
    await expect(panel(page).locator('[data-body="user"]')).toHaveCount(0);

    // Removed for good: a reload does not bring it back.
    await reloadLeaving(page);
    await expect(textbox(page)).toBeVisible();
    await openLibrary(page);
    await expect(dialog(page)).toContainText('None yet.');
    await expect(dialog(page)).toContainText(/Library: [\d,]+ documents, [\d,]+ paragraphs\./, {
      timeout: 60_000,
    });
    await expect(dialog(page)).not.toContainText('of yours');
  });

  test('refuses a text with no resolution dropped on the dialog with a sentence, and stores nothing', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'New draft' }).first()).toBeVisible();
    await openLibrary(page);
    // Dropped on the dialog: the Library takes it, not the window's Word import.
    await dialog(page).evaluate((target) => {
      const data = new DataTransfer();
      data.items.add(
        new File(['Call the mission at ten.\nBring the draft.\n'], 'notes.txt', { type: 'text/plain' }),
      );
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    });
    await expect(dialog(page).locator('.library__message')).toContainText(
      'notes.txt was not added to the library: no resolution or decision was found in it. A resolution has a title, an enacting formula such as “The General Assembly,” and its paragraphs. Nothing was stored.',
    );
    await expect(dialog(page)).toContainText('None yet.');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('list', { name: 'Saved drafts' }).getByRole('listitem')).toHaveCount(0);

    await reloadLeaving(page);
    await openLibrary(page);
    await expect(dialog(page)).toContainText('None yet.');
  });
});

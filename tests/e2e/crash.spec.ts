/**
 * A killed browser: the process gets SIGKILL mid-typing, with no unload event and no chance to finish
 * an IndexedDB write. Reopened on the same profile, the draft must hold all but at most the last second.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { caretAtEnd, expect, newDraftFromTemplate, test, textbox } from './fixtures.ts';
import { idbGet } from './quality-support.ts';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
    headless: true,
  });
}

test('restores the draft after the browser process is killed mid-typing', async ({ baseURL }) => {
  // Two browsers start and one is killed: on a busy 2-core machine that alone can take half a minute.
  test.setTimeout(180_000);
  const profile = mkdtempSync(join(tmpdir(), 'rd-crash-'));
  try {
    const first = await launch(profile);
    const page = first.pages()[0] ?? (await first.newPage());
    await page.goto(baseURL ?? '/');
    await newDraftFromTemplate(page, 'ga-resolution');
    await caretAtEnd(page, textbox(page).locator('.res-operative').last());
    await page.keyboard.press('Enter');
    await page.keyboard.type('Decides to continue its consideration of the question.');
    // The autosave's write committed (the opener is stored apart from the text after it), as it is about
    // a second after the last key on a quiet machine, a fixed second being too short on a busy one; then
    // the process dies without warning.
    const { value: draftId } = (await idbGet(page, 'meta', 'lastOpened')) as { value: string };
    await expect
      .poll(async () => JSON.stringify(await idbGet(page, 'drafts', draftId)), { timeout: 15_000 })
      .toContain('"text":"to continue its consideration of the question."');
    execFileSync('pkill', ['-KILL', '-f', profile]);
    await first.close().catch(() => undefined);

    const second = await launch(profile);
    const again = second.pages()[0] ?? (await second.newPage());
    await again.goto(baseURL ?? '/');
    await expect(textbox(again).locator('.res-operative').last()).toHaveText(
      'Decides to continue its consideration of the question.',
    );
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

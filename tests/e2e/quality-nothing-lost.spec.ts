/**
 * Nothing lost (issue 7): a full disk, damaged records, an old-format draft and two tabs typing at
 * once, each in real Chromium and each asserting the text that survives. Reload mid-typing and a
 * killed browser are drafts.spec.ts and crash.spec.ts.
 */
import type { Page } from '@playwright/test';
import {
  caretAtEnd,
  expect,
  newDraftAtEnd,
  newDraftFromTemplate,
  settle,
  test,
  textbox,
  waitSaved,
} from './fixtures.ts';
import { downloadOf, idbGet, idbKeys, idbPut, noise, openDraftId } from './quality-support.ts';

const ORIGIN = 'http://127.0.0.1:4173';

interface Bundle {
  readonly format: string;
  readonly drafts: readonly {
    readonly id: string;
    readonly name: string;
    readonly document: unknown;
    readonly revisions: readonly { readonly name: string; readonly document: unknown }[];
  }[];
  readonly damaged: readonly { readonly store: string; readonly id: string; readonly raw: unknown }[];
}

test.describe('nothing lost: a full disk', () => {
  // The offline cache (public/sw.js) would share the small quota with the drafts: kept out of this one.
  test.use({ serviceWorkers: 'block' });

  test('a full disk: a visible warning, one click downloads every draft with the text typed since', async ({
    page,
  }) => {
    // Chromium applies a quota override only before the origin's first write: this context is fresh.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: 200 * 1024 });
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    await waitSaved(page);
    const body = textbox(page);
    await caretAtEnd(page, body.locator('.res-operative').last());
    await page.keyboard.press('Enter');
    await page.keyboard.type('Decides to consider the quokka clause at its next session;');
    await waitSaved(page);

    // Paragraphs of text that does not compress, until a save no longer fits: each chunk is either
    // stored (read back from IndexedDB) or refused.
    const id = await openDraftId(page);
    const status = page.locator('.save-status');
    let chunks = 0;
    for (; chunks < 12; chunks++) {
      const chunk = noise(12_000, chunks + 1);
      await page.keyboard.press('Enter');
      await page.keyboard.insertText(`Requests ${chunk};`);
      await expect
        .poll(async () => {
          if ((await status.getAttribute('data-state')) === 'failed') return 'failed';
          const stored = JSON.stringify(await idbGet(page, 'drafts', id));
          return stored.includes(chunk.slice(0, 200)) ? 'stored' : 'waiting';
        })
        .not.toBe('waiting');
      if ((await status.getAttribute('data-state')) === 'failed') break;
    }
    expect(chunks, 'a save failed before 12 chunks of 12 000 characters').toBeLessThan(12);

    // Typed after the disk filled: only the page holds it.
    await page.keyboard.press('Enter');
    await page.keyboard.type('Also decides to keep the wombat amendment;');
    const warning = page.getByRole('alert').filter({ hasText: 'storage for this site is full' });
    await expect(warning).toBeVisible();
    await expect(body).toContainText('the quokka clause');
    await expect(body).toContainText('the wombat amendment');
    await expect(status).toHaveAttribute('data-state', 'failed');

    const file = await downloadOf(page, () =>
      warning.getByRole('button', { name: 'Download all drafts' }).click(),
    );
    expect(file.name).toMatch(/^resolution-drafter-drafts-\d{4}-\d{2}-\d{2}\.json$/);
    const bundle = JSON.parse(file.text) as Bundle;
    expect(bundle.format).toBe('resolution-drafter/bundle');
    expect(bundle.drafts).toHaveLength(1);
    const saved = JSON.stringify(bundle.drafts[0]?.document);
    expect(saved).toContain('the quokka clause');
    expect(saved).toContain('the wombat amendment');
    expect(saved).toContain(noise(12_000, chunks + 1).slice(0, 200));
    // The stored text the unsaved one supersedes travels too, as a revision.
    expect(bundle.drafts[0]?.revisions.map((r) => r.name)).toEqual(['Last stored version']);

    // The page keeps everything while the disk is full, and "Save file" writes the text on screen.
    await expect(body).toContainText('the wombat amendment');
    const single = await downloadOf(page, () => page.getByRole('button', { name: 'Save file' }).click());
    expect(single.text).toContain('the wombat amendment');
  });
});

test.describe('nothing lost', () => {
  test('a damaged draft and a damaged revision: the others open, the damaged are reported, their raw data downloads', async ({
    page,
  }) => {
    const body = await newDraftAtEnd(page, 'ga-resolution', 'operative');
    await page.keyboard.type(' Intact text survives.');
    await waitSaved(page);
    const intactId = await openDraftId(page);
    await page.getByRole('tab', { name: 'Revisions' }).click();
    await page.getByRole('button', { name: 'Save revision' }).click();
    await expect(page.getByRole('list', { name: 'Saved revisions' })).toContainText('Rev.1');

    // A second draft, open when its record is damaged on disk: the app must not reopen it.
    await newDraftFromTemplate(page, 'ecosoc-resolution');
    await waitSaved(page);
    // The new draft is recorded as open once its first save lands; "saved" may still be the last draft's.
    await expect.poll(() => openDraftId(page), { timeout: 15_000 }).not.toBe(intactId);
    const brokenId = await openDraftId(page);
    const stored = (await idbGet(page, 'drafts', brokenId)) as Record<string, unknown>;
    const broken = { ...stored, document: { schemaVersion: 1, title: ['not', 'a', 'string'] } };
    const junk = { id: 'zz-junk', bytes: 'ÿþ\u0000garbage', saveCount: 'many' };
    const badRevision = { id: 'zz-bad-rev', draftId: intactId, name: 'Rev.2', document: null };
    // Leave the page before writing, so no autosave of this tab races the damage.
    await page.goto('about:blank');
    await page.goto('/');
    await expect(body).toBeVisible();
    await idbPut(page, 'drafts', broken);
    await idbPut(page, 'drafts', junk);
    await idbPut(page, 'revisions', badRevision);
    await page.reload();

    // The intact draft opens, with everything typed.
    await expect(body.locator('.res-operative').last()).toContainText('Intact text survives.');
    const list = page.getByRole('navigation', { name: 'Drafts' });
    const damaged = list.locator('.drafts__item--damaged');
    await expect(damaged).toHaveCount(2);
    const brokenItem = damaged.filter({ hasText: String(stored.name) });
    await expect(brokenItem.getByRole('note')).toContainText(
      /Damaged: This stored draft cannot be opened: its document is not valid/,
    );
    const raw = await downloadOf(page, () =>
      brokenItem.getByRole('button', { name: 'Download raw data' }).click(),
    );
    expect(JSON.parse(raw.text)).toEqual(broken);
    const junkItem = damaged.filter({ hasText: 'zz-junk' });
    await expect(junkItem.getByRole('note')).toContainText('Damaged:');
    const rawJunk = await downloadOf(page, () =>
      junkItem.getByRole('button', { name: 'Download raw data' }).click(),
    );
    expect(JSON.parse(rawJunk.text)).toEqual(junk);

    // The damaged revision is listed as damaged; Rev.1 still opens; the bundle carries the raw data.
    await page.getByRole('tab', { name: 'Revisions' }).click();
    const revisions = page.getByRole('list', { name: 'Saved revisions' });
    await expect(revisions).toContainText('Rev.2: damaged');
    await page.getByRole('button', { name: 'Open Rev.1 read-only' }).click();
    await expect(body).toHaveAttribute('aria-readonly', 'true');
    await page.getByRole('button', { name: 'Back to the draft' }).click();
    const all = await downloadOf(page, () => page.getByRole('button', { name: 'Download all' }).click());
    const bundle = JSON.parse(all.text) as Bundle;
    expect(bundle.drafts.map((d) => d.id)).toEqual([intactId]);
    expect(bundle.damaged.map((d) => [d.store, d.id, d.raw]).sort()).toEqual(
      [
        ['drafts', brokenId, broken],
        ['drafts', 'zz-junk', junk],
        ['revisions', 'zz-bad-rev', badRevision],
      ].sort(),
    );

    // The intact draft still edits and saves; the damaged record is never written over.
    await caretAtEnd(page, body.locator('.res-operative').last());
    await page.keyboard.type(' And more.');
    await waitSaved(page);
    expect(await idbGet(page, 'drafts', brokenId)).toEqual(broken);
  });

  test('an old-format draft (schema version 0) opens migrated and is saved back in the current format', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Start a draft' })).toBeVisible();
    // The pre-release shape of src/core/model/migrations.ts: `version`, openers inside the operative
    // text as *italics*, no annex.
    const old = {
      recordVersion: 1,
      id: 'prototype-draft',
      name: 'Prototype draft',
      createdAt: '2012-10-19T10:00:00.000Z',
      updatedAt: '2012-10-19T10:00:00.000Z',
      saveCount: 4,
      document: {
        version: 0,
        kind: 'resolution',
        organ: 'Conference of the Parties',
        formula:
          'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
        title: 'Prototype draft on migrant smuggling',
        metadata: {},
        preamble: [],
        operative: [
          {
            text: '*Requests* the Secretariat to report;',
            subparagraphs: [{ text: 'on trafficking in persons;' }],
          },
          { text: '*Decides* to remain seized of the matter.' },
        ],
        footnotes: [],
      },
    };
    await idbPut(page, 'drafts', old);
    await idbPut(page, 'meta', { key: 'lastOpened', value: old.id });
    await page.reload();

    const body = textbox(page);
    await expect(body.locator('.res-title')).toHaveText('Prototype draft on migrant smuggling');
    await expect(body.locator('.res-operative')).toHaveCount(2);
    await expect(body.locator('.res-operative').first().locator('.opener')).toHaveText('Requests');
    await expect(body.locator('.res-operative').first()).toHaveText('Requests the Secretariat to report;');
    await expect(body.locator('.res-sub')).toHaveText('on trafficking in persons;');
    await expect(body.locator('.res-operative').last().locator('.opener')).toHaveText('Decides');

    // Stored back in the current format, without waiting for an edit.
    await expect
      .poll(async () => {
        const record = (await idbGet(page, 'drafts', old.id)) as { document: Record<string, unknown> };
        return record.document.schemaVersion;
      })
      .toBe(2);
    const record = (await idbGet(page, 'drafts', old.id)) as {
      saveCount: number;
      document: { operative: { opener: string }[]; annex: unknown; version?: unknown };
    };
    expect(record.document).not.toHaveProperty('version');
    expect(record.document.annex).toBeNull();
    expect(record.document.operative.map((p) => p.opener)).toEqual(['Requests', 'Decides']);
    expect(record.saveCount).toBeGreaterThan(old.saveCount);
    expect(await idbKeys(page, 'drafts')).toEqual([old.id]);
  });

  test('two tabs typing into one draft at once: both texts survive, one as a copy', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    await waitSaved(page);
    const other = await context.newPage();
    await other.goto('/');
    await expect(textbox(other)).toBeVisible();

    await caretAtEnd(page, textbox(page).locator('.res-operative').last());
    await caretAtEnd(other, textbox(other).locator('.res-operative').last());
    // Both type at the same time, so each has unsaved text when the other saves.
    await Promise.all([
      page.keyboard.type(' Mine from the first tab.', { delay: 40 }),
      other.keyboard.type(' Theirs from the second tab.', { delay: 40 }),
    ]);
    await settle(page);

    // One tab is told; whichever it is keeps its text as a copy.
    const conflictIn = async (p: Page) =>
      p.getByRole('alert').filter({ hasText: 'changed in another tab' }).count();
    await expect
      .poll(async () => (await conflictIn(page)) + (await conflictIn(other)), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const warned = (await conflictIn(page)) > 0 ? page : other;
    await warned.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await expect(warned.getByRole('status').filter({ hasText: 'kept as the new draft' })).toBeVisible();
    await waitSaved(page);
    await waitSaved(other);
    // Leaving and coming back must not write the warned tab's text over the other tab's.
    await warned.reload();
    await expect(textbox(warned)).toBeVisible();
    await waitSaved(warned);

    // Both texts are stored: every draft, read back from the database.
    const texts = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('resolution-drafter');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('open failed'));
      });
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction('drafts').objectStore('drafts').getAll();
        r.onsuccess = () => resolve(r.result as unknown[]);
        r.onerror = () => reject(r.error ?? new Error('getAll failed'));
      });
      db.close();
      return all.map((d) => JSON.stringify(d));
    });
    expect(texts).toHaveLength(2);
    expect(texts.filter((t) => t.includes('Mine from the first tab.'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Theirs from the second tab.'))).toHaveLength(1);
  });
});

/**
 * A delegate opens an omnibus resolution of the General Assembly — sections I and II, each with its
 * own preamble and its operative paragraphs numbered from 1 (A/RES/78/247) — and a text whose
 * preambular paragraph lists (a) to (e) (A/RES/78/29): every paragraph is on the page, in its place
 * and numbered as printed, after a reload too, and the Word export prints them all in the UN layout.
 * Nothing the reader found is dropped on the way through the editor.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page, TestInfo } from '@playwright/test';
import JSZip from 'jszip';
import { writeFile } from 'node:fs/promises';
import { documentBlocks } from '../../src/core/export/docx/blocks.ts';
import { STYLE } from '../../src/core/export/docx/styles.ts';
import { sectionOperativeLabels, subparagraphLabel } from '../../src/core/export/labels.ts';
import { serializeDocumentFile } from '../../src/core/model/file.ts';
import { inlineText, joinOpener } from '../../src/core/model/inline.ts';
import type {
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Subparagraph,
} from '../../src/core/model/types.ts';
import { readResolutionText } from '../../src/core/parse/printed.ts';
import { normalizeForEditor } from '../../src/editor/bridge/normalize.ts';
import { gaDocument } from '../helpers/ga.ts';
import { paragraphs } from '../core/export/docx/parts.ts';
import { caretAtEnd, expect, reloadLeaving, test, textbox, waitSaved } from './fixtures.ts';

const copied = readFileSync(new URL('../../corpus/ga/A_RES_78_247.txt', import.meta.url), 'utf8');

/** What the page shows, block by block: "§ I | heading", "PP …", "OP 1. …", "(a) …". */
async function shown(page: Page): Promise<string[]> {
  return textbox(page).evaluate((root) => {
    const text = (el: Element): string => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.res-fnref, .res-heading-fields').forEach((n) => n.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    const out: string[] = [];
    const visit = (el: Element): void => {
      if (el.classList.contains('res-section-heading') || el.classList.contains('res-annex-heading')) {
        const number = el.querySelector<HTMLInputElement>('.res-heading-number')?.value ?? '';
        out.push(`§ ${number} | ${text(el)}`);
      } else if (el.classList.contains('res-preambular')) out.push(`PP ${text(el)}`);
      else if (el.classList.contains('res-operative'))
        out.push(`OP ${el.getAttribute('data-number') ?? ''}. ${text(el)}`);
      else if (el.classList.contains('res-sub'))
        out.push(`${el.getAttribute('data-label') ?? ''} ${text(el)}`);
      else if (el.classList.contains('res-annex')) [...el.children].forEach(visit);
    };
    [...root.children].forEach(visit);
    return out;
  });
}

/** The same outline from the model: what the page must show for `doc`. */
function expected(doc: ResolutionDocument): string[] {
  const flat = (s: string): string => s.replace(/\n/g, '').replace(/\s+/g, ' ').trim();
  const line = (opener: string, content: readonly Inline[]): string =>
    flat(joinOpener(opener, inlineText(content)));
  const subs = (list: readonly Subparagraph[], level: number): string[] =>
    list.flatMap((s, k) => [
      `${subparagraphLabel(level, k + 1)} ${flat(inlineText(s.content))}`,
      ...subs(s.subparagraphs, level + 1),
    ]);
  const part = (
    preamble: readonly PreambularParagraph[],
    operative: readonly OperativeParagraph[],
    number: (k: number) => string,
  ): string[] => [
    ...preamble.flatMap((p) => [`PP ${line(p.opener, p.content)}`, ...subs(p.subparagraphs ?? [], 1)]),
    ...operative.flatMap((p, k) => [
      `OP ${number(k)}. ${line(p.opener, p.content)}`,
      ...subs(p.subparagraphs, 1),
    ]),
  ];
  const labels = sectionOperativeLabels(doc);
  const out = part(doc.preamble, doc.operative, (k) => String(k + 1));
  (doc.sections ?? []).forEach((s, i) => {
    out.push(
      `§ ${s.number} | ${flat(s.heading)}`,
      ...part(s.preamble, s.operative, (k) => labels[i]?.[k] ?? ''),
    );
  });
  if (doc.annex) {
    const { items, headings = [] } = doc.annex;
    const headingsAt = (at: (before: number) => boolean): string[] =>
      headings.filter((h) => at(h.before)).map((h) => `§ ${h.number} | ${flat(h.heading)}`);
    items.forEach((item, k) => {
      out.push(...headingsAt((before) => before === k));
      out.push(
        `${subparagraphLabel(1, k + 1)} ${flat(inlineText(item.content))}`,
        ...subs(item.subparagraphs, 2),
      );
    });
    out.push(...headingsAt((before) => before >= items.length));
  }
  return out;
}

async function exportWord(page: Page, tracked: boolean): Promise<Download> {
  await page.getByRole('button', { name: 'Import / export' }).click();
  await page.getByRole('menuitem', { name: 'Export .docx…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export as Word (.docx)' });
  const box = dialog.getByRole('checkbox', { name: 'Tracked changes against the base' });
  if (tracked) await box.check();
  else if (await box.isEnabled()) await box.uncheck();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  await expect(dialog).toBeHidden();
  return download;
}

async function documentXml(download: Download): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

/** The body's paragraphs in the export (the masthead's left out), as "style: text". */
const MASTHEAD = new Set<string>(
  (
    [
      'mastheadUnitedNations',
      'mastheadSymbol',
      'mastheadOrgan',
      'mastheadDistribution',
      'session',
      'agendaItem',
      'agendaTitle',
      'sponsors',
    ] as const
  ).map((key) => STYLE[key].id),
);
function body(xml: string): string[] {
  return paragraphs(xml)
    .filter((p) => !MASTHEAD.has(p.style))
    .map((p) => `${p.style}: ${p.text}`);
}

function blocksOf(doc: ResolutionDocument): string[] {
  return documentBlocks(doc).map(
    (b) =>
      `${STYLE[b.style].id}: ${b.pieces.map((p) => (p.kind === 'text' ? p.text : p.kind === 'tab' ? '\t' : '')).join('')}`,
  );
}

async function openFile(page: Page, testInfo: TestInfo, doc: ResolutionDocument): Promise<void> {
  const path = testInfo.outputPath('omnibus.resolution.json');
  await writeFile(path, serializeDocumentFile(doc));
  await page.getByTestId('open-file').setInputFiles(path);
}

test.describe('an omnibus resolution in the editor', () => {
  test('pasted as copied from its PDF: both sections, each from 1, survive a reload and a tracked Word export', async ({
    page,
  }) => {
    const read = readResolutionText(copied, { name: 'the pasted text' }).documents[0];
    if (!read) throw new Error('the reader found no document');
    expect(read.sections?.map((s) => s.number)).toEqual(['I', 'II']);
    const want = expected(read);

    await page.goto('/');
    await page.getByRole('button', { name: 'New draft' }).first().click();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((t) => navigator.clipboard.writeText(t), copied);
    const box = page.getByRole('textbox', { name: 'Text of a resolution or draft' });
    await box.focus();
    await page.keyboard.press('Control+V');
    await expect(box).not.toHaveValue('');
    await page.getByRole('button', { name: 'Start a draft from this text' }).click();

    const doc = textbox(page);
    await expect(doc.locator('.res-section-heading')).toHaveCount(2);
    expect(await shown(page)).toEqual(want);
    expect(want.filter((l) => l.startsWith('OP ')).map((l) => l.split('.')[0])).toEqual([
      ...Array.from({ length: 10 }, (_, k) => `OP ${k + 1}`),
      'OP 1',
      'OP 2',
    ]);

    // An edit in section II, saved, then the page reloaded: everything is still there.
    const last = doc.locator('.res-operative').last();
    await caretAtEnd(page, last);
    await page.keyboard.type(' Amended in section II.');
    await waitSaved(page);
    await reloadLeaving(page);
    await expect(doc.locator('.res-section-heading')).toHaveCount(2);
    const after = await shown(page);
    expect(after.slice(0, -1)).toEqual(want.slice(0, -1));
    expect(after.at(-1)).toBe(`${want.at(-1)} Amended in section II.`);

    // Tracked changes against the pasted text: the addition is inserted, the sections are all there.
    const xml = await documentXml(await exportWord(page, true));
    expect(xml).toMatch(/<w:ins [^>]*>(?:(?!<\/w:ins>).)*Amended in section II\./s);
    const printed = paragraphs(xml);
    expect(printed.filter((p) => p.style === STYLE.sectionNumber.id).map((p) => p.text)).toEqual(['I', 'II']);
    expect(printed.filter((p) => p.style === STYLE.sectionHeading.id).map((p) => p.text)).toEqual(
      read.sections?.map((s) => s.heading),
    );
    expect(printed.filter((p) => /<w:del /.test(p.xml)).map((p) => p.text)).toEqual([]);
  });

  test('opened from a file, with a preambular list and annex headings: all shown, renumbered from the heading, kept on reload, exported to Word', async ({
    page,
  }, testInfo) => {
    const sections = gaDocument('A_RES_78_247');
    const listing = gaDocument('A_RES_78_29').preamble.filter((p) => (p.subparagraphs?.length ?? 0) > 0);
    const file: ResolutionDocument = {
      ...sections,
      preamble: listing,
      annex: {
        title: 'Terms of reference',
        intro: [],
        items: [
          {
            content: [{ type: 'text', text: 'The Committee shall advise the Assembly;' }],
            subparagraphs: [],
          },
          { content: [{ type: 'text', text: 'The Committee shall report each year.' }], subparagraphs: [] },
        ],
        headings: [
          { before: 0, number: 'I', heading: 'Purpose' },
          { before: 1, number: '', heading: 'Reporting' },
        ],
      },
    };
    expect(listing[0]?.subparagraphs).toHaveLength(5);

    await page.goto('/');
    await openFile(page, testInfo, file);
    const doc = textbox(page);
    await expect(doc.locator('.res-section-heading')).toHaveCount(2);
    expect(await shown(page)).toEqual(expected(file));
    // The list is drawn under its paragraph, lettered (a) to (e).
    const lettered = await doc
      .locator(':scope > .res-sub')
      .evaluateAll((els) =>
        els.slice(0, 5).map((el) => [el.getAttribute('data-label'), el.previousElementSibling?.className]),
      );
    expect(lettered.map(([label]) => label)).toEqual(['(a)', '(b)', '(c)', '(d)', '(e)']);

    // Section II is renumbered III by hand, and made to run on from section I.
    const second = doc.locator('.res-section-heading').nth(1);
    await second.locator('.res-heading-number').fill('III');
    await second.locator('.res-heading-number').press('Enter');
    await second.getByRole('checkbox').uncheck();
    await expect(doc.locator('.res-operative').last()).toHaveAttribute('data-number', '12');
    await waitSaved(page);
    await reloadLeaving(page);
    await expect(doc.locator('.res-section-heading')).toHaveCount(2);
    const edited = await shown(page);
    expect(edited).toContain(`§ III | ${sections.sections?.[1]?.heading ?? ''}`);
    expect(
      edited
        .filter((l) => l.startsWith('OP '))
        .map((l) => l.split('.')[0])
        .slice(-2),
    ).toEqual(['OP 11', 'OP 12']);

    // The Word export prints every block the model gives, in the UN styles.
    const xml = await documentXml(await exportWord(page, false));
    const model = normalizeForEditor({
      ...file,
      sections: file.sections?.map((s, i) =>
        i === 1
          ? { ...s, number: 'III', operative: s.operative.map((p, k) => ({ ...p, label: String(11 + k) })) }
          : s,
      ),
    });
    expect(body(xml)).toEqual(blocksOf(model));
  });
});

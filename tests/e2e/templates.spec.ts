import { caretAtEnd, expect, newDraftFromTemplate, paragraphs, settle, test, textbox } from './fixtures.ts';

const FORMULAS: Record<string, string> = {
  'cop-resolution':
    'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
  'cop-decision':
    'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
  'cop-draft-resolution':
    'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
  'cop-revised-draft-resolution':
    'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
  'ga-resolution': 'The General Assembly,',
  'ecosoc-resolution': 'The Economic and Social Council,',
  'ccpcj-resolution': 'The Commission on Crime Prevention and Criminal Justice,',
};

test.describe('a new draft from a template', () => {
  for (const [id, formula] of Object.entries(FORMULAS)) {
    test(`starts from the ${id} template with its formula and visible placeholders`, async ({ page }) => {
      await page.goto('/');
      await newDraftFromTemplate(page, id);
      await expect(textbox(page).locator('.res-formula')).toContainText(formula);
      await expect(textbox(page).locator('.placeholder').first()).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Drafts' }).getByRole('listitem')).toHaveCount(1);
    });
  }

  test('letters a decision’s paragraphs (a), (b) as it is printed, and keeps numbering a resolution’s', async ({
    page,
  }) => {
    const marks = async () =>
      textbox(page)
        .locator('.res-operative')
        .evaluateAll((els) => els.map((el) => getComputedStyle(el, '::before').content));
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-decision');
    expect(await marks()).toEqual(['"(a)"', '"(b)"']);
    // A third paragraph letters itself.
    await caretAtEnd(page, textbox(page).locator('.res-operative').last());
    await page.keyboard.press('Enter');
    await page.keyboard.type('Invited States to report;');
    await expect.poll(marks).toEqual(['"(a)"', '"(b)"', '"(c)"']);

    await newDraftFromTemplate(page, 'cop-resolution');
    await expect.poll(async () => (await marks())[0]).toBe('"1."');
  });

  test('shows the masthead of an L document with its sponsors line', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-revised-draft-resolution');
    const masthead = page.getByRole('region', { name: 'Masthead' });
    await expect(masthead).toContainText('United Nations');
    await expect(masthead).toContainText('Distr.: Limited');
    await expect(masthead).toContainText('revised draft resolution');
    // Editing the sponsors in the details form rewrites the sponsors line.
    await page.getByLabel('Sponsors').fill('Mexico; Peru');
    await expect(masthead).toContainText('Mexico and Peru: revised draft resolution');
  });

  test('jumps from placeholder to placeholder with Tab and replaces each by typing', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-resolution');
    await textbox(page).locator('.res-title').click();
    await settle(page);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Strengthening international cooperation');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5/3');
    await expect(textbox(page).locator('.res-title')).toHaveText('Strengthening international cooperation');
    await expect(textbox(page).locator('.res-preambular').first()).toContainText(
      'Recalling its resolution 5/3 of',
    );
    // Shift+Tab goes back to the previous placeholder.
    const before = await textbox(page).locator('.placeholder').count();
    await caretAtEnd(page, textbox(page).locator('.res-operative').last());
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('all States');
    await expect(textbox(page).locator('.placeholder')).toHaveCount(before - 1);
    expect((await paragraphs(page)).join('\n')).toContain('all States');
  });
});

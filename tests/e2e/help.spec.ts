/**
 * The Help's page for each editorial check (issue 12): a delegate types a faulty paragraph, sees the
 * check in the panel naming its rule (never the developers' notes), opens "About this rule", and reads
 * the rule's page with an example of the fault and its fix. The same page is reached by the keyboard.
 */
import { caretAtEnd, expect, newDraftFromTemplate, settle, test, textbox } from './fixtures.ts';

const RULE = 'Preambular paragraphs end with a comma';

test.describe('the Help of the checks', () => {
  test('a faulty preambular paragraph leads from its check to its rule, with the fault and its fix', async ({
    page,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-resolution');
    await caretAtEnd(page, textbox(page).locator('.res-preambular').last());
    await page.keyboard.press('Enter');
    await page.keyboard.type('Noting with appreciation the work of the Secretariat.');

    await page.getByRole('tab', { name: 'Checks' }).click();
    const item = page.locator('.checks__item', { hasText: 'A preambular paragraph ends with a comma' });
    await expect(item).toHaveCount(1);
    await expect(item.locator('.checks__where')).toHaveText('PP3');
    await expect(item.locator('.checks__message')).toContainText(`(rule "${RULE}", UN Editorial Manual)`);
    await expect(page.getByRole('region', { name: 'Editorial checks' })).not.toContainText('DRAFTING-RULES');

    const about = item.getByRole('button', { name: `About this rule: ${RULE}` });
    await about.click();
    const help = page.getByRole('dialog', { name: RULE });
    await expect(help).toBeVisible();
    const article = help.getByRole('article');
    await expect(article.getByRole('heading', { level: 3 })).toHaveText(RULE);
    await expect(article).toBeFocused();
    await expect(
      help.getByRole('navigation', { name: 'Help topics' }).locator('[aria-current="page"]'),
    ).toHaveText(RULE);
    await expect(article).toContainText('United Nations Editorial Manual');

    const fault = article.getByRole('figure', { name: 'Fault' });
    const fix = article.getByRole('figure', { name: 'Fix' });
    await expect(fault).toContainText('Recalling its resolution 5/1 of 22 October 2010.');
    await expect(fault.locator('em').first()).toHaveText('Recalling');
    await expect(fault).toContainText(
      'The check says: A preambular paragraph ends with a comma, not a full stop',
    );
    await expect(fix).toContainText('Recalling its resolution 5/1 of 22 October 2010,');
    await expect(fix).not.toContainText('2010.');

    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });

  test('opens from the keyboard: F1 on a problem in the list, arrows between topics, F1 anywhere', async ({
    page,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-resolution');
    await caretAtEnd(page, textbox(page).locator('.res-operative').last());
    await page.keyboard.press('Enter');
    await page.keyboard.type('Encourages the organisation of regional meetings.');
    await page.getByRole('tab', { name: 'Checks' }).click();
    const item = page.locator('.checks__item', { hasText: '"organisation"' });
    await expect(item).toHaveCount(1);

    await item.locator('.checks__go').focus();
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Help' });
    await expect(help.getByRole('heading', { level: 3 })).toHaveText(
      'UN spelling follows the Oxford dictionary',
    );
    await expect(help.getByRole('figure', { name: 'Fault' })).toContainText('organise');
    await expect(help.getByRole('figure', { name: 'Fix' })).toContainText('organize');

    // The topics: Down shows the next rule's page, Home the first topic.
    const current = help.locator('.help__topic[aria-current="page"]');
    await current.focus();
    await page.keyboard.press('ArrowDown');
    await expect(help.getByRole('heading', { level: 3 })).toHaveText(
      'The enacting formula names the organ and ends with a comma',
    );
    await expect(help.locator('.help__topic[aria-current="page"]')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(help.getByRole('heading', { level: 3 })).toHaveText('Keyboard shortcuts');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // F1 in the text opens the Help where it was left.
    await textbox(page).click();
    await settle(page);
    await page.keyboard.press('F1');
    await expect(help.getByRole('heading', { level: 3 })).toHaveText('Keyboard shortcuts');
    await help.getByRole('button', { name: 'Editorial checks' }).click();
    await help.getByRole('button', { name: 'Also and further mark repeated openers' }).last().click();
    await expect(help.getByRole('heading', { level: 3 })).toHaveText(
      'Also and further mark repeated openers',
    );
    await expect(help.getByRole('article')).toContainText('Practice of adopted resolutions');
    await expect(help.getByRole('figure', { name: 'Fix' })).toContainText('Also requests');
  });
});

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type HarnessApp } from '../harness/app';
import { createDemoUnit, type DemoAccount } from './demo-unit';
import { saveScreen } from './screens';

/**
 * What drives targeting, end to end in Chromium over the real services of a
 * demo unit (its sample manifests loaded and scored): the watch list (form,
 * CSV with a dry run, removal), the risk profile (a new version with a reason,
 * back-test, history) and the reference tables (a generic grid, main's refusal
 * naming row and field) — first as an officer, who may add to the watch list
 * but sees no edit controls elsewhere, then as a supervisor, in English and
 * in Russian. The steps share one app and run in order.
 */

/** The demo unit's accounts, with the passwords `setup.demo` generated for this run. */
let OFFICER: DemoAccount;
let SUPERVISOR: DemoAccount;

/** Channels only a supervisor may call: an officer's screens must never ask (main would audit the refusal). */
const supervisorChannels = ['watchlist.remove', 'profiles.save', 'profiles.activate', 'profiles.backtest', 'reference.save'];

const heading = (page: Page) => page.locator('main[data-section] h1');
const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const watchRow = (page: Page, value: string) => page.locator(`[data-testid="watchlist-table"] tbody tr[data-value="${value}"]`);
const languageSelect = (page: Page) => page.locator('.language-switch select');

/** The section scrolls inside the window: start each picture from the top. */
async function scrollToTop(page: Page): Promise<void> {
  await page.locator('main[data-section]').evaluate((element) => element.scrollTo(0, 0));
}

async function logInAs(app: HarnessApp, user: { username: string; password: string }): Promise<void> {
  await app.backend.services.invoke('session.logout', undefined);
  await app.reload();
  const { page } = app;
  await page.locator('.auth-screen[data-screen="login"]').waitFor();
  await field(page, 'User name').fill(user.username);
  await field(page, 'Password').fill(user.password);
  await page.keyboard.press('Enter');
  await heading(page).waitFor();
}

/** Drops a file on a drop zone the way a file manager does: a DataTransfer built in the page. */
async function dropFile(zone: Locator, name: string, text: string): Promise<void> {
  await zone.evaluate(
    (element, file) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([file.text], file.name, { type: 'text/csv' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { name, text },
  );
}

describe('watch lists, risk profiles and reference tables', () => {
  let app: HarnessApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp({ demo: true, viewport: { width: 1360, height: 900 } });
    page = app.page;
    ({ officer: OFFICER, supervisor: SUPERVISOR } = await createDemoUnit(app));
    await logInAs(app, OFFICER);
    expect(await heading(page).textContent()).toBe('Targeting');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('officer adds a watch-list entry through the form and sees it in the table', async () => {
    await tab(page, 'Watch lists').click();
    const form = page.getByTestId('watchlist-add');
    await form.waitFor();

    // The reason is mandatory: refused on the client, the field named.
    await field(form, 'Value').fill('OOO Romashka Trading');
    await button(form, 'Add to watch list').click();
    expect(await form.getByRole('alert').textContent()).toBe('Correct the highlighted fields.');
    expect(await field(form, 'Reason').getAttribute('aria-invalid')).toBe('true');
    // The first invalid field has the focus, ready for typing.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('reason');

    await field(form, 'Type').selectOption('party');
    await field(form, 'Severity').selectOption('high');
    await field(form, 'Reason').fill('Alert 12/2025 from headquarters: undervalued electronics');
    await field(form, 'Expires (optional)').fill('2027-06-30');
    await button(form, 'Add to watch list').click();

    const notice = page.getByTestId('watchlist-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe('1 entry added to the watch list.');
    // Lines already loaded were scored without it: the way to re-score is at hand.
    expect(await page.getByTestId('watchlist-rescore').textContent()).toContain('Lines already loaded were scored without the 1 new entry.');
    const row = watchRow(page, 'OOO Romashka Trading');
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toBe('Party');
    expect(cells[2]).toBe('High');
    expect(cells[3]).toBe('Alert 12/2025 from headquarters: undervalued electronics');
    expect(cells[4]).toBe('this unit');
    expect(cells[5]).toBe('2027-06-30');
    expect(cells[6]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}${OFFICER.username}$`));
    // The form is empty again, ready for the next entry.
    expect(await field(form, 'Value').inputValue()).toBe('');

    // An officer may add, but removing is a supervisor's call: no button for it.
    expect(await row.getByRole('button').count()).toBe(0);

    // The filter applies as the officer types.
    const filter = page.getByTestId('watchlist-filter');
    await field(filter, 'Text').fill('romashka');
    expect(await page.getByTestId('watchlist-count').textContent()).toMatch(/^1 of \d+ active entr(y|ies) shown$|^1 active entry$/);
    await field(filter, 'Type').selectOption('container');
    expect(await row.count()).toBe(0);
    await button(filter, 'Clear').click();
    expect(await row.count()).toBe(1);
  });

  it('refuses a CSV with a bad row, naming the row and the column, and adds a good one after a dry run', async () => {
    const csv = page.getByTestId('watchlist-csv');
    const before = await page.locator('[data-testid="watchlist-table"] tbody tr').count();

    await page.getByTestId('watchlist-csv-input').setInputFiles({
      name: 'hq-alerts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('type,value,severity,reason,expires\nparty,ACME LOGISTICS LLC,high,Case 12/2026,\ncontainer,TGHU9876542,urgent,Alert 3/2026,\n'),
    });
    const problems = page.getByTestId('watchlist-csv-problems');
    await problems.waitFor();
    expect(await problems.locator('p').textContent()).toBe(
      'hq-alerts.csv: 1 problem. Nothing will be added until it is corrected: fix the file and choose it again.',
    );
    const problem = problems.locator('li[data-row="3"][data-field="severity"]');
    expect(await problem.textContent()).toContain('row 3');
    expect(await problem.textContent()).toContain('severity');
    expect(await problem.textContent()).toContain('urgent');
    // Nothing to confirm, nothing added.
    expect(await csv.getByRole('button', { name: /^Add \d+ entr/ }).count()).toBe(0);
    expect(await page.locator('[data-testid="watchlist-table"] tbody tr').count()).toBe(before);
    await scrollToTop(page);
    await csv.scrollIntoViewIfNeeded();
    await saveScreen(page, 'en-watchlist-csv-refused');

    // A good file in Russian Excel's dialect (semicolons, Russian headers and words), dropped on the zone.
    await dropFile(
      page.getByTestId('watchlist-drop'),
      'ориентировки.csv',
      'тип;значение;уровень;причина;срок\nучастник;ООО «Восток-Транзит»;высокий;Ориентировка 7/2026;31.12.2026\nконтейнер;TGHU9876542;критический;Дело об изъятии 45/2026;\n',
    );
    const ready = page.getByTestId('watchlist-csv-ready');
    await ready.waitFor();
    expect(await ready.locator('span').textContent()).toBe('ориентировки.csv: 2 entries read, no problems. Nothing has been added yet.');
    // The dry run added nothing.
    expect(await page.locator('[data-testid="watchlist-table"] tbody tr').count()).toBe(before);
    await button(ready, 'Add 2 entries').click();
    await expect.poll(() => page.getByTestId('watchlist-notice').textContent()).toBe('2 entries added to the watch list.');
    await watchRow(page, 'TGHU9876542').waitFor();
    expect(await watchRow(page, 'ООО «Восток-Транзит»').locator('td').nth(2).textContent()).toBe('High');
    expect(await watchRow(page, 'TGHU9876542').locator('td').nth(2).textContent()).toBe('Critical');
    expect(await page.locator('[data-testid="watchlist-table"] tbody tr').count()).toBe(before + 2);

    // Three entries added since the last re-score; re-scoring applies them to the demo's lines.
    const offer = page.getByTestId('watchlist-rescore');
    expect(await offer.textContent()).toContain('scored without the 3 new entries');
    await button(offer, 'Re-score loaded lines').click();
    await expect.poll(() => offer.textContent(), { timeout: 30_000 }).toMatch(/^Re-scored \d+ lines: \d+ red, \d+ yellow, \d+ green; \d+ watch-list hits\./);
    await scrollToTop(page);
    await saveScreen(page, 'en-watchlist');
  });

  it('officer sees the active profile, its indicators and hit rates, but no edit controls', async () => {
    await tab(page, 'Profiles').click();
    const active = page.getByTestId('profile-active');
    await active.waitFor();
    expect(await active.locator('h2').textContent()).toMatch(/^Profile “.+”, version \d+ active$/);
    expect(await page.getByTestId('profile-thresholds').textContent()).toMatch(/^red from \d+, yellow from \d+$/);
    expect(await page.getByTestId('profile-indicators').locator('tbody tr').count()).toBeGreaterThanOrEqual(25);
    // Names come from the catalogue, not the ids.
    const firstName = await page.getByTestId('profile-indicators').locator('tbody tr td').first().textContent();
    expect(firstName).not.toMatch(/^[a-z]+\.[a-z-]+$/);
    await page.getByTestId('profile-funnel').waitFor();
    expect(await page.getByTestId('profile-funnel').locator('li').count()).toBe(6);

    expect(await page.getByTestId('profile-readonly').textContent()).toBe('Only a supervisor can change the profile or run a back-test.');
    expect(await page.getByRole('button', { name: /^Change weights/ }).count()).toBe(0);
    expect(await page.getByTestId('profile-backtest').count()).toBe(0);
    expect(await page.getByTestId('profile-history').getByRole('button').count()).toBe(0);
    await scrollToTop(page);
    await saveScreen(page, 'en-profiles-officer');
  });

  it('officer reads reference tables without edit controls', async () => {
    await tab(page, 'Reference tables').click();
    const list = page.getByTestId('reference-list');
    await list.waitFor();
    expect(await list.locator('tbody tr').count()).toBe(18);
    const weights = list.locator('tr[data-table="weightRanges"]');
    expect(await weights.locator('th').textContent()).toBe('Weight ranges per HS chapter');
    expect(await weights.locator('td').last().textContent()).toBe('as shipped');
    expect(await page.getByTestId('reference-readonly').textContent()).toBe('Only a supervisor can change reference tables.');
    await saveScreen(page, 'en-reference-officer');

    await button(weights, 'Weight ranges per HS chapter').click();
    const grid = page.getByTestId('reference-grid');
    await grid.waitFor();
    expect(await grid.locator('tbody tr').count()).toBeGreaterThan(10);
    expect(await grid.locator('input').count()).toBe(0);
    expect(await button(page, 'Save table').count()).toBe(0);
    expect(await button(page, 'Add row').count()).toBe(0);
    // Numbers shown as stored.
    expect(await grid.locator('tbody tr[data-row="1"] td[data-column="maxKgPerPackage"]').textContent()).toMatch(/^\d+$/);
    await saveScreen(page, 'en-reference-grid-officer');
    await button(page, '← All tables').click();
    await list.waitFor();

    expect(app.calls.filter((channel) => supervisorChannels.includes(channel))).toEqual([]);
  });

  it('supervisor removes a watch-list entry with a reason', async () => {
    await logInAs(app, SUPERVISOR);
    await tab(page, 'Watch lists').click();
    const row = watchRow(page, 'OOO Romashka Trading');
    await row.waitFor();
    await button(row, 'Remove OOO Romashka Trading from the watch list…').click();
    const dialog = page.getByTestId('watchlist-remove');
    await dialog.waitFor();
    // The cursor is in the reason; an empty reason is refused on the spot.
    await button(dialog, 'Remove entry').click();
    expect(await dialog.locator('.field-error').textContent()).toBe('Give the reason: it is kept with the entry and in the audit trail.');
    await page.keyboard.type('Alert withdrawn by headquarters 2/2026');
    await saveScreen(page, 'en-watchlist-remove');
    await button(dialog, 'Remove entry').click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await page.getByTestId('watchlist-notice').textContent()).toContain('“OOO Romashka Trading” no longer matches new lines.');
  });

  it('supervisor saves a new profile version with a reason; it becomes the active one', async () => {
    await tab(page, 'Profiles').click();
    const history = page.getByTestId('profile-history');
    await history.waitFor();
    const activeRow = history.locator('tr[data-active="true"]');
    const before = Number(await activeRow.getAttribute('data-version'));
    const next = before + 1;

    await button(page, `Change weights… (creates version ${next})`).click();
    const editor = page.getByTestId('profile-editor');
    await editor.waitFor();
    expect(await editor.getByRole('status').first().textContent()).toContain(`Saving creates version ${next} of`);
    expect(await editor.getByRole('status').first().textContent()).toContain(`Version ${before} stays unchanged in the history`);

    // Turn the first indicator off and make random selection 3 %.
    const firstWeight = editor.locator('[data-testid="profile-weights"] tbody tr').first();
    const indicatorId = await firstWeight.getAttribute('data-indicator');
    await firstWeight.locator('input').fill('0');
    await field(editor, 'Random selection').fill('3');
    // Yellow above red is caught at the field.
    const red = await field(editor, 'Red lane from (score)').inputValue();
    await field(editor, 'Yellow lane from (score)').fill(String(Number(red) + 1));
    await button(editor, `Save as version ${next}`).click();
    expect(await editor.getByRole('alert').last().textContent()).toBe('Correct the highlighted fields.');
    expect(await editor.locator('.field.invalid').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('The yellow threshold must be lower than the red one.'), expect.stringContaining('Give the reason for the change')]),
    );
    await field(editor, 'Yellow lane from (score)').fill(String(Math.max(1, Number(red) - 10)));
    await field(editor, 'Reason for the change').fill('Random rate raised after the 2026 Q1 review; first indicator off pending new data');
    await saveScreen(page, 'en-profiles-editor');
    await button(editor, `Save as version ${next}`).click();

    const notice = page.getByTestId('profile-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(new RegExp(`^Version ${next} of “.+” saved; it is now the active version\\.$`));
    await expect.poll(() => history.locator('tr[data-active="true"]').getAttribute('data-version')).toBe(String(next));
    expect(await history.locator(`tr[data-version="${before}"]`).getAttribute('data-active')).toBe('false');
    const active = page.getByTestId('profile-active');
    expect(await active.locator('h2').textContent()).toMatch(new RegExp(`, version ${next} active$`));
    expect(await page.getByTestId('profile-random-rate').textContent()).toBe('3%');
    expect(await page.getByTestId('profile-indicators').locator(`tr[data-indicator="${indicatorId}"] td`).last().textContent()).toBe('off');
    expect(await history.locator(`tr[data-version="${next}"]`).textContent()).toContain(SUPERVISOR.username);
    expect(await history.locator(`tr[data-version="${next}"]`).textContent()).toContain('Random rate raised after the 2026 Q1 review');
    // The older version can be made active again (after confirming).
    expect(await history.locator(`tr[data-version="${before}"]`).getByRole('button', { name: new RegExp(`^Make .+ v${before} the active version…$`) }).count()).toBe(1);
    expect(await history.locator(`tr[data-version="${next}"]`).getByRole('button').count()).toBe(0);

    // Back-test the new version over the demo's history.
    const backtest = page.getByTestId('profile-backtest');
    await button(backtest, 'Run back-test').click();
    const result = page.getByTestId('backtest-result');
    await result.waitFor();
    expect(Number(await result.locator('[data-count="red"]').textContent())).toBeGreaterThanOrEqual(0);
    expect(await result.locator('[data-count="lines"]').textContent()).toMatch(/^\d+ in \d+ manifests$/);
    await scrollToTop(page);
    await saveScreen(page, 'en-profiles');
  });

  it('supervisor edits a reference cell; main refuses an invalid value naming row and field, translated', async () => {
    await tab(page, 'Reference tables').click();
    await button(page.getByTestId('reference-list'), 'Weight ranges per HS chapter').click();
    const editor = page.getByTestId('reference-editor');
    const grid = page.getByTestId('reference-grid');
    await grid.waitFor();
    const cell = grid.getByLabel('Max kg per package, row 2', { exact: true });
    const shipped = await cell.inputValue();
    await cell.fill('heavy');
    await button(editor, 'Save table').click();
    const error = page.getByTestId('reference-error');
    await error.waitFor();
    const text = await error.textContent();
    expect(text).toMatch(/^Reference table “Weight ranges per HS chapter”, row 2, field “Max kg per package”: .+\. Nothing was saved\.$/);
    // The refused cell is marked and has the focus.
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    expect(await cell.evaluate((element) => element === document.activeElement)).toBe(true);
    await scrollToTop(page);
    await saveScreen(page, 'en-reference-refused');

    // A number is kept a number: saving a valid value succeeds and is marked as the unit's edit.
    await cell.fill(String(Number(shipped) + 100));
    await button(editor, 'Save table').click();
    await expect.poll(() => page.getByTestId('reference-notice').textContent()).toBe('“Weight ranges per HS chapter” saved.');
    await expect.poll(() => page.getByTestId('reference-editor').locator('.reference-editor-head .muted').textContent()).toMatch(new RegExp(`^edited by ${SUPERVISOR.username} at `));
    const tables = await app.backend.services.invoke('reference.list', undefined);
    if (!tables.ok) throw new Error('reference.list failed');
    const saved = (tables.value as { name: string; table: { entries: Record<string, unknown>[] } }[]).find((info) => info.name === 'weightRanges')?.table;
    expect(saved?.entries[1]?.maxKgPerPackage).toBe(Number(shipped) + 100);

    // Restore the shipped table, after confirming.
    await button(page.getByTestId('reference-editor'), 'Restore shipped table…').click();
    await button(page.getByTestId('reference-restore-confirm'), 'Restore shipped table').click();
    await expect.poll(() => page.getByTestId('reference-notice').textContent()).toBe('“Weight ranges per HS chapter” restored as shipped.');
    await expect.poll(() => page.getByTestId('reference-grid').getByLabel('Max kg per package, row 2', { exact: true }).inputValue()).toBe(shipped);
    await button(page, '← All tables').click();
    await page.getByTestId('reference-list').waitFor();
    await saveScreen(page, 'en-reference');
  });

  it('shows the three tabs in Russian', async () => {
    await languageSelect(page).selectOption('ru');
    await expect.poll(() => heading(page).textContent()).toBe('Отбор');

    await tab(page, 'Списки наблюдения').click();
    await page.getByTestId('watchlist-table').waitFor();
    expect(await watchRow(page, 'TGHU9876542').locator('td').first().textContent()).toBe('Контейнер');
    expect(await watchRow(page, 'TGHU9876542').locator('td').nth(2).textContent()).toBe('Критический');
    expect(await button(page.getByTestId('watchlist-add'), 'Внести в список').count()).toBe(1);
    await scrollToTop(page);
    await saveScreen(page, 'ru-watchlist');

    await tab(page, 'Профили риска').click();
    await page.getByTestId('profile-active').waitFor();
    expect(await page.getByTestId('profile-active').locator('h2').textContent()).toMatch(/^Профиль «.+», версия \d+ действующая$/);
    expect(await page.getByTestId('profile-thresholds').textContent()).toMatch(/^красный от \d+, жёлтый от \d+$/);
    await page.getByTestId('profile-funnel').waitFor();
    expect(await page.getByTestId('profile-funnel').locator('[data-stage="seizures"] .funnel-label').textContent()).toBe('Изъятия');
    await scrollToTop(page);
    await saveScreen(page, 'ru-profiles');

    await tab(page, 'Справочники').click();
    const list = page.getByTestId('reference-list');
    await list.waitFor();
    expect(await list.locator('tr[data-table="weightRanges"] th').textContent()).toBe('Диапазоны веса по группам ТН ВЭД');
    await saveScreen(page, 'ru-reference');

    // Main's refusal in Russian, naming the table, row and field as the grid shows them.
    await button(list, 'Диапазоны веса по группам ТН ВЭД').click();
    const cell = page.getByTestId('reference-grid').getByLabel('Макс. кг на место, строка 3', { exact: true });
    await cell.fill('много');
    await button(page.getByTestId('reference-editor'), 'Сохранить справочник').click();
    const error = page.getByTestId('reference-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^Справочник «Диапазоны веса по группам ТН ВЭД», строка 3, поле «Макс\. кг на место»: .+\. Ничего не сохранено\.$/);
    await scrollToTop(page);
    await saveScreen(page, 'ru-reference-refused');
    // Leaving with unsaved changes asks first.
    await button(page, '← Все справочники').click();
    await button(page, 'Выйти без сохранения').click();
    await list.waitFor();

    expect(app.consoleErrors).toEqual([]);
  });
});

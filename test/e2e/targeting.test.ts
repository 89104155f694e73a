import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type HarnessApp } from '../harness/app';
import { saveScreen } from './screens';

/**
 * The targeting workspace end to end in Chromium over the real services: the
 * training unit's sample manifests are scored at import; the consignee on the
 * watch list (entered in Latin letters, the manifest writes it in Tajik
 * Cyrillic) comes first with its reason; the officer selects and waives from
 * the keyboard, each with a mandatory reason that lands in the audit trail.
 */

const heading = (page: Page) => page.locator('main[data-section] h1');
const viewport = (page: Page) => page.getByTestId('target-viewport');
const row = (page: Page, rank: number) => page.locator(`.target-viewport [role="row"][aria-rowindex="${rank + 1}"]`);
const detail = (page: Page) => page.locator('.target-detail');
const dialog = (page: Page) => page.locator('dialog.decision-dialog');
const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.locator('.auth-screen[data-screen="login"]').waitFor();
  await page.getByLabel('User name', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.keyboard.press('Enter');
  await heading(page).waitFor();
}

describe('targeting workspace', () => {
  let app: HarnessApp;
  let page: Page;
  let demoSeq = 0;

  beforeAll(async () => {
    app = await launchApp({ demo: true, viewport: { width: 1500, height: 900 } });
    page = app.page;
    const created = await app.backend.services.invoke('setup.demo', undefined);
    if (!created.ok) throw new Error(`demo setup failed: ${JSON.stringify(created.error)}`);
    const officer = (created.value as { accounts: { username: string; password: string; role: string }[] }).accounts.find((account) => account.role === 'officer');
    if (!officer) throw new Error('the demo unit has no officer');
    // The demo's own case selected a line already; this test's decisions come after it.
    demoSeq = (app.backend.services.sessions.store().db.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number }).seq;
    await app.backend.services.invoke('session.logout', undefined);
    await logIn(page, officer.username, officer.password);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('ranks the watch-listed consignee first and shows why, across scripts', async () => {
    await expect.poll(() => heading(page).textContent()).toBe('Targeting');
    await row(page, 1).locator('.col-consignee').waitFor();
    expect(await row(page, 1).locator('.col-consignee').textContent()).toContain('Қӯҳистон-Ҳамл');
    expect(await row(page, 1).locator('.watch-tag').textContent()).toBe('watch list');
    const count = await page.locator('.workspace-bar').textContent();
    expect(count).toMatch(/\d+ lines/);

    await detail(page).waitFor();
    const why = detail(page).locator('.reason-list');
    expect(await why.locator('.watch-reason').first().textContent()).toMatch(/Watch list: party “KUHISTON-HAML”/i);
    expect(await why.locator('.watch-reason').first().textContent()).toMatch(/9\d% match, transliterated/);
    // Every fired indicator reads as a sentence with what it saw, no placeholder left.
    const reasons = await why.locator('.reason:not(.watch-reason)').allTextContents();
    for (const reason of reasons) expect(reason).not.toMatch(/\{\w+\}|indicator\./);
    await saveScreen(page, 'en-targeting-workspace');
  });

  it('selects with S and waives with W, each only with a reason, and both reach the audit trail', async () => {
    await viewport(page).focus();
    await page.keyboard.press('s');
    await dialog(page).waitFor();
    await button(dialog(page), 'Select for examination').click();
    expect(await dialog(page).locator('.field-error').textContent()).toContain('Give a reason');
    await saveScreen(page, 'en-targeting-select-reason');
    await dialog(page).locator('textarea').fill('Partner alert on the consignee; cigarettes cover load');
    await page.keyboard.press('Control+Enter');
    await dialog(page).waitFor({ state: 'detached' });
    await expect.poll(() => row(page, 1).locator('.col-reasons').textContent()).toContain('selected');

    await page.keyboard.press('j');
    await expect.poll(() => row(page, 2).getAttribute('aria-selected')).toBe('true');
    const waivedContainer = await row(page, 2).locator('.col-container').textContent();
    await page.keyboard.press('w');
    await dialog(page).waitFor();
    await dialog(page).locator('textarea').fill('Regular importer; documents checked at the desk');
    await button(dialog(page), 'Waive').click();
    await dialog(page).waitFor({ state: 'detached' });
    await expect.poll(() => row(page, 2).locator('.col-reasons').textContent()).toContain('waived');
    await expect.poll(() => detail(page).locator('.target-detail, section').last().textContent()).toContain('Regular importer; documents checked at the desk');

    const db = app.backend.services.sessions.store().db;
    const audited = db.prepare("SELECT action, user_name AS user, details_json AS details FROM audit_log WHERE action LIKE 'target.%' AND seq > ? ORDER BY seq").all(demoSeq) as {
      action: string;
      user: string;
      details: string;
    }[];
    expect(audited.map((entry) => [entry.action, entry.user])).toEqual([
      ['target.selected', 'officer'],
      ['target.waived', 'officer'],
    ]);
    expect(JSON.parse(audited[1]!.details)).toMatchObject({ reason: 'Regular importer; documents checked at the desk', decision: 'waived' });
    expect(waivedContainer).not.toBe('');
    await saveScreen(page, 'en-targeting-decided');
  });

  it('filters by words in goods or party names and by lane', async () => {
    await page.getByLabel('Goods or party', { exact: true }).fill('Қӯҳистон');
    await button(page, 'Apply').click();
    await expect.poll(() => page.locator('.workspace-bar').textContent()).toMatch(/^1 line/);
    await button(page, 'Clear').click();
    await expect.poll(() => page.locator('.workspace-bar').textContent()).not.toMatch(/^1 line/);
  });

  it('puts the line’s consignee on the watch list from the detail panel, with a reason', async () => {
    await row(page, 3).click();
    const consignee = (await row(page, 3).locator('.col-consignee').textContent()) ?? '';
    await button(detail(page), 'Add to watch list…').click();
    const watch = page.locator('dialog.watch-from-line');
    await watch.waitFor();
    expect(await watch.locator('input[type="checkbox"]').first().isChecked()).toBe(true);
    await button(watch, 'Add to watch list').click();
    expect(await watch.locator('.field-error').textContent()).toContain('Give a reason');
    await watch.getByLabel('Reason', { exact: true }).fill('Seen in a partner unit bulletin');
    await saveScreen(page, 'en-targeting-watch-line');
    await button(watch, 'Add to watch list').click();
    await watch.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.workspace > .notice').textContent()).toContain('1 entry added');
    const entries = await app.backend.services.invoke('watchlist.list', { includeRemoved: false });
    expect(entries.ok && (entries.value as { value: string; reason: string }[]).some((entry) => entry.value === consignee && entry.reason === 'Seen in a partner unit bulletin')).toBe(true);
  });

  it('speaks Russian throughout', async () => {
    await page.locator('.language-switch select').selectOption('ru');
    await expect.poll(() => heading(page).textContent()).toBe('Отбор');
    await expect.poll(() => row(page, 1).locator('.watch-tag').textContent()).toBe('список наблюдения');
    await expect.poll(() => detail(page).locator('.watch-reason').first().textContent()).toContain('Список наблюдения');
    expect(await page.locator('.target-head').textContent()).toContain('Грузополучатель');
    await saveScreen(page, 'ru-targeting-workspace');
    await page.locator('.language-switch select').selectOption('en');
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type HarnessApp } from '../harness/app';
import { saveScreen } from './screens';

const ADMIN = { username: 'dilnoza', password: 'correct horse battery' };

describe('removing an account in Administration → Users', () => {
  let app: HarnessApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const { services } = app.backend;
    const setup = await services.invoke('setup.create', {
      unitName: 'PCU Termez',
      country: 'UZ',
      locode: 'UZTER',
      adminUsername: ADMIN.username,
      adminDisplayName: 'Dilnoza Rahimova',
      password: ADMIN.password,
    });
    if (!setup.ok) throw new Error(JSON.stringify(setup.error));
    await services.invoke('users.add', { username: 'aziz', displayName: 'Aziz Karimov', role: 'officer', password: 'officer password 1' });
    await services.invoke('session.logout', undefined);
    await app.reload();
    await page.locator('.auth-screen[data-screen="login"]').waitFor();
    await page.getByLabel('User name', { exact: true }).fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.locator('main[data-section] h1').waitFor();
    await page.locator('nav button[data-section="administration"]').click();
    await page.getByTestId('users-table').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('asks first, then removes: the row says Removed, offers nothing more, and the password no longer opens anything', async () => {
    const row = page.locator('tr[data-user="aziz"]');
    await row.getByRole('button', { name: 'Remove', exact: true }).click();
    const confirm = page.getByRole('alertdialog');
    expect(await confirm.textContent()).toContain('Remove the account “aziz”?');
    await saveScreen(page, 'en-users-remove-confirm');
    await confirm.getByRole('button', { name: 'Remove account' }).click();
    await expect.poll(() => row.locator('.status').textContent()).toBe('Removed');
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await page.locator('tr[data-user="dilnoza"]').getByRole('button', { name: 'Remove', exact: true }).count()).toBe(0);
    await saveScreen(page, 'en-users-removed');

    await page.locator('.language-switch select').selectOption('ru');
    await expect.poll(() => row.locator('.status').textContent()).toBe('Удалена');
    await saveScreen(page, 'ru-users-removed');

    const login = await app.backend.services.invoke('session.login', { username: 'aziz', password: 'officer password 1' });
    expect(login).toMatchObject({ ok: false, error: { code: 'UNKNOWN_USER' } });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type HarnessApp } from '../harness/app';
import { saveScreen } from './screens';

const ADMIN = { username: 'dilnoza', password: 'correct horse battery' };
const heading = (page: Page) => page.locator('main[data-section] h1');

describe('restore from a backup in the Administration section', () => {
  let app: HarnessApp;
  let page: Page;
  let usb: string;
  let backupDir: string;

  beforeAll(async () => {
    usb = mkdtempSync(path.join(os.tmpdir(), 'pcu-e2e-usb-'));
    app = await launchApp();
    page = app.page;
    const { services } = app.backend;
    const setup = await services.invoke('setup.create', {
      unitName: 'PCU Poti',
      country: 'GE',
      locode: 'GEPTI',
      adminUsername: ADMIN.username,
      adminDisplayName: 'Dilnoza Rahimova',
      password: ADMIN.password,
    });
    if (!setup.ok) throw new Error(JSON.stringify(setup.error));
    const backup = await services.invoke('backup.create', { targetDir: usb });
    if (!backup.ok) throw new Error(JSON.stringify(backup.error));
    backupDir = (backup.value as { dir: string }).dir;
    // Something the backup does not have.
    await services.invoke('users.add', { username: 'later', displayName: 'Later', role: 'officer', password: 'added after backup' });
    await services.invoke('session.logout', undefined);
    await app.reload();
    await page.locator('.auth-screen[data-screen="login"]').waitFor();
    await page.getByLabel('User name', { exact: true }).fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await heading(page).waitFor();
    await page.locator('nav button[data-section="administration"]').click();
    await page.getByRole('tab', { name: 'Backup and database', exact: true }).click();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(usb, { recursive: true, force: true });
  });

  it('refuses a wrong password without touching anything, then restores after a confirmation and logs everyone out', async () => {
    const panel = page.locator('section[aria-labelledby="restore-title"]');
    await panel.getByLabel('Backup folder', { exact: true }).fill(backupDir);
    await panel.getByLabel('Your password', { exact: true }).fill('not my password');
    await panel.getByRole('button', { name: 'Restore…' }).click();
    await panel.getByRole('button', { name: 'Replace the data with this backup' }).waitFor();
    await saveScreen(page, 'en-restore-confirm');
    await panel.getByRole('button', { name: 'Replace the data with this backup' }).click();
    await expect.poll(() => panel.textContent()).toContain('Wrong password.');
    expect(await page.locator('.auth-screen').count()).toBe(0);

    await panel.getByLabel('Your password', { exact: true }).fill(ADMIN.password);
    await panel.getByRole('button', { name: 'Replace the data with this backup' }).click();
    await page.locator('.auth-screen[data-screen="login"]').waitFor();

    const gone = await app.backend.services.invoke('session.login', { username: 'later', password: 'added after backup' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'UNKNOWN_USER' } });
  });
});

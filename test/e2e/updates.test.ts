import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { channelFileName } from '../../main/core/updates/update-metadata';
import { FakeUpdater } from '../fakes/updater';
import { makeReleaseKey, tempDir, writeRelease, type TestReleaseKey } from '../fixtures/updates/signed-release';
import { launchApp, type HarnessApp } from '../harness/app';
import { saveScreen } from './screens';

const ADMIN = { username: 'dilnoza', password: 'correct horse battery' };
const OFFICER = { username: 'aziz', password: 'officer password 1' };
const NEXT = '0.2.0';

let temp: ReturnType<typeof tempDir>;
let key: TestReleaseKey;
let app: HarnessApp | null = null;

beforeAll(() => {
  temp = tempDir('pcu-e2e-updates-');
  key = makeReleaseKey(path.join(temp.dir, 'keys'));
});
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(() => temp.remove());

/** A unit whose IT configured a USB folder as the update source; the administrator set it up, then logged out. */
async function launchWithRelease(name: string, signed: boolean): Promise<{ app: HarnessApp; updater: FakeUpdater }> {
  const releaseDir = path.join(temp.dir, name, 'usb');
  writeRelease(releaseDir, { version: NEXT, key, channelFile: channelFileName('latest', process.platform, process.arch), sign: signed });
  const policyFile = path.join(temp.dir, name, 'etc', 'update.json');
  mkdirSync(path.dirname(policyFile), { recursive: true });
  writeFileSync(policyFile, JSON.stringify({ folder: releaseDir }));
  const updater = new FakeUpdater(path.join(temp.dir, name, 'downloads'), process.platform, process.arch);
  updater.holdDownload();
  const launched = await launchApp({ updates: { updater, policyFiles: [policyFile], publicKeyFile: key.publicKeyFile, currentUid: null } });
  app = launched;
  const { services } = launched.backend;
  const setup = await services.invoke('setup.create', {
    unitName: 'PCU Termez',
    country: 'UZ',
    locode: 'UZTER',
    adminUsername: ADMIN.username,
    adminDisplayName: 'Dilnoza Rahimova',
    password: ADMIN.password,
  });
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  await services.invoke('users.add', { username: OFFICER.username, displayName: 'Aziz Karimov', role: 'officer', password: OFFICER.password });
  await services.invoke('session.logout', undefined);
  await launched.reload();
  return { app: launched, updater };
}

async function logIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.locator('.auth-screen[data-screen="login"]').waitFor();
  await page.getByLabel('User name', { exact: true }).fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.keyboard.press('Enter');
  await page.locator('main[data-section] h1').waitFor();
}

describe('the update status in the status bar', () => {
  it('follows the update.status event: downloading with progress, ready, then an administrator installs', async () => {
    const { app: running, updater } = await launchWithRelease('admin', true);
    const { page } = running;
    await logIn(page, ADMIN);
    const indicator = page.getByTestId('update-status');

    // The check ran when the administrator set the unit up; its download is held by the fake updater.
    await expect.poll(() => updater.downloadHeld).toBe(true);
    await expect.poll(() => indicator.getAttribute('data-state')).toBe('downloading');
    const reads = running.calls.filter((name) => name === 'update.status').length;
    updater.progress(42);
    await expect.poll(() => indicator.textContent()).toContain(`Downloading update ${NEXT}: 42 %`);
    await saveScreen(page, 'en-update-downloading');

    updater.release();
    await expect.poll(() => indicator.getAttribute('data-state')).toBe('ready');
    expect(await indicator.textContent()).toContain(`Update ${NEXT} ready: an administrator installs it`);
    // Progress and readiness arrived as events: the page did not ask again.
    expect(running.calls.filter((name) => name === 'update.status').length).toBe(reads);
    await saveScreen(page, 'en-update-ready');

    await page.locator('.language-switch select').selectOption('ru');
    await expect.poll(() => indicator.textContent()).toContain(`Обновление ${NEXT} готово`);
    await expect.poll(() => indicator.getByRole('button', { name: 'Установить обновление' }).count()).toBe(1);
    await saveScreen(page, 'ru-update-ready');
    await page.locator('.language-switch select').selectOption('en');

    await indicator.getByRole('button', { name: 'Install update' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Install update' });
    expect(await confirm.textContent()).toContain(`installs version ${NEXT}`);
    await saveScreen(page, 'en-update-install-confirm');
    expect(updater.installs).toBe(0);
    await confirm.getByRole('button', { name: 'Close and install' }).click();
    await expect.poll(() => updater.installs).toBe(1);
    await expect.poll(() => indicator.textContent()).toContain(`Installing update ${NEXT}`);
    expect(running.calls).toContain('update.install');
    expect(running.consoleErrors).toEqual([]);
  });

  it('an officer sees why a release was refused, and is offered no action', async () => {
    const { app: running, updater } = await launchWithRelease('officer', false);
    const { page } = running;
    await logIn(page, OFFICER);
    const indicator = page.getByTestId('update-status');
    await expect.poll(() => indicator.getAttribute('data-state')).toBe('refused');
    expect(await indicator.textContent()).toContain('Update refused: the release is not signed');
    expect(await indicator.getByRole('button').count()).toBe(0);
    expect(updater.downloads).toEqual([]);
    await saveScreen(page, 'en-update-refused-officer');
    await page.locator('.language-switch select').selectOption('ru');
    await expect.poll(() => indicator.textContent()).toContain('Обновление отклонено: выпуск не подписан');
    await saveScreen(page, 'ru-update-refused-officer');
    expect(running.calls).not.toContain('update.install');
  });
});

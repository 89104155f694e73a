import { readFileSync } from 'node:fs';
import crypto from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildP12 } from '../../main/core/signing/certificates';
import { testCredentials } from '../fixtures/signing/credentials';
import { launchApp, type HarnessApp } from '../harness/app';
import { saveScreen } from './screens';

/**
 * Signing certificates end to end in Chromium over the real services: the
 * administrator reads the warning, creates the unit CA, issues a certificate
 * to an officer (password twice, the rule checked before sending) and exports
 * the CA certificate; the officer finds it under "Signing certificate" in the
 * user menu, where a national-PKI import with a wrong password is refused in
 * words. The same screens in Russian. The steps share one app and run in order.
 */

const ADMIN = { username: 'dilnoza', password: 'correct horse battery', displayName: 'Dilnoza Rahimova' };
const OFFICER = { username: 'jrahimov', password: 'officer login password', displayName: 'Ҷаҳонгир Раҳимов', role: 'officer' };
const CERT_PASSWORD = 'officer certificate pass';
/** What an officer's screens must never ask for (main would audit the refusal). */
const administratorChannels = ['signing.unitCa.create', 'signing.unitCa.issue', 'signing.credentials.list', 'users.list'];

const heading = (page: Page) => page.locator('main[data-section] h1');
const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const navButton = (page: Page, section: string) => page.locator(`nav button[data-section="${section}"]`);
const languageSelect = (page: Page) => page.locator('.language-switch select');
const caPanel = (page: Page) => page.getByTestId('unit-ca');
const issueForm = (page: Page) => page.getByTestId('issue-certificate');
const myCertificate = (page: Page) => page.getByTestId('my-certificate');

async function scrollToTop(page: Page): Promise<void> {
  await page.locator('main[data-section]').evaluate((element) => element.scrollTo(0, 0));
}

async function logInAs(app: HarnessApp, user: { username: string; password: string }, labels = { user: 'User name', password: 'Password' }): Promise<void> {
  await app.backend.services.invoke('session.logout', undefined);
  await app.reload();
  const { page } = app;
  await page.locator('.auth-screen[data-screen="login"]').waitFor();
  await field(page, labels.user).fill(user.username);
  await field(page, labels.password).fill(user.password);
  await page.keyboard.press('Enter');
  await heading(page).waitFor();
}

describe('signing certificates', () => {
  let app: HarnessApp;
  let page: Page;
  let officerId = 0;

  beforeAll(async () => {
    app = await launchApp({ viewport: { width: 1360, height: 900 } });
    page = app.page;
    const services = app.backend.services;
    const created = await services.invoke('setup.create', {
      unitName: 'PCU Dushanbe',
      country: 'TJ',
      locode: 'TJDYU',
      adminUsername: ADMIN.username,
      adminDisplayName: ADMIN.displayName,
      password: ADMIN.password,
    });
    if (!created.ok) throw new Error(`setup failed: ${JSON.stringify(created.error)}`);
    const added = await services.invoke('users.add', { username: OFFICER.username, displayName: OFFICER.displayName, role: OFFICER.role, password: OFFICER.password });
    if (!added.ok) throw new Error(`users.add failed: ${JSON.stringify(added.error)}`);
    officerId = (added.value as { id: number }).id;
    await logInAs(app, ADMIN);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('warns that the unit CA is local before the administrator creates it', async () => {
    await navButton(page, 'administration').click();
    await expect.poll(() => heading(page).textContent()).toBe('Administration');
    await tab(page, 'Signing').click();
    await caPanel(page).waitFor();
    expect(await page.getByTestId('unit-ca-warning').textContent()).toContain('It is NOT the national PKI');
    expect(await page.getByText('Create the unit certificate authority first.').count()).toBe(1);
    await saveScreen(page, 'en-signing-no-ca');

    await button(caPanel(page), 'Create unit certificate authority…').click();
    const confirm = caPanel(page).getByRole('alertdialog');
    expect(await confirm.textContent()).toContain('Create the local certificate authority of PCU Dushanbe?');
    await button(confirm, 'Create local CA').click();
    await page.getByTestId('unit-ca-facts').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('unit-ca-facts').textContent()).toContain('PCU Dushanbe local unit CA — not a national PKI');
    expect(await caPanel(page).locator('h2 .tag').textContent()).toBe('Local — not a national PKI');
    expect(await caPanel(page).getByRole('status').textContent()).toBe('The unit certificate authority was created.');
  });

  it('issues a certificate to an officer: password rule and repetition checked, then listed', async () => {
    const form = issueForm(page);
    await form.waitFor();
    const before = app.calls.length;
    await field(form, 'User').selectOption(String(officerId));
    await field(form, 'Certificate password').fill('short');
    await field(form, 'Certificate password again').fill('different');
    await button(form, 'Issue certificate').click();
    await expect.poll(() => form.locator('.field-error').count()).toBe(2);
    // Checked here: nothing was sent.
    expect(app.calls.slice(before)).not.toContain('signing.unitCa.issue');

    await field(form, 'Certificate password').fill(CERT_PASSWORD);
    await field(form, 'Certificate password again').fill(CERT_PASSWORD);
    await button(form, 'Issue certificate').click();
    const issued = page.getByTestId('certificate-issued');
    await issued.waitFor({ timeout: 30_000 });
    expect(await issued.textContent()).toContain(`Certificate issued to ${OFFICER.displayName} (${OFFICER.username})`);
    const holder = page.locator(`[data-testid="signing-holders"] tr[data-user-id="${officerId}"]`);
    await holder.waitFor();
    expect(await holder.textContent()).toContain('Unit CA (local)');
    // The form is empty again, ready for the next officer; the password is not left in it.
    expect(await field(form, 'Certificate password').inputValue()).toBe('');
    await scrollToTop(page);
    await saveScreen(page, 'en-signing-issued');
  });

  it('exports the CA certificate as a .pem file and as text to copy', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), button(caPanel(page), 'Download the CA certificate (.pem)').click()]);
    expect(download.suggestedFilename()).toBe('PCU-Dushanbe-unit-ca.pem');
    const saved = await download.path();
    const pem = readFileSync(saved, 'utf8');
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    const fingerprint = await page.getByTestId('unit-ca-facts').getByTestId('certificate-fingerprint').textContent();
    expect(new crypto.X509Certificate(pem).fingerprint256).toBe(fingerprint);

    await button(caPanel(page), 'Show the certificate text to copy').click();
    expect(await page.getByTestId('unit-ca-pem').inputValue()).toBe(pem);
  });

  it('shows the administration Signing tab in Russian', async () => {
    await languageSelect(page).selectOption('ru');
    await expect.poll(() => heading(page).textContent()).toBe('Администрирование');
    await expect.poll(() => tab(page, 'Подпись').getAttribute('aria-selected')).toBe('true');
    expect(await caPanel(page).locator('h2').textContent()).toContain('Удостоверяющий центр подразделения');
    expect(await caPanel(page).locator('h2 .tag').textContent()).toBe('Локальный — не национальный УЦ');
    expect(await issueForm(page).locator('h2').textContent()).toBe('Выпустить сертификат пользователю');
    await scrollToTop(page);
    await saveScreen(page, 'ru-signing-tab');
    await languageSelect(page).selectOption('en');
    await expect.poll(() => heading(page).textContent()).toBe('Administration');
  });

  it('lets the officer see the issued certificate and refuses a national P12 with a wrong password, in words', async () => {
    await logInAs(app, OFFICER);
    const before = app.calls.length;
    await button(page.locator('.user-menu'), 'Signing certificate').click();
    const dialog = myCertificate(page);
    await dialog.getByTestId('my-certificate-facts').waitFor();
    expect(await dialog.getByTestId('certificate-kind').textContent()).toBe('Unit CA (local)');
    expect(await dialog.getByTestId('my-certificate-facts').textContent()).toContain(`CN=${OFFICER.displayName}`);

    const p12 = buildP12(testCredentials().officer, 'national pki pass', 'Officer');
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'jrahimov.p12', mimeType: 'application/x-pkcs12', buffer: p12 });
    await field(dialog, 'Certificate password').fill('not the password');
    await button(dialog, 'Import certificate').click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Wrong password for the signing certificate. Nothing was signed.');
    expect(await field(dialog, 'Certificate password').inputValue()).toBe('');
    expect(await dialog.getByTestId('certificate-kind').textContent()).toBe('Unit CA (local)');
    await saveScreen(page, 'en-signing-my-certificate-wrong-password');
    expect(app.calls.slice(before).filter((channel) => administratorChannels.includes(channel))).toEqual([]);

    await languageSelect(page).selectOption('ru');
    await expect.poll(() => dialog.locator('h2').textContent()).toBe('Мой сертификат подписи');
    expect(await dialog.getByTestId('certificate-kind').textContent()).toBe('УЦ подразделения (локальный)');
    await saveScreen(page, 'ru-signing-my-certificate');

    // The right password: the national certificate replaces the one from the unit CA.
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'jrahimov.p12', mimeType: 'application/x-pkcs12', buffer: p12 });
    await field(dialog, 'Пароль сертификата').fill('national pki pass');
    await button(dialog, 'Импортировать сертификат').click();
    await expect.poll(() => dialog.getByTestId('certificate-kind').textContent()).toBe('Национальный УЦ');
    expect(await dialog.getByRole('status').textContent()).toBe('Сертификат импортирован.');
    expect(await dialog.getByTestId('certificate-fingerprint').textContent()).toBe(new crypto.X509Certificate(testCredentials().officer.certificate).fingerprint256);
    await languageSelect(page).selectOption('en').catch(() => {});
    expect(app.consoleErrors).toEqual([]);
  });
});

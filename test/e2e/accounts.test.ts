import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionKdf } from '../../main/core/vault/kdf';
import { launchApp, type HarnessApp } from '../harness/app';
import { fakeClock, manualTimers, type FakeClock, type ManualTimers } from '../harness/fake-time';
import { saveScreen } from './screens';

/**
 * Accounts end to end in Chromium over the real services: first-run setup,
 * the recovery key, login, the inactivity lock (on a fake clock), the
 * administration tabs, and an officer refused — in English and in Russian.
 * The steps of a describe share one app and run in order, as an officer's day does.
 */

const UNIT = 'PCU Dushanbe Dry Port';
const ADMIN = { username: 'dilnoza', displayName: 'Dilnoza Rahimova', password: 'correct horse battery' };
const ADMIN_NEW_PASSWORD = 'a longer passphrase 2026';
const OFFICER = { username: 'aziz', displayName: 'Aziz Karimov', password: 'officer first password' };
const OFFICER_RESET_PASSWORD = 'reset by the administrator';
/** What only an administrator or supervisor may call: an officer's screens must never ask. */
const privilegedChannels = ['users.list', 'users.add', 'users.setDisabled', 'users.resetPassword', 'unit.settings.set', 'audit.list', 'audit.verify', 'backup.create', 'db.check'];

const heading = (page: Page) => page.locator('main[data-section] h1');
const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });
const alertText = (scope: Page | Locator) => scope.getByRole('alert').textContent();
const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const navButton = (page: Page, section: string) => page.locator(`nav button[data-section="${section}"]`);
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const userMenu = (page: Page) => page.locator('.user-menu');
const languageSelect = (page: Page) => page.locator('.language-switch select');

async function waitForScreen(page: Page, screen: 'setup' | 'recovery' | 'login' | 'lock'): Promise<void> {
  await page.locator(`.auth-screen[data-screen="${screen}"]`).waitFor();
}

/** Nothing of the workstation may be in the DOM: not hidden, gone. */
async function expectNoWorkstation(page: Page): Promise<void> {
  expect(await page.locator('.workstation, nav, main[data-section], .data-table, .refusal, .user-menu').count()).toBe(0);
  expect(await page.content()).not.toContain('data-section');
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await field(page, await userNameLabel(page)).fill(username);
  await field(page, await passwordLabel(page)).fill(password);
  await page.keyboard.press('Enter');
  await heading(page).waitFor();
}

const userNameLabel = async (page: Page) => ((await page.locator('html').getAttribute('lang')) === 'ru' ? 'Имя пользователя' : 'User name');
const passwordLabel = async (page: Page) => ((await page.locator('html').getAttribute('lang')) === 'ru' ? 'Пароль' : 'Password');

describe('accounts and administration, in English then Russian', () => {
  let app: HarnessApp;
  let page: Page;
  let clock: FakeClock;
  let timers: ManualTimers;
  let backupTarget: string;

  beforeAll(async () => {
    clock = fakeClock('2026-03-02T08:00:00Z');
    timers = manualTimers();
    app = await launchApp({ clock: clock.now, timers });
    page = app.page;
    backupTarget = mkdtempSync(path.join(os.tmpdir(), 'pcu-backup-target-'));
  });

  afterAll(async () => {
    await app?.close();
    if (backupTarget) rmSync(backupTarget, { recursive: true, force: true });
  });

  it('checks the setup form on the client and highlights what main rejects', async () => {
    await waitForScreen(page, 'setup');
    expect(await page.locator('h1').textContent()).toBe('Set up this workstation');
    await saveScreen(page, 'en-setup');

    await field(page, 'Unit name').fill(UNIT);
    await field(page, 'Country').fill('tj');
    expect(await field(page, 'Country').inputValue()).toBe('TJ');
    await field(page, 'Port (UN/LOCODE)').fill('TJ1');
    await field(page, 'User name').fill(ADMIN.username);
    await field(page, 'Full name').fill(ADMIN.displayName);
    await field(page, 'Password').fill('short');
    await field(page, 'Repeat password').fill('different');
    await button(page, 'Create unit').click();

    await expect.poll(() => alertText(page)).toBe('Correct the highlighted fields.');
    const invalid = await page.locator('input[aria-invalid="true"]').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('name')));
    expect(invalid).toEqual(['locode', 'password', 'passwordConfirm']);
    expect(await page.locator('.field-error').allTextContents()).toEqual([
      'Enter two letters for the country and three letters or digits 2–9 for the place, e.g. TJDYU.',
      'The password must have at least 10 characters.',
      'The two passwords are not the same.',
    ]);
    // The first invalid field has the focus, and nothing went to main.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('locode');
    expect(app.calls).not.toContain('setup.create');
    await saveScreen(page, 'en-setup-errors');

    // A field main rejects (INVALID_INPUT, path[0]) is highlighted with its rule.
    await field(page, 'Port (UN/LOCODE)').fill('TJDYU');
    await field(page, 'Password').fill(ADMIN.password);
    await field(page, 'Repeat password').fill(ADMIN.password);
    app.faults.set('setup.create', {
      code: 'INVALID_INPUT',
      message: 'Invalid input for setup.create',
      details: { issues: [{ path: ['country'], message: 'Invalid string' }] },
    });
    await button(page, 'Create unit').click();
    await expect.poll(() => alertText(page)).toBe('Some of the information entered is not valid.');
    expect(await field(page, 'Country').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field.invalid .field-error').textContent()).toBe('Enter the two-letter ISO 3166 country code, e.g. TJ.');
    app.faults.clear();
  });

  it('creates the unit and shows the recovery key once, until the officer confirms storing it', async () => {
    await button(page, 'Create unit').click();
    await waitForScreen(page, 'recovery');
    const key = await page.getByTestId('recovery-key').textContent();
    expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    expect(await page.locator('.warning').textContent()).toContain('It is shown only once');
    expect(await page.locator('.auth-card').textContent()).toContain(UNIT);
    // Main has logged the administrator in already; the key stays on screen regardless.
    await expectNoWorkstation(page);
    const proceed = button(page, 'Continue');
    expect(await proceed.isDisabled()).toBe(true);
    await saveScreen(page, 'en-recovery-key');

    await page.getByLabel('I have stored the recovery key in a safe place').check();
    await proceed.click();
    await expect.poll(() => heading(page).textContent()).toBe('Targeting');
    expect(await page.getByTestId('session-user').textContent()).toBe(ADMIN.displayName);
    expect(await page.getByTestId('session-role').textContent()).toBe('Administrator');
    expect(await page.getByTestId('unit-name').textContent()).toBe(`${UNIT} · TJDYU`);
    expect(await page.getByTestId('recovery-key').count()).toBe(0);
  });

  it('logs out to the login screen, refuses a wrong password in words, and logs in', async () => {
    await button(userMenu(page), 'Log out').click();
    await waitForScreen(page, 'login');
    await expectNoWorkstation(page);
    expect(await page.title()).toBe('PCU Workstation — Log in');
    await saveScreen(page, 'en-login');

    await field(page, 'User name').fill(ADMIN.username);
    await field(page, 'Password').fill('not the password');
    await page.keyboard.press('Enter');
    await expect.poll(() => alertText(page)).toBe('Wrong password.');
    expect(await field(page, 'Password').inputValue()).toBe('');
    expect(await field(page, 'Password').getAttribute('aria-invalid')).toBe('true');
    await saveScreen(page, 'en-login-error');

    await field(page, 'User name').fill('nobody');
    await field(page, 'Password').fill('whatever it is');
    await page.keyboard.press('Enter');
    await expect.poll(() => alertText(page)).toBe('There is no user with this name on this workstation.');

    await logIn(page, ADMIN.username, ADMIN.password);
    await expect.poll(() => heading(page).textContent()).toBe('Targeting');
  });

  it('locks after the unit\'s inactivity limit: the workstation leaves the DOM until the password is given', async () => {
    await navButton(page, 'administration').click();
    await tab(page, 'Unit').click();
    const lockForm = page.getByTestId('lock-timeout');
    expect(await field(lockForm, 'Lock the screen after').inputValue()).toBe('10');
    await field(lockForm, 'Lock the screen after').fill('0');
    await button(lockForm, 'Save').click();
    await expect.poll(() => page.locator('.field-error').textContent()).toBe('Enter a whole number of minutes from 1 to 240.');
    await field(lockForm, 'Lock the screen after').fill('1');
    await button(lockForm, 'Save').click();
    await expect.poll(() => page.locator('.notice-success').textContent()).toBe('Saved: the screen now locks after 1 minute without activity.');
    await saveScreen(page, 'en-unit');

    // Fifty seconds idle: not yet.
    clock.advance(50_000);
    timers.fire();
    await page.waitForTimeout(100);
    expect(await heading(page).textContent()).toBe('Administration');

    clock.advance(11_000);
    timers.fire();
    await waitForScreen(page, 'lock');
    await expectNoWorkstation(page);
    expect(await page.getByTestId('lock-unit').textContent()).toBe(UNIT);
    expect(await page.getByTestId('lock-user').textContent()).toBe(ADMIN.displayName);
    await saveScreen(page, 'en-lock');

    await field(page, 'Password').fill('still not the password');
    await button(page, 'Unlock').click();
    await expect.poll(() => alertText(page)).toBe('Wrong password.');
    await saveScreen(page, 'en-lock-error');

    await field(page, 'Password').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    // Back where the officer was.
    await expect.poll(() => heading(page).textContent()).toBe('Administration');
  });

  it('adds an officer, refuses a duplicate, disables, enables and resets a password', async () => {
    await tab(page, 'Users').click();
    const add = page.getByTestId('add-user');
    await field(add, 'User name').fill(OFFICER.username);
    await field(add, 'Full name').fill(OFFICER.displayName);
    await field(add, 'Role').selectOption('officer');
    await field(add, 'Initial password').fill(OFFICER.password);
    await button(add, 'Add user').click();
    const row = page.locator(`tr[data-user="${OFFICER.username}"]`);
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(1, 4)).toEqual([OFFICER.displayName, 'Officer', 'Active']);
    // Local time, 24-hour clock, from the services' (fake) clock.
    expect(cells[4]).toMatch(/^2026-03-0[12] \d{2}:\d{2}$/);
    expect(await add.locator('.notice-success').textContent()).toContain(`${OFFICER.username} has been added`);
    expect(await field(add, 'User name').inputValue()).toBe('');
    await saveScreen(page, 'en-users');

    await field(add, 'User name').fill(OFFICER.username.toUpperCase());
    await field(add, 'Full name').fill('Someone Else');
    await field(add, 'Initial password').fill('another long password');
    await button(add, 'Add user').click();
    await expect.poll(() => alertText(add)).toBe('A user with this name already exists.');
    expect(await field(add, 'User name').getAttribute('aria-invalid')).toBe('true');

    await button(row, 'Disable').click();
    await expect.poll(() => row.locator('.status').textContent()).toBe('Disabled');
    await button(row, 'Enable').click();
    await expect.poll(() => row.locator('.status').textContent()).toBe('Active');

    await button(row, 'Reset password').click();
    const reset = page.getByTestId('reset-password');
    await field(reset, 'New password').fill(OFFICER_RESET_PASSWORD);
    await field(reset, 'Repeat new password').fill(OFFICER_RESET_PASSWORD);
    await button(reset, 'Set password').click();
    await expect.poll(() => page.locator('.notice-success').first().textContent()).toBe(
      `The password of ${OFFICER.username} has been reset. Hand it over in person.`,
    );
    expect(await reset.count()).toBe(0);
  });

  it('lists and filters the audit trail and verifies its chain', async () => {
    await tab(page, 'Audit trail').click();
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    const actions = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    const all = await actions();
    for (const action of ['unit.setup', 'user.add', 'session.login', 'session.logout', 'session.lock', 'session.unlock-failed', 'session.unlock', 'unit.settings', 'user.disable', 'user.enable', 'user.password-reset']) {
      expect(all).toContain(action);
    }
    expect(await table.locator('tbody tr[data-action="session.lock"] td').nth(3).textContent()).toBe('Screen locked');
    // Times are local, 24-hour, from the services' clock.
    expect(await table.locator('tbody tr[data-action="unit.setup"] td').nth(1).textContent()).toMatch(/^2026-03-0[12] \d{2}:\d{2}:\d{2}$/);

    await button(page, 'Verify chain').click();
    await expect.poll(() => page.getByTestId('audit-verdict').textContent()).toMatch(
      /^The audit trail is intact: \d+ entries checked, none altered, removed or reordered\.$/,
    );
    await expect.poll(actions).toContain('audit.verify');
    await saveScreen(page, 'en-audit');

    const filter = page.getByTestId('audit-filter');
    await field(filter, 'Action').selectOption('session.');
    await button(filter, 'Show').click();
    await expect.poll(async () => (await actions()).every((action) => action?.startsWith('session.'))).toBe(true);
    await field(filter, 'User').fill('nobody-at-all');
    await button(filter, 'Show').click();
    await expect.poll(() => table.locator('tbody').textContent()).toBe('No entries match this filter.');
    await button(filter, 'Clear').click();
    await expect.poll(async () => (await actions()).length).toBeGreaterThan(10);
  });

  it('writes a backup with SHA-256 sums and checks the database', async () => {
    await tab(page, 'Backup and database').click();
    await field(page, 'Target folder').fill(path.join(backupTarget, 'not-there'));
    await button(page, 'Create backup').click();
    await expect.poll(() => alertText(page)).toContain('The backup cannot be written there');
    expect(await field(page, 'Target folder').getAttribute('aria-invalid')).toBe('true');

    await field(page, 'Target folder').fill(backupTarget);
    await button(page, 'Create backup').click();
    const result = page.getByTestId('backup-result');
    await result.waitFor();
    const [folder] = readdirSync(backupTarget);
    expect(folder).toMatch(/^pcu-backup-/);
    expect(await result.textContent()).toContain(path.join(backupTarget, folder ?? ''));
    const sums = await result.locator('code.hash').allTextContents();
    expect(sums.length).toBeGreaterThanOrEqual(2);
    for (const sum of sums) expect(sum).toMatch(/^[0-9a-f]{64}$/);

    await button(page, 'Check database').click();
    await expect.poll(() => page.getByTestId('dbcheck-result').textContent()).toBe('No problems found.');
    await saveScreen(page, 'en-backup');
  });

  it('changes one\'s own password in a dialog', async () => {
    await button(userMenu(page), 'Change password').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await field(dialog, 'Current password').fill('not my password');
    await field(dialog, 'New password').fill(ADMIN_NEW_PASSWORD);
    await field(dialog, 'Repeat new password').fill(ADMIN_NEW_PASSWORD);
    await saveScreen(page, 'en-change-password');
    await button(dialog, 'Change password').click();
    await expect.poll(() => alertText(dialog)).toBe('Wrong password.');
    expect(await field(dialog, 'Current password').getAttribute('aria-invalid')).toBe('true');

    await field(dialog, 'Current password').fill(ADMIN.password);
    await button(dialog, 'Change password').click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Your password has been changed. Use the new one from now on.');
    await button(dialog, 'Close').click();
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('shows an officer a refusal in Administration without calling any administrator channel', async () => {
    await button(userMenu(page), 'Log out').click();
    await waitForScreen(page, 'login');
    await field(page, 'User name').fill(OFFICER.username);
    await field(page, 'Password').fill(OFFICER.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => alertText(page)).toBe('Wrong password.');
    const before = app.calls.length;
    await logIn(page, OFFICER.username, OFFICER_RESET_PASSWORD);
    expect(await page.getByTestId('session-role').textContent()).toBe('Officer');

    // Navigation still lists Administration for everyone.
    await navButton(page, 'administration').click();
    const refusal = page.getByTestId('administration-refused');
    await refusal.waitFor();
    expect(await refusal.locator('h2').textContent()).toBe('Refused: your role does not allow this');
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(app.calls.slice(before).filter((channel) => privilegedChannels.includes(channel))).toEqual([]);
    await saveScreen(page, 'en-officer-refused');
  });

  it('speaks Russian on the refusal, lock and login screens', async () => {
    await languageSelect(page).selectOption('ru');
    await expect.poll(() => page.getByTestId('administration-refused').locator('h2').textContent()).toBe('Отказано: ваша роль не даёт такого права');
    expect(await page.getByTestId('session-role').textContent()).toBe('Инспектор');
    await saveScreen(page, 'ru-officer-refused');

    await button(userMenu(page), 'Заблокировать').click();
    await waitForScreen(page, 'lock');
    await expectNoWorkstation(page);
    expect(await page.locator('h1').textContent()).toBe('Сеанс заблокирован');
    expect(await page.locator('.auth-card').textContent()).toContain('Материалы дел скрыты');
    expect(await page.getByTestId('lock-user').textContent()).toBe(OFFICER.displayName);
    await saveScreen(page, 'ru-lock');
    await field(page, 'Пароль').fill('неверный пароль');
    await button(page, 'Разблокировать').click();
    await expect.poll(() => alertText(page)).toBe('Неверный пароль.');
    await saveScreen(page, 'ru-lock-error');

    await button(page, 'Выйти из системы').click();
    await waitForScreen(page, 'login');
    expect(await page.locator('h1').textContent()).toBe('Вход в систему');
    expect(await button(page, 'Войти').count()).toBe(1);
    await saveScreen(page, 'ru-login');
    await field(page, 'Имя пользователя').fill(ADMIN.username);
    await field(page, 'Пароль').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => alertText(page)).toBe('Неверный пароль.');
    await saveScreen(page, 'ru-login-error');
  });

  it('shows the administration tabs in Russian', async () => {
    await logIn(page, ADMIN.username, ADMIN_NEW_PASSWORD);
    await navButton(page, 'administration').click();
    await expect.poll(() => heading(page).textContent()).toBe('Администрирование');
    await page.locator(`tr[data-user="${OFFICER.username}"]`).waitFor();
    expect(await page.locator(`tr[data-user="${OFFICER.username}"] .status`).textContent()).toBe('Действует');
    await saveScreen(page, 'ru-users');

    await tab(page, 'Журнал аудита').click();
    await page.getByTestId('audit-table').waitFor();
    await button(page, 'Проверить цепочку').click();
    await expect.poll(() => page.getByTestId('audit-verdict').textContent()).toMatch(/^Журнал аудита не нарушен: проверено записей — \d+;/);
    expect(await page.locator('tbody tr[data-action="access.denied"]').count()).toBe(0);
    expect(await page.getByTestId('audit-table').textContent()).toContain('Смена пароля');
    await saveScreen(page, 'ru-audit');

    await tab(page, 'Резервное копирование').click();
    // A backup folder is named after the time; the first one was written at this same fake instant.
    clock.advance(5_000);
    await field(page, 'Папка назначения').fill(backupTarget);
    await button(page, 'Создать резервную копию').click();
    await page.getByTestId('backup-result').waitFor();
    await button(page, 'Проверить базу данных').click();
    await expect.poll(() => page.getByTestId('dbcheck-result').textContent()).toBe('Неполадок не обнаружено.');
    await saveScreen(page, 'ru-backup');

    await tab(page, 'Группа').click();
    await saveScreen(page, 'ru-unit');

    await button(userMenu(page), 'Сменить пароль').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await field(dialog, 'Новый пароль').fill('short');
    await button(dialog, 'Сменить пароль').click();
    await expect.poll(() => alertText(dialog)).toBe('Исправьте выделенные поля.');
    await saveScreen(page, 'ru-change-password');
    await button(dialog, 'Отмена').click();
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('first-run setup in Russian', () => {
  let app: HarnessApp;

  beforeAll(async () => {
    app = await launchApp();
    // Chosen before the page starts, as on a Russian-language desktop.
    await app.backend.services.invoke('settings.set', { language: 'ru' });
    await app.reload();
    await waitForScreen(app.page, 'setup');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the wizard and the recovery key warning in Russian', async () => {
    const { page } = app;
    await expect.poll(() => page.locator('h1').textContent()).toBe('Первоначальная настройка рабочего места');
    await saveScreen(page, 'ru-setup');
    await button(page, 'Создать группу').click();
    await expect.poll(() => alertText(page)).toBe('Исправьте выделенные поля.');
    expect(await page.locator('.field-error').first().textContent()).toBe('Заполните это поле.');
    await saveScreen(page, 'ru-setup-errors');

    await field(page, 'Наименование группы').fill('Группа контроля порта Душанбе');
    await field(page, 'Страна').fill('TJ');
    await field(page, 'Порт (UN/LOCODE)').fill('TJDYU');
    await field(page, 'Имя пользователя').fill('фаррух');
    await field(page, 'Фамилия и имя').fill('Фаррух Назаров');
    await field(page, 'Пароль').fill('длинная парольная фраза');
    await field(page, 'Повторите пароль').fill('длинная парольная фраза');
    await button(page, 'Создать группу').click();
    await waitForScreen(page, 'recovery');
    expect(await page.locator('.warning').textContent()).toContain('Ключ показывается только один раз');
    expect(await button(page, 'Продолжить').isDisabled()).toBe(true);
    await saveScreen(page, 'ru-recovery-key');
    await page.getByLabel('Ключ восстановления сохранён в надёжном месте').check();
    await button(page, 'Продолжить').click();
    await expect.poll(() => heading(page).textContent()).toBe('Отбор');
    expect(await page.getByTestId('session-user').textContent()).toBe('Фаррух Назаров');
  });
});

describe('activity', () => {
  it('tells main the officer is working at most once per 30 s, which postpones the lock', async () => {
    const clock = fakeClock('2026-03-02T08:00:00Z');
    const timers = manualTimers();
    const app = await launchApp({ clock: clock.now, timers });
    try {
      const { page } = app;
      await app.backend.services.invoke('setup.create', {
        unitName: UNIT,
        country: 'TJ',
        locode: 'TJDYU',
        adminUsername: ADMIN.username,
        adminDisplayName: ADMIN.displayName,
        password: ADMIN.password,
      });
      await app.backend.services.invoke('unit.settings.set', { lockAfterMinutes: 1 });
      // The page's own clock too: the 30-second spacing is measured in the renderer.
      await page.clock.install();
      await app.reload();
      await heading(page).waitFor();
      const touches = () => app.calls.filter((channel) => channel === 'session.touch').length;
      const wiggle = async () => {
        for (let step = 0; step < 5; step += 1) await page.mouse.move(100 + step * 40, 300);
        await page.keyboard.press('Shift');
      };

      await wiggle();
      expect(touches()).toBe(0);
      await page.clock.fastForward(31_000);
      await wiggle();
      await expect.poll(touches).toBe(1);
      await wiggle();
      expect(touches()).toBe(1);

      // 50 s idle in main, the touch, 50 s more: 100 s since login but only 50 s since the officer worked.
      clock.advance(50_000);
      await page.clock.fastForward(31_000);
      await wiggle();
      await expect.poll(touches).toBe(2);
      clock.advance(50_000);
      timers.fire();
      await page.waitForTimeout(100);
      expect(await heading(page).textContent()).toBe('Targeting');

      clock.advance(11_000);
      timers.fire();
      await waitForScreen(page, 'lock');
    } finally {
      await app.close();
    }
  });
});

describe('failed-login back-off', () => {
  it('says how long to wait, in words, and lets the officer in once the wait is over', async () => {
    const clock = fakeClock('2026-03-02T08:00:00Z');
    const app = await launchApp({ clock: clock.now });
    try {
      const { page } = app;
      await app.backend.services.invoke('setup.create', {
        unitName: UNIT,
        country: 'TJ',
        locode: 'TJDYU',
        adminUsername: ADMIN.username,
        adminDisplayName: ADMIN.displayName,
        password: ADMIN.password,
      });
      await app.backend.services.invoke('session.logout', undefined);
      await waitForScreen(page, 'login');
      await field(page, 'User name').fill(ADMIN.username);
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        await field(page, 'Password').fill(`wrong guess number ${attempt}`);
        await page.keyboard.press('Enter');
        await expect.poll(() => alertText(page)).toBe('Wrong password.');
        await field(page, 'Password').fill('');
      }
      await field(page, 'Password').fill(ADMIN.password);
      await page.keyboard.press('Enter');
      await expect.poll(() => alertText(page)).toBe('Too many failed attempts. Try again in 2 seconds.');
      await languageSelect(page).selectOption('ru');
      await expect.poll(() => alertText(page)).toBe('Слишком много неудачных попыток. Повторите через 2 с.');

      clock.advance(2_000);
      await logIn(page, ADMIN.username, ADMIN.password);
      expect(await heading(page).textContent()).toBe('Отбор');
    } finally {
      await app.close();
    }
  });
});

describe('training start', () => {
  it('offers the demo unit and hands out its accounts with passwords generated for it', async () => {
    const app = await launchApp({ demo: true });
    try {
      const { page } = app;
      await waitForScreen(page, 'setup');
      await saveScreen(page, 'en-setup-demo');
      await button(page, 'Create demo unit').click();
      const accounts = page.getByTestId('demo-accounts');
      await accounts.waitFor();
      expect(await accounts.locator('tbody tr td:first-child').allTextContents()).toEqual(['admin', 'supervisor', 'officer']);
      // Each account has its own generated password, shown only here.
      const passwords = await accounts.locator('tbody tr td:nth-child(2)').allTextContents();
      expect(new Set(passwords).size).toBe(3);
      for (const password of passwords) expect(password).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await saveScreen(page, 'en-demo-accounts');
      await button(page, 'Continue').click();
      await expect.poll(() => heading(page).textContent()).toBe('Targeting');
      expect(await page.getByTestId('session-role').textContent()).toBe('Administrator');
    } finally {
      await app.close();
    }
  });
});

describe('with the production Argon2id cost', () => {
  it('shows that the password is being checked while it is', async () => {
    const app = await launchApp({ kdf: productionKdf });
    try {
      const { page } = app;
      const created = await app.backend.services.invoke('setup.create', {
        unitName: UNIT,
        country: 'TJ',
        locode: 'TJDYU',
        adminUsername: ADMIN.username,
        adminDisplayName: ADMIN.displayName,
        password: ADMIN.password,
      });
      expect(created.ok).toBe(true);
      await app.backend.services.invoke('session.logout', undefined);
      await waitForScreen(page, 'login');
      await field(page, 'User name').fill(ADMIN.username);
      await field(page, 'Password').fill(ADMIN.password);
      await page.keyboard.press('Enter');
      const busy = page.locator('button[type="submit"].busy');
      await busy.waitFor();
      expect(await busy.textContent()).toBe('Checking the password…');
      expect(await busy.isDisabled()).toBe(true);
      expect(await field(page, 'Password').isDisabled()).toBe(true);
      await heading(page).waitFor({ timeout: 20_000 });
      expect(await page.locator('.auth-screen').count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchApp, type HarnessApp } from '../harness/app';
import { saveScreen } from './screens';

const version = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string })
  .version;

const sections = ['targeting', 'manifests', 'cases', 'reports', 'exchange', 'administration', 'about'] as const;
const titles = {
  en: ['Targeting', 'Manifests', 'Cases', 'Reports', 'Exchange', 'Administration', 'About'],
  ru: ['Отбор', 'Манифесты', 'Дела', 'Отчёты', 'Обмен', 'Администрирование', 'О программе'],
} as const;

const heading = (page: Page) => page.locator('main h1');
const navButton = (page: Page, section: string) => page.locator(`nav button[data-section="${section}"]`);

let app: HarnessApp;

beforeEach(async () => {
  app = await launchApp();
  // The shell sits behind the session gate: set up a unit (its administrator
  // stays logged in) and reload, so the workstation is what the page shows.
  const created = await app.backend.services.invoke('setup.create', {
    unitName: 'PCU Dushanbe',
    country: 'TJ',
    locode: 'TJDYU',
    adminUsername: 'dilnoza',
    adminDisplayName: 'Dilnoza Rahimova',
    password: 'correct horse battery',
  });
  if (!created.ok) throw new Error(`setup failed: ${JSON.stringify(created.error)}`);
  await app.reload();
  await heading(app.page).waitFor();
});

afterEach(async () => {
  await app?.close();
});

describe('app shell in Chromium over the real services', () => {
  it('opens every section from the navigation, in English', async () => {
    const { page } = app;
    for (const [index, section] of sections.entries()) {
      await navButton(page, section).click();
      await expect.poll(() => heading(page).textContent()).toBe(titles.en[index]);
      expect(await navButton(page, section).getAttribute('aria-current')).toBe('page');
      if (section === 'about') await page.getByTestId('about-version').waitFor();
      await saveScreen(page, `en-${section}`);
    }
    expect(app.consoleErrors).toEqual([]);
  });

  it('switches to Russian, and the choice survives a reload and is stored in the data directory', async () => {
    const { page } = app;
    await page.locator('.language-switch select').selectOption('ru');
    await expect.poll(() => navButton(page, 'targeting').locator('.nav-title').textContent()).toBe('Отбор');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');

    await app.reload();
    await heading(page).waitFor();
    expect(await heading(page).textContent()).toBe('Отбор');
    const stored = JSON.parse(readFileSync(path.join(app.backend.dataDir, 'settings.json'), 'utf8')) as unknown;
    expect(stored).toEqual({ language: 'ru' });

    for (const [index, section] of sections.entries()) {
      await navButton(page, section).click();
      await expect.poll(() => heading(page).textContent()).toBe(titles.ru[index]);
      if (section === 'about') await page.getByTestId('about-version').waitFor();
      await saveScreen(page, `ru-${section}`);
    }
    expect(await page.locator('main').textContent()).toContain('Каталог данных');
  });

  it('shows the version and data directory that main reports on the About page', async () => {
    const { page } = app;
    await navButton(page, 'about').click();
    await expect.poll(() => page.getByTestId('about-version').textContent()).toBe(version);
    expect(await page.locator('main').textContent()).toContain(app.backend.dataDir);
  });

  it('moves between sections with the keyboard', async () => {
    const { page } = app;
    await page.keyboard.press('Control+3');
    await expect.poll(() => heading(page).textContent()).toBe('Cases');
    await navButton(page, 'cases').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => heading(page).textContent()).toBe('Reports');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-section'))).toBe('reports');
    await page.keyboard.press('End');
    await expect.poll(() => heading(page).textContent()).toBe('About');
    await page.keyboard.press('Home');
    await expect.poll(() => heading(page).textContent()).toBe('Targeting');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => heading(page).textContent()).toBe('About');
  });

  it('follows a language change made outside the page (the menu) without a reload', async () => {
    const { page } = app;
    const changed = await app.backend.services.invoke('settings.set', { language: 'ru' });
    expect(changed.ok).toBe(true);
    await expect.poll(() => heading(page).textContent()).toBe('Отбор');
  });

  it('opens the section the application menu asks for', async () => {
    const { page } = app;
    app.backend.services.events.emit('app.navigate', { section: 'about' });
    await expect.poll(() => heading(page).textContent()).toBe('About');
    expect(await navButton(page, 'about').getAttribute('aria-current')).toBe('page');
  });

  it('shows a translated error in the section that failed and recovers on retry', async () => {
    const { page } = app;
    app.faults.set('app.info', { code: 'INTERNAL', message: 'disk on fire' });
    await navButton(page, 'about').click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('This screen could not be shown');
    expect(await alert.textContent()).toContain('An internal error occurred');
    await saveScreen(page, 'en-about-error');

    // The rest of the workstation still works, and the message follows the language.
    await page.locator('.language-switch select').selectOption('ru');
    await expect.poll(() => alert.textContent()).toContain('Не удалось показать этот экран');
    await saveScreen(page, 'ru-about-error');

    app.faults.clear();
    await alert.getByRole('button').click();
    await expect.poll(() => page.getByTestId('about-version').textContent()).toBe(version);
    app.consoleErrors.length = 0; // the boundary logs the failure on purpose
  });

  it('runs under the production CSP with only {invoke, on} exposed', async () => {
    const { page } = app;
    const exposed = await page.evaluate(() => ({
      api: Object.keys(window.api ?? {}).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ api: ['invoke', 'on'], require: 'undefined', process: 'undefined' });

    // connect-src 'none': the renderer cannot reach any network, not even its own server.
    const fetched = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'reached';
      } catch {
        return 'blocked';
      }
    }, app.url);
    expect(fetched).toBe('blocked');
    expect(app.consoleErrors.some((text) => text.includes('Content Security Policy'))).toBe(true);
    app.consoleErrors.length = 0;

    const unknown = await page.evaluate(() => window.api?.invoke('vault.dumpKeys'));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});

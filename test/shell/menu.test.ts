import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../main/core/services';
import { buildMenuTemplate, installApplicationMenu, type MenuActions } from '../../main/electron/menu';
import type { EventName } from '../../shared/ipc/contract';
import { fake, type FakeMenu } from '../fakes/electron';
import { tempDataDir } from './support';

const noop: MenuActions = { isDev: false, onLanguage: () => {}, onAbout: () => {} };

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const items = item?.submenu;
  if (!Array.isArray(items)) throw new Error(`${item?.label ?? 'item'} has no submenu array`);
  return items as MenuItemConstructorOptions[];
}

const allItems = (template: MenuItemConstructorOptions[]) => template.flatMap((top) => [top, ...submenu(top)]);
const roles = (template: MenuItemConstructorOptions[]) => allItems(template).map((item) => item.role).filter(Boolean);
const topLabels = (menu: FakeMenu | null | undefined) => menu?.template.map((item) => item.label);

function click(item: MenuItemConstructorOptions | undefined): void {
  if (item?.click === undefined) throw new Error(`${item?.label ?? 'item'} has no click`);
  // The menu's own handlers ignore their arguments; Electron passes (menuItem, window, keyboardEvent).
  (item.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Language and Help in English', () => {
    expect(buildMenuTemplate('en', noop).map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Language', 'Help']);
  });

  it('is in Russian when the language is ru', () => {
    const template = buildMenuTemplate('ru', noop);
    expect(template.map((item) => item.label)).toEqual(['Файл', 'Правка', 'Вид', 'Язык', 'Справка']);
    expect(submenu(template[0])[0]).toMatchObject({ label: 'Выход', role: 'quit' });
  });

  it('has no Reload or DevTools in production', () => {
    const production = roles(buildMenuTemplate('en', { ...noop, isDev: false }));
    expect(production).not.toContain('toggleDevTools');
    expect(production).not.toContain('reload');
    expect(production).not.toContain('forceReload');
    expect(production).toEqual(expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('has Reload and DevTools in development', () => {
    expect(roles(buildMenuTemplate('en', { ...noop, isDev: true }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('offers each language as a radio item named in itself, the current one checked', () => {
    const onLanguage = vi.fn();
    const items = submenu(buildMenuTemplate('ru', { ...noop, onLanguage })[3]);
    expect(items.map(({ label, type, checked }) => ({ label, type, checked }))).toEqual([
      { label: 'English', type: 'radio', checked: false },
      { label: 'Русский', type: 'radio', checked: true },
    ]);
    click(items[0]);
    expect(onLanguage).toHaveBeenCalledWith('en');
  });

  it('calls onAbout from Help', () => {
    const onAbout = vi.fn();
    const help = submenu(buildMenuTemplate('en', { ...noop, onAbout })[4]);
    expect(help[0]?.label).toBe('About PCU Workstation');
    click(help[0]);
    expect(onAbout).toHaveBeenCalledOnce();
  });
});

describe('installApplicationMenu', () => {
  let data: ReturnType<typeof tempDataDir>;
  let services: Services;
  beforeEach(() => {
    fake.reset();
    data = tempDataDir();
    services = createServices({ dataDir: data.dataDir, appVersion: '0.0.0', locale: 'en-US' });
  });
  afterEach(async () => {
    await services.close();
    data.cleanup();
  });

  it('sets the application menu and rebuilds it in Russian after settings.set', async () => {
    installApplicationMenu(services, { language: 'en', isDev: false });
    expect(fake.applicationMenus).toHaveLength(1);
    expect(topLabels(fake.applicationMenus.at(-1))).toContain('File');

    const result = await services.invoke('settings.set', { language: 'ru' });
    expect(result.ok).toBe(true);
    expect(fake.applicationMenus).toHaveLength(2);
    expect(topLabels(fake.applicationMenus.at(-1))).toEqual(['Файл', 'Правка', 'Вид', 'Язык', 'Справка']);
  });

  it('changes the language through settings.set when a Language item is clicked', async () => {
    installApplicationMenu(services, { language: 'en', isDev: false });
    const menu = fake.applicationMenus.at(-1);
    click(submenu(menu?.template[3])[1]);
    await vi.waitFor(() => expect(topLabels(fake.applicationMenus.at(-1))).toContain('Файл'));
    expect(await services.settings.read()).toEqual({ language: 'ru' });
  });

  it('asks the renderer to open About through the app.navigate event', () => {
    const seen: Array<[EventName, unknown]> = [];
    services.events.subscribe((event, payload) => seen.push([event, payload]));
    installApplicationMenu(services, { language: 'en', isDev: false });
    click(submenu(fake.applicationMenus.at(-1)?.template[4])[0]);
    expect(seen).toEqual([['app.navigate', { section: 'about' }]]);
  });

  it('stops rebuilding once removed', async () => {
    const remove = installApplicationMenu(services, { language: 'en', isDev: false });
    remove();
    await services.invoke('settings.set', { language: 'ru' });
    expect(fake.applicationMenus).toHaveLength(1);
  });
});

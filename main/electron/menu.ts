import { Menu, type MenuItemConstructorOptions } from 'electron';
import { languages, translate, type Language } from '../../shared/i18n';
import { events } from '../../shared/ipc/contract';
import { describeError, silentLog, type Log } from '../core/log';
import type { Services } from '../core/services';

export interface MenuActions {
  /** Development mode: adds Reload and Developer tools. Never in a packaged build. */
  readonly isDev: boolean;
  readonly onLanguage: (language: Language) => void;
  readonly onAbout: () => void;
}

/**
 * Pure: the application menu in the officer's language. Edit and View items
 * use Electron roles (they act on the focused page and need no IPC). Reload
 * and DevTools exist only in development: in production, reload would drop
 * unsaved examination notes, and DevTools is a console into the renderer.
 */
export function buildMenuTemplate(language: Language, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const developerItems: MenuItemConstructorOptions[] = actions.isDev
    ? [{ label: t('menu.reload'), role: 'reload' }, { label: t('menu.toggleDevTools'), role: 'toggleDevTools' }, separator]
    : [];

  return [
    { label: t('menu.file'), submenu: [{ label: t('menu.quit'), role: 'quit' }] },
    {
      label: t('menu.edit'),
      submenu: [
        { label: t('menu.undo'), role: 'undo' },
        { label: t('menu.redo'), role: 'redo' },
        separator,
        { label: t('menu.cut'), role: 'cut' },
        { label: t('menu.copy'), role: 'copy' },
        { label: t('menu.paste'), role: 'paste' },
        { label: t('menu.selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        ...developerItems,
        { label: t('menu.resetZoom'), role: 'resetZoom' },
        { label: t('menu.zoomIn'), role: 'zoomIn' },
        { label: t('menu.zoomOut'), role: 'zoomOut' },
        separator,
        { label: t('menu.fullscreen'), role: 'togglefullscreen' },
      ],
    },
    {
      label: t('menu.language'),
      submenu: languages.map(
        (option): MenuItemConstructorOptions => ({
          // Each language names itself ("Русский" in the English menu too): the reader may not know the other.
          label: translate(option, `language.${option}`),
          type: 'radio',
          checked: option === language,
          click: () => actions.onLanguage(option),
        }),
      ),
    },
    { label: t('menu.help'), submenu: [{ label: t('menu.about'), click: () => actions.onAbout() }] },
  ];
}

export function applyMenu(language: Language, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(language, actions)));
}

/**
 * Shows the menu and keeps it in the current language: rebuilt whenever
 * `settings.changed` is emitted, whether the change came from the page or from
 * the menu's own Language items. Returns the unsubscribe function.
 */
export function installApplicationMenu(
  services: Pick<Services, 'invoke' | 'events'>,
  options: { readonly language: Language; readonly isDev: boolean; readonly log?: Log },
): () => void {
  const log = options.log ?? silentLog;
  const actions: MenuActions = {
    isDev: options.isDev,
    onLanguage: (language) => {
      // Through the same contract call as the page, so the change is validated, persisted and announced once.
      services.invoke('settings.set', { language }).then(
        (result) => {
          if (!result.ok) log.error('menu language change failed', { code: result.error.code });
        },
        (error: unknown) => log.error('menu language change failed', describeError(error)),
      );
    },
    onAbout: () => services.events.emit('app.navigate', { section: 'about' }),
  };

  applyMenu(options.language, actions);
  return services.events.subscribe((event, payload) => {
    if (event !== 'settings.changed') return;
    // The bus's payload type is not narrowed by the event name; parse rather than cast.
    const settings = events['settings.changed'].payload.safeParse(payload);
    if (settings.success) applyMenu(settings.data.language, actions);
  });
}

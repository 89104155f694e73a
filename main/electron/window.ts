import { BrowserWindow, type BrowserWindowConstructorOptions, type Session } from 'electron';
import { describeError, silentLog, type Log } from '../core/log';
import { APP_ENTRY_URL } from './app-origin';

/**
 * Development mode turns on DevTools and the Reload menu entry. Both
 * conditions, so a packaged build can never be switched into it by an
 * environment variable on an officer's machine.
 */
export function isDevelopment(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  return !isPackaged && env.PCU_DEV === '1';
}

export interface MainWindowSettings {
  readonly preload: string;
  readonly isDev: boolean;
  /** The session whose app:// handler and permission table the window must use. */
  readonly session?: Session;
}

/**
 * Pure: the options of the one window. Each webPreferences entry is stated
 * even where it equals Electron's current default, so a changed default or a
 * careless edit shows up in review and in test/shell.
 */
export function mainWindowOptions(settings: MainWindowSettings): BrowserWindowConstructorOptions {
  return {
    title: 'PCU Workstation',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    // Shown on ready-to-show: no white flash, no half-drawn window.
    show: false,
    webPreferences: {
      // The page and the preload live in separate JavaScript worlds; the page sees only window.api.
      contextIsolation: true,
      // The renderer process is OS-sandboxed; the preload gets only a minimal require('electron').
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // The spellchecker downloads dictionaries from Google: the app opens no network connections.
      spellcheck: false,
      devTools: settings.isDev,
      preload: settings.preload,
      ...(settings.session ? { session: settings.session } : {}),
    },
  };
}

export interface CreateMainWindowOptions extends MainWindowSettings {
  readonly log?: Log;
}

/**
 * Creates the window and loads the app from app:// (never from a file: URL). Navigation
 * and window.open are hardened through `web-contents-created` in app-shell,
 * which fires for this window's webContents too.
 */
export function createMainWindow(options: CreateMainWindowOptions): BrowserWindow {
  const log = options.log ?? silentLog;
  const window = new BrowserWindow(mainWindowOptions(options));
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) => {
    log.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log.error('loading the app failed', describeError(error)));
  return window;
}

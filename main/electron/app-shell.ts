import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, ipcMain, session, type BrowserWindow } from 'electron';
import { languageFromLocale, type Language } from '../../shared/i18n';
import { consoleLog, describeError, silentLog, type Log } from '../core/log';
import { createServices, type Services } from '../core/services';
import { builtPaths } from './app-origin';
import { bindIpc } from './ipc';
import { installApplicationMenu } from './menu';
import { installPermissionHandlers } from './permissions';
import { registerAppScheme, serveRenderer } from './protocol';
import { electronReportPrinter } from './report-printer';
import { hardenWebContents } from './security';
import { electronUpdateWiring } from './updater';
import { createMainWindow, isDevelopment } from './window';

export interface StartAppOptions {
  /** Environment for the development switch; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Log sink; by default a file under `<userData>/logs/` plus stderr. */
  readonly log?: Log;
  /** Where uncaught errors are caught; `process` by default (tests pass an emitter of their own). */
  readonly processEvents?: Pick<NodeJS.EventEmitter, 'on'>;
}

export interface RunningApp {
  readonly services: Services;
  readonly isDev: boolean;
  mainWindow(): BrowserWindow | null;
}

/**
 * Appends JSON lines to `<dataDir>/logs/main.log`; an unpackaged app mirrors
 * them on stderr for the developer. A packaged Windows app has no console, so
 * the file is what support reads. Hazard: stderr may be a closed pipe there,
 * and a write error would come back as an uncaught exception that is logged
 * again, so the packaged app never writes to it. Write errors are dropped:
 * logging must never take the app down.
 */
function createAppLog(dataDir: string, mirrorToStderr: boolean): Log {
  try {
    const dir = path.join(dataDir, 'logs');
    mkdirSync(dir, { recursive: true });
    const stream = createWriteStream(path.join(dir, 'main.log'), { flags: 'a', mode: 0o600 });
    stream.on('error', () => {});
    return consoleLog((line) => {
      stream.write(`${line}\n`);
      if (mirrorToStderr) process.stderr.write(`${line}\n`);
    });
  } catch {
    return mirrorToStderr ? consoleLog() : silentLog;
  }
}

/**
 * Starts the shell: every Electron switch that must be set before `ready`,
 * then the services, the app:// protocol, permissions, IPC, the window and the
 * menu. Resolves with the running app, or null when another instance owns the
 * data directory (this process then quits).
 */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp | null> {
  // IT (and the CLI) may point the app at another data directory; it must be
  // set before the single-instance lock, which is taken per userData folder.
  const env = options.env ?? process.env;
  const dataDirOverride = env.PCU_DATA_DIR;
  if (dataDirOverride) app.setPath('userData', dataDirOverride);
  // Hazard: two instances on one data directory would both write the settings
  // file and, later, the SQLCipher database. The first instance keeps the lock.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const dataDir = app.getPath('userData');
  const log = options.log ?? createAppLog(dataDir, !app.isPackaged);
  const processEvents = options.processEvents ?? process;
  // Never crash on an unexpected exception: log it; the officer's work in the window goes on.
  processEvents.on('uncaughtException', (error: unknown) => log.error('uncaught exception', describeError(error)));
  processEvents.on('unhandledRejection', (reason: unknown) => log.error('unhandled rejection', describeError(reason)));

  // Both only take effect before `ready`. enableSandbox sandboxes every renderer,
  // including any created by code that forgets `sandbox: true`.
  app.enableSandbox();
  registerAppScheme();

  const isDev = isDevelopment(app.isPackaged, env);
  const paths = builtPaths(app.getAppPath());
  let window: BrowserWindow | null = null;

  // Registered before any webContents exists, so the main window is covered too.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { log }));
  app.on('second-instance', () => {
    if (window === null || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  try {
    await app.whenReady();

    const services = createServices({
      dataDir,
      appVersion: app.getVersion(),
      locale: app.getLocale(),
      // `npm start` (development) and training machines (PCU_DEMO=1) offer the demo unit on first run.
      demo: isDev || env.PCU_DEMO === '1',
      runtime: {
        node: process.versions.node,
        electron: process.versions.electron ?? null,
        chrome: process.versions.chrome ?? null,
      },
      log,
      // Signed updates from the source IT configures (main/core/updates); off without a policy file.
      updates: electronUpdateWiring(log),
      // Reports print through the system dialog from a hidden PDF-viewer window (report-printer.ts).
      printer: electronReportPrinter({ log }),
    });

    const appSession = session.defaultSession;
    serveRenderer(appSession, paths.rendererDir, log);
    installPermissionHandlers(appSession, log);
    const unbindIpc = bindIpc(ipcMain, services, { appContents: () => window?.webContents ?? null, log });

    const language: Language = await services.settings.read().then(
      (settings) => settings.language,
      // A damaged settings file is reported in the page; the menu falls back to the OS language.
      () => languageFromLocale(app.getLocale()),
    );
    const removeMenu = installApplicationMenu(services, { language, isDev, log });

    window = createMainWindow({ preload: paths.preload, isDev, session: appSession, log });
    window.on('closed', () => {
      window = null;
    });

    let closed = false;
    let closing = false;
    app.on('will-quit', (event) => {
      if (closed) return;
      // Hold the quit until the services have flushed and closed their files.
      event.preventDefault();
      if (closing) return;
      closing = true;
      removeMenu();
      unbindIpc();
      services
        .close()
        .catch((error: unknown) => log.error('closing services failed', describeError(error)))
        .finally(() => {
          closed = true;
          app.quit();
        });
    });

    log.info('app started', { version: app.getVersion(), isDev });
    return { services, isDev, mainWindow: () => window };
  } catch (error) {
    log.error('app start failed', describeError(error));
    dialog.showErrorBox('PCU Workstation', 'The application could not start. Details are in the application log.');
    app.quit();
    return null;
  }
}

import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApp, type RunningApp, type StartAppOptions } from '../../main/electron/app-shell';
import { channelNames } from '../../shared/ipc/contract';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { app, fake, FakeWebContents, ipcEvent, ipcMain, session, fakeEvent } from '../fakes/electron';
import { fakeAppDir, memoryLog, tempDataDir } from './support';

let appDir: ReturnType<typeof fakeAppDir>;
let data: ReturnType<typeof tempDataDir>;
let log: ReturnType<typeof memoryLog>;
let processEvents: EventEmitter;
let running: RunningApp | null = null;

beforeEach(() => {
  fake.reset();
  appDir = fakeAppDir();
  data = tempDataDir();
  app.appPath = appDir.appPath;
  app.paths = { userData: data.dataDir };
  app.version = '1.2.3';
  log = memoryLog();
  processEvents = new EventEmitter();
});

afterEach(async () => {
  await running?.services.close();
  running = null;
  appDir.cleanup();
  data.cleanup();
});

async function start(options: Partial<StartAppOptions> = {}): Promise<RunningApp> {
  const started = await startApp({ env: {}, log, processEvents, ...options });
  if (started === null) throw new Error('startApp returned null');
  running = started;
  return started;
}

function onlyWindow() {
  expect(fake.windows).toHaveLength(1);
  const window = fake.windows[0];
  if (window === undefined) throw new Error('no window');
  return window;
}

describe('single instance', () => {
  it('a second instance quits without creating anything', async () => {
    app.singleInstanceLock = false;
    expect(await startApp({ env: {}, log, processEvents })).toBeNull();
    expect(app.quitCalls).toBe(1);
    expect(fake.windows).toEqual([]);
    expect(ipcMain.handlers.size).toBe(0);
    expect(fake.calls).not.toContain('app.whenReady');
  });

  it('the first instance brings its window back when a second one starts', async () => {
    await start();
    const window = onlyWindow();
    window.minimize();
    app.emit('second-instance', fakeEvent(), ['pcu'], '/');
    expect(window.isMinimized()).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
  });
});

describe('startup', () => {
  it('enables the sandbox and registers app:// before ready', async () => {
    await start();
    expect(app.sandboxEnabled).toBe(true);
    const ready = fake.calls.indexOf('ready');
    expect(ready).toBeGreaterThan(-1);
    expect(fake.calls.indexOf('app.enableSandbox')).toBeLessThan(ready);
    expect(fake.calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(fake.privilegedSchemes.map((scheme) => scheme.scheme)).toEqual(['app']);
  });

  it('creates one hardened window on the default session, loading app://pcu/index.html', async () => {
    await start();
    const window = onlyWindow();
    expect(window.webContents.session).toBe(session.defaultSession);
    expect(window.webContents.loadedUrls).toEqual(['app://pcu/index.html']);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      preload: path.join(appDir.appPath, 'out', 'preload', 'index.cjs'),
    });
  });

  it.each([
    [false, { PCU_DEV: '1' }, true],
    [true, { PCU_DEV: '1' }, false],
    [false, {}, false],
  ] as const)('isPackaged=%s env=%j gives devTools=%s', async (isPackaged, env, devTools) => {
    app.isPackaged = isPackaged;
    const started = await start({ env });
    expect(started.isDev).toBe(devTools);
    expect(onlyWindow().options.webPreferences?.devTools).toBe(devTools);
    const roles = JSON.stringify(fake.applicationMenus.at(-1)?.template);
    expect(roles.includes('toggleDevTools')).toBe(devTools);
  });

  it('serves the built renderer from the app path with the CSP header', async () => {
    await start();
    const response = await session.defaultSession.protocol.request('app://pcu/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).toContain('PCU Workstation');
  });

  it('installs the permission handlers on the window session', async () => {
    await start();
    expect(await session.defaultSession.requestPermission('media', 'app://pcu/index.html')).toBe(false);
    expect(session.defaultSession.checkPermission('geolocation', 'app://pcu')).toBe(false);
  });

  it('hardens the main window and any later webContents', async () => {
    await start();
    expect(onlyWindow().webContents.navigate('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(onlyWindow().webContents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    const later = new FakeWebContents(session.defaultSession);
    expect(later.navigate('will-navigate', 'app://pcu/index.html').defaultPrevented).toBe(true);
    expect(later.windowOpenHandler).not.toBeNull();
  });

  it('binds one IPC handler per channel, answering the window with the real services', async () => {
    await start();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort());
    const window = onlyWindow();
    const info = await ipcMain.invoke('app.info', ipcEvent(window.webContents, 'app://pcu/index.html'), undefined);
    expect(info).toMatchObject({ ok: true, value: { version: '1.2.3', dataDir: data.dataDir } });
    const refused = await ipcMain.invoke('app.info', ipcEvent(window.webContents, 'https://evil.example/'), undefined);
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it('uses $PCU_DATA_DIR, set before the single-instance lock, so the app and the CLI share one folder', async () => {
    const other = tempDataDir();
    try {
      await start({ env: { PCU_DATA_DIR: other.dataDir } });
      expect(fake.calls.indexOf('app.setPath:userData')).toBeLessThan(fake.calls.indexOf('app.requestSingleInstanceLock'));
      const window = onlyWindow();
      const info = await ipcMain.invoke('app.info', ipcEvent(window.webContents, 'app://pcu/index.html'), undefined);
      expect(info).toMatchObject({ ok: true, value: { dataDir: other.dataDir } });
    } finally {
      await running?.services.close();
      running = null;
      other.cleanup();
    }
  });

  it('offers the demo unit only to development and training starts', async () => {
    const status = async () => {
      const window = onlyWindow();
      return ipcMain.invoke('session.status', ipcEvent(window.webContents, 'app://pcu/index.html'), undefined);
    };
    app.isPackaged = true;
    await start({ env: {} });
    expect(await status()).toMatchObject({ ok: true, value: { demoAvailable: false } });
    await running?.services.close();
    fake.reset();
    app.paths = { userData: data.dataDir };
    app.appPath = appDir.appPath;
    app.isPackaged = true;
    await start({ env: { PCU_DEMO: '1' } });
    expect(await status()).toMatchObject({ ok: true, value: { demoAvailable: true } });
  });

  it('shows the menu in the stored language and rebuilds it when the page changes the language', async () => {
    app.locale = 'ru-RU';
    await start();
    expect(fake.applicationMenus.at(-1)?.template[0]?.label).toBe('Файл');
    const window = onlyWindow();
    await ipcMain.invoke('settings.set', ipcEvent(window.webContents, 'app://pcu/index.html'), { language: 'en' });
    expect(fake.applicationMenus.at(-1)?.template[0]?.label).toBe('File');
    expect(window.webContents.sent).toContainEqual({ channel: 'settings.changed', args: [{ language: 'en' }] });
  });

  it('writes its log under the data directory when no log is passed', async () => {
    // Packaged: the log then goes to the file only, not to this test run's stderr.
    app.isPackaged = true;
    await startApp({ env: {}, processEvents }).then((started) => {
      running = started;
    });
    const file = path.join(data.dataDir, 'logs', 'main.log');
    await vi.waitFor(() => expect(existsSync(file) && readFileSync(file, 'utf8')).toContain('app started'));
  });

  it('logs and quits, with a message box, when startup fails after ready', async () => {
    // A handler already on app:// makes serveRenderer throw, as Electron does.
    session.defaultSession.protocol.handle('app', () => new Response('stale'));
    expect(await startApp({ env: {}, log, processEvents })).toBeNull();
    expect(log.entries.map((entry) => entry.message)).toContain('app start failed');
    expect(fake.errorBoxes).toHaveLength(1);
    expect(app.quitCalls).toBe(1);
  });
});

describe('lifecycle', () => {
  it('quits when the window is closed', async () => {
    await start();
    app.emit('window-all-closed');
    expect(app.quitCalls).toBe(1);
  });

  it('holds the quit until the services are closed, then quits for real', async () => {
    const started = await start();
    const close = vi.spyOn(started.services, 'close');
    const first = fakeEvent();
    app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    expect(close).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(app.quitCalls).toBe(1));
    expect(ipcMain.handlers.size).toBe(0);
    const second = fakeEvent();
    app.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
  });

  it('logs uncaught exceptions and rejections instead of crashing', async () => {
    await start();
    expect(() => processEvents.emit('uncaughtException', new Error('boom'))).not.toThrow();
    processEvents.emit('unhandledRejection', new Error('late boom'));
    expect(log.entries.filter((entry) => entry.level === 'error').map((entry) => entry.message)).toEqual([
      'uncaught exception',
      'unhandled rejection',
    ]);
  });

  it('forgets the window once it is closed', async () => {
    const started = await start();
    onlyWindow().close();
    expect(started.mainWindow()).toBeNull();
    expect(() => app.emit('second-instance', fakeEvent(), [], '/')).not.toThrow();
  });
});

import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { builtPaths } from '../../main/electron/app-origin';
import { createMainWindow, isDevelopment, mainWindowOptions } from '../../main/electron/window';
import { asSession, fake, FakeSession } from '../fakes/electron';

beforeEach(() => fake.reset());

describe('development mode', () => {
  it('needs both an unpackaged app and PCU_DEV=1', () => {
    expect(isDevelopment(false, { PCU_DEV: '1' })).toBe(true);
    expect(isDevelopment(true, { PCU_DEV: '1' })).toBe(false);
    expect(isDevelopment(false, {})).toBe(false);
    expect(isDevelopment(false, { PCU_DEV: 'true' })).toBe(false);
    expect(isDevelopment(false, { PCU_DEV: '0' })).toBe(false);
  });
});

describe('main window', () => {
  const preload = builtPaths('/opt/pcu/resources/app.asar').preload;

  it('is created with the hardened webPreferences', () => {
    createMainWindow({ preload, isDev: false });
    expect(fake.windows).toHaveLength(1);
    const prefs = fake.windows[0]?.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('uses the bundled CommonJS preload from out/preload', () => {
    expect(preload).toBe(path.join('/opt/pcu/resources/app.asar', 'out', 'preload', 'index.cjs'));
    createMainWindow({ preload, isDev: false });
    expect(fake.windows[0]?.options.webPreferences?.preload).toBe(preload);
  });

  it('has DevTools only in development', () => {
    expect(mainWindowOptions({ preload, isDev: true }).webPreferences?.devTools).toBe(true);
    expect(mainWindowOptions({ preload, isDev: false }).webPreferences?.devTools).toBe(false);
  });

  it('loads app://pcu/index.html, never a file: URL', () => {
    createMainWindow({ preload, isDev: false });
    const loaded = fake.windows[0]?.webContents.loadedUrls;
    expect(loaded).toEqual(['app://pcu/index.html']);
    expect(loaded?.some((url) => url.startsWith('file:'))).toBe(false);
  });

  it('stays hidden until ready-to-show, with a title and a minimum size', () => {
    const window = createMainWindow({ preload, isDev: false });
    const recorded = fake.windows[0];
    expect(recorded?.options).toMatchObject({ show: false, title: 'PCU Workstation', minWidth: 1024, minHeight: 700 });
    expect(recorded?.visible).toBe(false);
    window.emit('ready-to-show');
    expect(recorded?.visible).toBe(true);
  });

  it('uses the session it is given, so the app:// handler and permission table apply', () => {
    const appSession = new FakeSession();
    createMainWindow({ preload, isDev: false, session: asSession(appSession) });
    expect(fake.windows[0]?.webContents.session).toBe(appSession);
  });
});

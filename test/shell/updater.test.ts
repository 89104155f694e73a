import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../main/core/services';
import { serveFolderOnLoopback, type LoopbackFolderServer } from '../../main/core/updates/loopback-server';
import type { UpdateWiring } from '../../main/core/updates/wiring';
import { electronUpdater, electronUpdateWiring, type AutoUpdaterLike } from '../../main/electron/updater';
import type { UpdateStatus } from '../../shared/ipc/update-status';
import { makeReleaseKey, tempDir, writeRelease, type TestReleaseKey } from '../fixtures/updates/signed-release';
import { fastKdf } from '../harness/fast-kdf';
import { app, fake } from '../fakes/electron';
import { memoryLog } from './support';

const ADMIN = { username: 'dilnoza', password: 'admin password 123' };
const INSTALLED = '1.0.0';

/**
 * The REAL electron-updater 6.8.10 (NsisUpdater), with the two things a test
 * must not do replaced: Electron's network stack (its own ElectronHttpExecutor,
 * with only the request itself made by Node's http instead of `net`) and
 * running the installer (`doInstall` records instead). Everything between (the generic provider,
 * the channel file, the download, its SHA-512 check, the quit handler) is the
 * library's own code, so these tests prove the adapter's assumptions about it.
 */
interface RealUpdater extends AutoUpdaterLike {
  httpExecutor: unknown;
  doInstall: (options: { isSilent: boolean; isForceRunAfter: boolean }) => boolean;
}

const updaterRequire = createRequire(createRequire(import.meta.url).resolve('electron-updater'));
const { NsisUpdater } = createRequire(import.meta.url)('electron-updater') as {
  NsisUpdater: new (options: null, app: unknown) => RealUpdater;
};
const { ElectronHttpExecutor } = updaterRequire('./electronHttpExecutor') as {
  ElectronHttpExecutor: new () => { createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest };
};
class NodeExecutor extends ElectronHttpExecutor {
  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return httpRequest(options, callback);
  }
}

let temp: ReturnType<typeof tempDir>;
let key: TestReleaseKey;
let releaseDir: string;
let policyFile: string;
let services: Services | null = null;
let real: RealUpdater;
let quitHandlers: ((exitCode: number) => void)[];
let installs: { isSilent: boolean; isForceRunAfter: boolean }[];
let feedUrls: string[];

function makeRealUpdater(): RealUpdater {
  const appUpdateConfigPath = path.join(temp.dir, 'resources', 'app-update.yml');
  mkdirSync(path.dirname(appUpdateConfigPath), { recursive: true });
  // What electron-builder bakes in from electron-builder.yml's publish block.
  writeFileSync(appUpdateConfigPath, 'provider: generic\nurl: https://updates.invalid/pcu-workstation/\nchannel: latest\nupdaterCacheDirName: pcu-workstation-updater\n');
  const adapter = {
    version: INSTALLED,
    name: 'PCU Workstation',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: path.join(temp.dir, 'userData'),
    baseCachePath: path.join(temp.dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => {},
    quit: () => {},
    onQuit: (handler: (exitCode: number) => void) => quitHandlers.push(handler),
  };
  const updater = new NsisUpdater(null, adapter);
  updater.httpExecutor = new NodeExecutor();
  updater.doInstall = (options) => {
    installs.push({ isSilent: options.isSilent, isForceRunAfter: options.isForceRunAfter });
    return true;
  };
  const setFeedURL = updater.setFeedURL.bind(updater);
  updater.setFeedURL = (options) => {
    feedUrls.push(options.url);
    setFeedURL(options);
  };
  return updater;
}

beforeEach(() => {
  fake.reset();
  temp = tempDir('pcu-shell-updater-');
  key = makeReleaseKey(path.join(temp.dir, 'keys'));
  releaseDir = path.join(temp.dir, 'usb');
  policyFile = path.join(temp.dir, 'etc', 'update.json');
  mkdirSync(path.dirname(policyFile), { recursive: true });
  quitHandlers = [];
  installs = [];
  feedUrls = [];
  real = makeRealUpdater();
});

afterEach(async () => {
  await services?.close();
  services = null;
  temp.remove();
});

async function startWith(policy: Record<string, unknown>, wiring: Partial<UpdateWiring> = {}): Promise<{ services: Services; statuses: UpdateStatus[] }> {
  writeFileSync(policyFile, JSON.stringify(policy));
  const log = memoryLog();
  const base = electronUpdateWiring(log, () => real);
  services = createServices({
    dataDir: path.join(temp.dir, 'data'),
    appVersion: INSTALLED,
    platform: process.platform,
    kdf: fastKdf,
    log,
    updates: { ...base, policyFiles: [policyFile], publicKeyFile: key.publicKeyFile, currentUid: null, ...wiring },
  });
  const statuses: UpdateStatus[] = [];
  const loggedIn = new Promise<void>((resolve) => {
    services?.events.subscribe((event, payload) => {
      if (event === 'update.status') statuses.push(payload as UpdateStatus);
      if (event === 'session.changed' && (payload as { session: unknown }).session !== null) resolve();
    });
  });
  const setup = await services.invoke('setup.create', { unitName: 'PCU Poti', country: 'GE', locode: 'GEPTI', adminUsername: ADMIN.username, adminDisplayName: 'Nino', password: ADMIN.password });
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  // The login's session.changed event (announced asynchronously) starts the due check.
  await loggedIn;
  await settle(services);
  return { services, statuses };
}

async function settle(target: Services): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    await target.updates?.settled();
  }
}

const linuxRelease = (version: string, extra: Partial<Parameters<typeof writeRelease>[1]> = {}) =>
  writeRelease(releaseDir, { version, key, channelFile: `latest${process.platform === 'linux' ? '-linux' : process.platform === 'darwin' ? '-mac' : ''}.yml`, ...extra });

describe('electronUpdater: the safety switches on the real autoUpdater', () => {
  it('loads electron-updater only when first used, then turns off auto-download, auto-install, downgrades and partial downloads', () => {
    let loads = 0;
    const updater = electronUpdater(memoryLog(), () => {
      loads += 1;
      return real;
    });
    expect(loads).toBe(0);
    // electron-updater's own defaults, which would download and install without asking.
    expect([real.autoDownload, real.autoInstallOnAppQuit]).toEqual([true, true]);
    updater.configure({ url: 'http://127.0.0.1:1/', channel: 'beta' });
    expect(loads).toBe(1);
    expect(real.autoDownload).toBe(false);
    expect(real.autoInstallOnAppQuit).toBe(false);
    expect(real.disableDifferentialDownload).toBe(true);
    expect(real.disableWebInstaller).toBe(true);
    expect(real.channel).toBe('beta');
    // Setting a channel turns downgrades on in electron-updater; the adapter turns them off again.
    expect(real.allowDowngrade).toBe(false);
    expect(feedUrls).toEqual(['http://127.0.0.1:1/']);
  });

  it('installNow quits and installs silently, then starts the program again', () => {
    const recorded: [boolean | undefined, boolean | undefined][] = [];
    const minimal = Object.assign(new EventEmitter(), {
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      disableDifferentialDownload: false,
      disableWebInstaller: false,
      channel: null as string | null,
      logger: null,
      setFeedURL: () => {},
      checkForUpdates: () => Promise.resolve(null),
      downloadUpdate: () => Promise.resolve([]),
      quitAndInstall: (isSilent?: boolean, isForceRunAfter?: boolean) => {
        recorded.push([isSilent, isForceRunAfter]);
      },
    });
    electronUpdater(memoryLog(), () => minimal).installNow();
    expect(recorded).toEqual([[true, true]]);
  });
});

describe('electronUpdateWiring', () => {
  it('pins the key inside the app (app.asar when packaged) and reads policy only from machine-wide places', () => {
    app.appPath = '/opt/PCU Workstation/resources/app.asar';
    app.isPackaged = false;
    const unpackaged = electronUpdateWiring(memoryLog(), () => real);
    expect(unpackaged.publicKeyFile).toBe('/opt/PCU Workstation/resources/app.asar/resources/update/release-public-key.pem');
    if (process.platform === 'linux') expect(unpackaged.policyFiles).toEqual(['/etc/pcu-workstation/update.json']);
    for (const file of unpackaged.policyFiles) expect(file.startsWith(app.paths.userData ?? '/fake/userData')).toBe(false);
    expect(unpackaged.currentUid).toBe(process.platform === 'win32' ? null : process.getuid?.());
  });

  it('fetches metadata through Electron\'s net (system proxy and certificates), not Node\'s own fetch', async () => {
    mkdirSync(releaseDir, { recursive: true });
    writeFileSync(path.join(releaseDir, 'latest.yml'), 'version: 1.0.0\n');
    const server: LoopbackFolderServer = await serveFolderOnLoopback(releaseDir);
    try {
      const wiring = electronUpdateWiring(memoryLog(), () => real);
      const bytes = await wiring.fetchBytes?.(`${server.url}latest.yml`);
      expect(Buffer.from(bytes ?? []).toString()).toBe('version: 1.0.0\n');
      expect(await wiring.fetchBytes?.(`${server.url}absent.yml`)).toBeNull();
      expect(fake.netFetches).toEqual([`${server.url}latest.yml`, `${server.url}absent.yml`]);
    } finally {
      await server.close();
    }
  });
});

describe('the update service driving the real electron-updater', () => {
  it('a signed release from a USB folder: the real updater reads it over the loopback server, downloads, checks it and installs it on quit', async () => {
    linuxRelease('1.1.0');
    const { services: running, statuses } = await startWith({ folder: releaseDir, install: 'on-quit' });
    expect(await running.updates?.status()).toMatchObject({ state: 'ready', version: '1.1.0' });
    expect(feedUrls).toHaveLength(1);
    expect(feedUrls[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(statuses.some((status) => status.state === 'downloading')).toBe(true);
    // The loopback server is gone once the check is over.
    await expect(fetch(new URL('latest.yml', feedUrls[0]))).rejects.toThrow();
    // Armed for a verified download only, and the real quit handler installs it silently.
    expect(real.autoInstallOnAppQuit).toBe(true);
    expect(quitHandlers).toHaveLength(1);
    quitHandlers[0]?.(0);
    expect(installs).toEqual([{ isSilent: true, isForceRunAfter: false }]);
  });

  it('administrator-only install: nothing is installed on quit', async () => {
    linuxRelease('1.1.0');
    const { services: running } = await startWith({ folder: releaseDir, install: 'administrator' });
    expect(await running.updates?.status()).toMatchObject({ state: 'ready' });
    expect(real.autoInstallOnAppQuit).toBe(false);
    for (const handler of quitHandlers) handler(0);
    expect(installs).toEqual([]);
  });

  it("an installer edited after signing is refused by the real updater's checksum, and nothing installs on quit", async () => {
    const release = linuxRelease('1.1.0');
    const bytes = readFileSync(release.installer);
    bytes.writeUInt8(bytes.readUInt8(100) ^ 0xff, 100);
    writeFileSync(release.installer, bytes);
    const { services: running } = await startWith({ folder: releaseDir, install: 'on-quit' });
    expect(await running.updates?.status()).toMatchObject({ state: 'refused', reason: 'INSTALLER_MODIFIED' });
    expect(real.autoInstallOnAppQuit).toBe(false);
    for (const handler of quitHandlers) handler(0);
    expect(installs).toEqual([]);
    expect(existsSync(path.join(temp.dir, 'cache', 'pcu-workstation-updater', 'pending', path.basename(release.installer)))).toBe(false);
  });

  it('a refused release never reaches the real updater', async () => {
    linuxRelease('0.9.0');
    const { services: running } = await startWith({ folder: releaseDir });
    expect(await running.updates?.status()).toMatchObject({ state: 'refused', reason: 'DOWNGRADE' });
    expect(feedUrls).toEqual([]);
    expect(quitHandlers).toEqual([]);
  });

  it('an intranet URL source: metadata through net.fetch, the installer through the updater', async () => {
    linuxRelease('1.1.0');
    const intranet = await serveFolderOnLoopback(releaseDir);
    try {
      const { services: running } = await startWith({ url: intranet.url });
      expect(await running.updates?.status()).toMatchObject({ state: 'ready' });
      expect(fake.netFetches.map((url) => path.posix.basename(new URL(url).pathname))).toEqual(
        expect.arrayContaining([expect.stringMatching(/^latest.*\.yml$/), expect.stringMatching(/^latest.*\.yml\.sig$/)]),
      );
      expect(feedUrls).toEqual([intranet.url]);
    } finally {
      await intranet.close();
    }
  });
});

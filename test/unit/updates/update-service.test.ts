import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../main/core/audit/audit-log';
import { createServices, type Services } from '../../../main/core/services';
import { UPDATE_TICK_MS } from '../../../main/core/updates/update-service';
import { contract, channelNames } from '../../../shared/ipc/contract';
import type { UpdateStatus } from '../../../shared/ipc/update-status';
import { FakeUpdater } from '../../fakes/updater';
import { makeReleaseKey, tempDir, writeRelease, type TestReleaseKey } from '../../fixtures/updates/signed-release';
import { fakeClock, manualTimers, type FakeClock, type ManualTimers } from '../../harness/fake-time';
import { fastKdf } from '../../harness/fast-kdf';

const ADMIN = { username: 'dilnoza', password: 'admin password 123' };
const OFFICER = { username: 'aziz', password: 'officer password 1' };
const INSTALLED = '1.0.0';

let temp: ReturnType<typeof tempDir>;
let key: TestReleaseKey;
let updater: FakeUpdater;
let services: Services;
let clock: FakeClock;
let timers: ManualTimers;
let policyFile: string;
let releaseDir: string;
let statuses: UpdateStatus[];

function writePolicy(policy: Record<string, unknown>): void {
  writeFileSync(policyFile, JSON.stringify(policy));
}

async function start(policy: Record<string, unknown> | null): Promise<void> {
  if (policy) writePolicy(policy);
  services = createServices({
    dataDir: path.join(temp.dir, 'data'),
    appVersion: INSTALLED,
    platform: 'linux',
    kdf: fastKdf,
    clock: clock.now,
    timers,
    updates: { updater, policyFiles: [policyFile], publicKeyFile: key.publicKeyFile, arch: 'x64', currentUid: null },
  });
  statuses = [];
  const loggedIn = new Promise<void>((resolve) => {
    services.events.subscribe((event, payload) => {
      if (event === 'update.status') statuses.push(payload as UpdateStatus);
      if (event === 'session.changed' && (payload as { session: unknown }).session !== null) resolve();
    });
  });
  const setup = await services.invoke('setup.create', { unitName: 'PCU Termez', country: 'UZ', locode: 'UZTER', adminUsername: ADMIN.username, adminDisplayName: 'Dilnoza', password: ADMIN.password });
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  await services.invoke('users.add', { username: OFFICER.username, displayName: 'Aziz', role: 'officer', password: OFFICER.password });
  // The login's session.changed event (announced asynchronously) starts the due check.
  await loggedIn;
  await settled();
}

async function settled(): Promise<void> {
  // The session.changed event that starts a due check is emitted asynchronously.
  for (let round = 0; round < 5; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    await services.updates?.settled();
  }
}

async function login(user: { username: string; password: string }): Promise<void> {
  await services.invoke('session.logout', undefined);
  const result = await services.invoke('session.login', user);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  await settled();
}

async function adminCheck(): Promise<UpdateStatus> {
  const result = await services.invoke('update.check', undefined);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  await settled();
  return (await services.updates?.status()) as UpdateStatus;
}

function updateAudit(): { action: string; subject: string; details: Record<string, unknown>; userName: string | null }[] {
  const store = services.sessions.current()?.store;
  if (!store) throw new Error('nobody is logged in');
  return listAudit(store.db, { action: 'update.', limit: 100 }).reverse();
}

beforeEach(() => {
  temp = tempDir('pcu-updates-');
  key = makeReleaseKey(path.join(temp.dir, 'keys'));
  updater = new FakeUpdater(path.join(temp.dir, 'downloads'));
  clock = fakeClock('2026-11-02T09:00:00Z');
  timers = manualTimers();
  policyFile = path.join(temp.dir, 'etc', 'update.json');
  releaseDir = path.join(temp.dir, 'usb');
  mkdirSync(path.dirname(policyFile), { recursive: true });
});

afterEach(async () => {
  await services?.close();
  temp.remove();
});

const folderPolicy = (extra: Record<string, unknown> = {}) => ({ folder: releaseDir, ...extra });

describe('a signed release in the folder IT configured', () => {
  it('is checked at login, served to the updater on 127.0.0.1 only while checking, downloaded, verified and ready', async () => {
    writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    await start(folderPolicy());
    expect(updater.checks).toBe(1);
    const [feed] = updater.configured;
    expect(feed?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(feed?.channel).toBe('latest');
    expect(updater.downloads).toEqual([new URL('PCU-Workstation-Setup-1.1.0.exe', feed?.url).href]);
    const status = await services.updates?.status();
    expect(status).toMatchObject({ state: 'ready', version: '1.1.0', currentVersion: INSTALLED, percent: 100, reason: null, installMode: 'administrator', autoCheck: true });
    // The statuses the renderer saw, in order.
    expect(statuses.map((item) => item.state)).toEqual(expect.arrayContaining(['checking', 'available', 'downloading', 'ready']));
    expect(statuses.some((item) => item.state === 'downloading' && item.percent === 50)).toBe(true);
    // The check is over: the folder is no longer served.
    await expect(fetch(new URL('latest-linux.yml', feed?.url))).rejects.toThrow();
    // Installed only when an administrator asks (the default policy).
    expect(updater.installs).toBe(0);
    expect(updater.installOnQuitNow).toBe(false);
    expect(updateAudit().map((entry) => entry.action)).toEqual(['update.version', 'update.check', 'update.verified', 'update.downloaded']);
    expect(updateAudit()[1]).toMatchObject({ subject: releaseDir, userName: null, details: { trigger: 'automatic', source: 'folder', channel: 'latest' } });
    expect(updateAudit()[2]?.details).toMatchObject({ keyId: key.keyId, file: 'latest-linux.yml' });
  });

  it('is installed when the administrator asks, and the request is audited with their name', async () => {
    writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    await start(folderPolicy());
    const result = await services.invoke('update.install', undefined);
    expect(result).toMatchObject({ ok: true, value: { state: 'installing', version: '1.1.0' } });
    expect(updater.installs).toBe(1);
    expect(updateAudit().at(-1)).toMatchObject({ action: 'update.install', subject: '1.1.0', userName: ADMIN.username, details: { from: INSTALLED } });
  });

  it('with "install": "on-quit", is armed to install on quit once verified', async () => {
    writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    await start(folderPolicy({ install: 'on-quit' }));
    expect(await services.updates?.status()).toMatchObject({ state: 'ready', installMode: 'on-quit' });
    expect(updater.installOnQuitNow).toBe(true);
    expect(updater.installs).toBe(0);
  });

  it('the installed version again is "up to date": nothing downloaded', async () => {
    writeRelease(releaseDir, { version: INSTALLED, key, channelFile: 'latest-linux.yml' });
    await start(folderPolicy());
    expect(await services.updates?.status()).toMatchObject({ state: 'up-to-date', version: INSTALLED });
    expect([updater.checks, updater.downloads.length, updater.installs]).toEqual([0, 0, 0]);
  });
});

describe('a release that fails a check is refused, with its reason, and nothing is downloaded or installed', () => {
  async function expectRefused(reason: string): Promise<void> {
    const status = await services.updates?.status();
    expect(status).toMatchObject({ state: 'refused', reason });
    expect(updater.downloads).toEqual([]);
    expect(updater.installs).toBe(0);
    expect(updater.installOnQuit.every((armed) => !armed)).toBe(true);
    expect(updateAudit().find((entry) => entry.action === 'update.refused')).toMatchObject({ details: { reason } });
    const install = await services.invoke('update.install', undefined);
    expect(install).toMatchObject({ ok: false, error: { code: 'UPDATE_NOT_READY' } });
  }

  it('missing signature', async () => {
    writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml', sign: false });
    await start(folderPolicy());
    await expectRefused('SIGNATURE_MISSING');
    // Refused before the updater was even pointed at the source.
    expect(updater.configured).toEqual([]);
  });

  it('bad signature (signed with a key the app does not trust)', async () => {
    const other = makeReleaseKey(path.join(temp.dir, 'keys'), 'attacker');
    writeRelease(releaseDir, { version: '1.1.0', key: other, channelFile: 'latest-linux.yml' });
    await start(folderPolicy());
    await expectRefused('UNKNOWN_KEY');
  });

  it('bad signature (altered)', async () => {
    const release = writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    const text = readFileSync(release.signature, 'utf8');
    writeFileSync(release.signature, text.replace(/signature: ./, (match) => (match.endsWith('A') ? 'signature: B' : 'signature: A')));
    await start(folderPolicy());
    await expectRefused('SIGNATURE_INVALID');
  });

  it('edited yml', async () => {
    const release = writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    writeFileSync(release.metadata, readFileSync(release.metadata, 'utf8').replace(/sha512: .*$/m, `sha512: ${'B'.repeat(86)}==`));
    await start(folderPolicy());
    await expectRefused('METADATA_MODIFIED');
  });

  it('edited installer (found by our own check of the downloaded file, which is then deleted)', async () => {
    const release = writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    const bytes = readFileSync(release.installer);
    bytes.writeUInt8(bytes.readUInt8(5000) ^ 0xff, 5000);
    writeFileSync(release.installer, bytes);
    await start(folderPolicy({ install: 'on-quit' }));
    const status = await services.updates?.status();
    expect(status).toMatchObject({ state: 'refused', reason: 'INSTALLER_MODIFIED', version: '1.1.0' });
    expect(updater.installs).toBe(0);
    // Armed for the download, disarmed at once when the file failed: nothing installs on quit.
    expect(updater.installOnQuitNow).toBe(false);
    expect(existsSync(path.join(temp.dir, 'downloads', 'PCU-Workstation-Setup-1.1.0.exe'))).toBe(false);
  });

  it("edited installer (found by the updater's own checksum)", async () => {
    const release = writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    writeFileSync(release.installer, Buffer.alloc(256 * 1024, 1));
    updater.verifiesChecksum = true;
    await start(folderPolicy());
    expect(await services.updates?.status()).toMatchObject({ state: 'refused', reason: 'INSTALLER_MODIFIED' });
    expect(updater.installs).toBe(0);
    expect(updater.installOnQuitNow).toBe(false);
  });

  it('downgrade', async () => {
    writeRelease(releaseDir, { version: '0.9.0', key, channelFile: 'latest-linux.yml' });
    await start(folderPolicy());
    await expectRefused('DOWNGRADE');
  });

  it('downgrade from another channel (beta 1.0.0-rc.1 below the installed 1.0.0)', async () => {
    writeRelease(releaseDir, { version: '1.0.0-rc.1', key, channelFile: 'beta-linux.yml' });
    await start(folderPolicy({ channel: 'beta' }));
    await expectRefused('DOWNGRADE');
  });

  it('yml for another product', async () => {
    writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml', product: 'org.example.other-app' });
    await start(folderPolicy());
    await expectRefused('WRONG_PRODUCT');
  });

  it('the updater read different metadata than was signed (the source answered twice, differently)', async () => {
    writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    updater.alterOffer = (offer) => ({ ...offer, files: offer.files.map((file) => ({ ...file, url: 'http://elsewhere.example/evil.exe' })) });
    await start(folderPolicy());
    await expectRefused('METADATA_MODIFIED');
    expect(updater.checks).toBe(1);
  });
});

describe('an intranet URL source', () => {
  it('reads the signed metadata from the URL and points the updater at it', async () => {
    writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    const { serveFolderOnLoopback } = await import('../../../main/core/updates/loopback-server');
    const intranet = await serveFolderOnLoopback(releaseDir);
    try {
      await start({ url: intranet.url });
      expect(updater.configured).toEqual([{ url: intranet.url, channel: 'latest' }]);
      expect(await services.updates?.status()).toMatchObject({ state: 'ready', version: '1.1.0' });
    } finally {
      await intranet.close();
    }
  });

  it('an unreachable source is reported, not refused, and nothing is downloaded', async () => {
    await start({ url: 'http://127.0.0.1:9/pcu/' });
    expect(await services.updates?.status()).toMatchObject({ state: 'failed', reason: 'SOURCE_UNREACHABLE' });
    expect(updater.downloads).toEqual([]);
  });
});

describe('the policy file is honoured, and an officer cannot change it', () => {
  it('no policy file: nothing is ever checked, and an administrator is told updates are not configured', async () => {
    await start(null);
    timers.fire();
    await settled();
    expect(await services.updates?.status()).toMatchObject({ state: 'unconfigured' });
    expect(updater.checks).toBe(0);
    expect(await services.invoke('update.check', undefined)).toMatchObject({ ok: false, error: { code: 'UPDATE_NOT_CONFIGURED' } });
  });

  it('"autoCheck": false → no check at login or on the timer; an administrator can still check', async () => {
    writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    await start(folderPolicy({ autoCheck: false }));
    clock.advance(48 * 3_600_000);
    timers.fire();
    await settled();
    expect(updater.configured).toEqual([]);
    expect(await services.updates?.status()).toMatchObject({ state: 'idle', autoCheck: false });
    await login(ADMIN); // the two idle days locked the screen
    expect(await adminCheck()).toMatchObject({ state: 'ready' });
    expect(updateAudit().find((entry) => entry.action === 'update.check')).toMatchObject({ userName: ADMIN.username, details: { trigger: 'administrator' } });
  });

  it('two checks asked for at once run as one (an administrator\'s click and the timer)', async () => {
    writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    await start(folderPolicy({ autoCheck: false }));
    const [first, second] = await Promise.all([services.invoke('update.check', undefined), services.invoke('update.check', undefined)]);
    expect([first.ok, second.ok]).toEqual([true, true]);
    await settled();
    expect(updater.configured).toHaveLength(1);
    expect(updateAudit().filter((entry) => entry.action === 'update.check')).toHaveLength(1);
    expect(await services.updates?.status()).toMatchObject({ state: 'ready' });
  });

  it('checks again when the interval has passed, not before (also while the screen is locked)', async () => {
    mkdirSync(releaseDir);
    await start(folderPolicy({ checkIntervalHours: 6 }));
    expect(await services.updates?.status()).toMatchObject({ state: 'failed', reason: 'METADATA_MISSING' });
    clock.advance(UPDATE_TICK_MS);
    timers.fire();
    await settled();
    expect(updateAudit().filter((entry) => entry.action === 'update.check')).toHaveLength(1);
    writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    clock.advance(6 * 3_600_000);
    timers.fire();
    await settled();
    expect(services.sessions.isLocked()).toBe(true);
    expect(await services.updates?.status()).toMatchObject({ state: 'ready' });
  });

  it('automatic checks wait for a login (their audit entries need the open unit)', async () => {
    writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    writePolicy(folderPolicy());
    await start(null);
    await services.invoke('session.logout', undefined);
    await services.updates?.settled();
    const checksBefore = updater.checks;
    clock.advance(48 * 3_600_000);
    timers.fire();
    await settled();
    expect(updater.checks).toBe(checksBefore);
  });

  it('an invalid policy turns updates off and says why', async () => {
    await start({ folder: releaseDir, autocheck: false });
    expect(await services.updates?.status()).toMatchObject({ state: 'failed', reason: 'POLICY_INVALID' });
    expect(updater.checks).toBe(0);
  });

  it('an officer sees the status but cannot check or install (refused by role, and audited)', async () => {
    writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    await start(folderPolicy());
    await login(OFFICER);
    expect(await services.invoke('update.status', undefined)).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(await services.invoke('update.install', undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await services.invoke('update.check', undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(updater.installs).toBe(0);
    const store = services.sessions.current()?.store;
    if (!store) throw new Error('no session');
    expect(listAudit(store.db, { action: 'access.denied', limit: 10 }).map((entry) => entry.subject)).toEqual(['update.check', 'update.install']);
  });

  it('no IPC channel writes the policy, and using every update channel leaves the file untouched', async () => {
    writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    await start(folderPolicy());
    const before = { bytes: readFileSync(policyFile), mtime: statSync(policyFile).mtimeMs };
    expect(channelNames.filter((name) => name.startsWith('update.')).sort()).toEqual(['update.check', 'update.install', 'update.status']);
    for (const name of ['update.status', 'update.check', 'update.install'] as const) {
      expect(contract[name].input.safeParse(undefined).success).toBe(true);
      expect(contract[name].input.safeParse({ folder: '/tmp/evil' }).success).toBe(false);
      await services.invoke(name, undefined);
    }
    expect(readFileSync(policyFile)).toEqual(before.bytes);
    expect(statSync(policyFile).mtimeMs).toBe(before.mtime);
    // A copy in the officer's data directory is never read.
    writeFileSync(path.join(services.dataDir, 'update.json'), JSON.stringify({ url: 'https://evil.example/' }));
    expect(updater.configured.every((feed) => !feed.url.includes('evil'))).toBe(true);
  });

  it('an unpackaged run (updater inactive) fails clearly after the release verified', async () => {
    writeRelease(releaseDir, { version: '1.1.0', key, channelFile: 'latest-linux.yml' });
    updater.inactive = true;
    await start(folderPolicy());
    expect(await services.updates?.status()).toMatchObject({ state: 'failed', reason: 'UPDATER_INACTIVE', version: '1.1.0' });
    expect(updater.downloads).toEqual([]);
  });
});

describe('the audit trail records the program version in use', () => {
  it('once per version, at the first login after it changed', async () => {
    await start(null);
    await login(ADMIN);
    await login(ADMIN);
    expect(updateAudit().filter((entry) => entry.action === 'update.version').map((entry) => entry.details)).toEqual([{ version: INSTALLED, previous: null }]);
  });
});

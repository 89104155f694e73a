import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../main/core/data-dir';
import { readUpdatePolicy, updatePolicyFiles } from '../../../main/core/updates/update-policy';
import { tempDir } from '../../fixtures/updates/signed-release';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir('pcu-policy-');
});
afterEach(() => temp.remove());

const linux = { platform: 'linux' as const, currentUid: null };

function policyFile(content: unknown, name = 'update.json'): string {
  const file = path.join(temp.dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('where the policy is looked for', () => {
  it('Windows: %ProgramData%\\PCU Workstation, then next to the installation', () => {
    const env = { ProgramData: 'C:\\ProgramData', APPDATA: 'C:\\Users\\aziz\\AppData\\Roaming' };
    const files = updatePolicyFiles({ platform: 'win32', env, installDir: 'C:\\Program Files\\PCU Workstation', resourcesDir: null });
    expect(files).toEqual(['C:\\ProgramData\\PCU Workstation\\update.json', 'C:\\Program Files\\PCU Workstation\\update.json']);
  });

  it("Linux: /etc/pcu-workstation, then the installation's resources", () => {
    const files = updatePolicyFiles({ platform: 'linux', env: {}, installDir: '/opt/PCU Workstation', resourcesDir: '/opt/PCU Workstation/resources' });
    expect(files).toEqual(['/etc/pcu-workstation/update.json', '/opt/PCU Workstation/resources/update.json']);
  });

  it("never in the officer's own folders: not the data directory, not the profile", () => {
    const env = { ProgramData: 'C:\\ProgramData', APPDATA: 'C:\\Users\\aziz\\AppData\\Roaming', PCU_DATA_DIR: 'D:\\pcu', XDG_CONFIG_HOME: '/home/aziz/.config' };
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const home = platform === 'win32' ? 'C:\\Users\\aziz' : '/home/aziz';
      const files = updatePolicyFiles({ platform, env, installDir: null, resourcesDir: null });
      const dataDir = defaultDataDir(platform, { ...env, PCU_DATA_DIR: undefined }, home);
      for (const file of files) {
        expect(file.startsWith(home), file).toBe(false);
        expect(file.startsWith(dataDir), file).toBe(false);
        expect(file.startsWith('D:\\pcu'), file).toBe(false);
      }
    }
  });
});

describe('reading the policy', () => {
  it('no file: updates are not configured', async () => {
    expect(await readUpdatePolicy([path.join(temp.dir, 'absent.json')], linux)).toMatchObject({ kind: 'none' });
  });

  it('fills the defaults: automatic checks daily, installed on an administrator\'s request, channel latest', async () => {
    const file = policyFile({ url: 'https://updates.customs.example/pcu/' });
    expect(await readUpdatePolicy([file], linux)).toEqual({
      kind: 'ok',
      file,
      policy: { source: { kind: 'url', url: 'https://updates.customs.example/pcu/' }, autoCheck: true, checkIntervalHours: 24, install: 'administrator', channel: 'latest' },
    });
  });

  it('reads a folder source and every field (with the BOM Notepad writes)', async () => {
    const file = policyFile(`\uFEFF${JSON.stringify({ folder: '/media/usb/pcu-updates', autoCheck: false, checkIntervalHours: 4, install: 'on-quit', channel: 'beta' })}`);
    expect(await readUpdatePolicy([file], linux)).toMatchObject({
      kind: 'ok',
      policy: { source: { kind: 'folder', folder: '/media/usb/pcu-updates' }, autoCheck: false, checkIntervalHours: 4, install: 'on-quit', channel: 'beta' },
    });
  });

  it('the first file that exists wins; a broken one turns updates off instead of falling through', async () => {
    const first = policyFile({ url: 'https://first.example/' }, 'first.json');
    const second = policyFile({ url: 'https://second.example/' }, 'second.json');
    expect(await readUpdatePolicy([path.join(temp.dir, 'absent.json'), first, second], linux)).toMatchObject({ kind: 'ok', file: first });
    const broken = policyFile('{ "url": ', 'broken.json');
    expect(await readUpdatePolicy([broken, second], linux)).toMatchObject({ kind: 'invalid', file: broken, problem: expect.stringContaining('not JSON') });
  });

  it.each([
    [{}, 'exactly one'],
    [{ url: 'https://a.example/', folder: '/x' }, 'exactly one'],
    [{ url: 'ftp://a.example/' }, 'url'],
    [{ url: 'https://user:secret@a.example/' }, 'url'],
    [{ url: 'file:///etc/' }, 'url'],
    [{ folder: 'relative/path' }, 'folder'],
    [{ url: 'https://a.example/', autocheck: false }, 'autocheck'],
    [{ url: 'https://a.example/', install: 'always' }, 'install'],
    [{ url: 'https://a.example/', checkIntervalHours: 0 }, 'checkIntervalHours'],
    [{ url: 'https://a.example/', channel: 'latest-linux' }, 'channel'],
  ])('refuses %j (%s)', async (content, field) => {
    const reading = await readUpdatePolicy([policyFile(content)], linux);
    expect(reading.kind).toBe('invalid');
    if (reading.kind === 'invalid') expect(reading.problem).toContain(field);
  });

  it('POSIX: refuses a policy the running account could rewrite (owned by it, or writable by group or others)', async () => {
    const dir = path.join(temp.dir, 'etc');
    mkdirSync(dir, { mode: 0o755 });
    const file = path.join(dir, 'update.json');
    writeFileSync(file, JSON.stringify({ url: 'https://a.example/' }), { mode: 0o644 });
    chmodSync(dir, 0o755);
    chmodSync(file, 0o644);
    // Files here belong to the test's own account: as root (uid 0) that is IT's account.
    const owner = process.getuid?.() ?? 0;
    expect(await readUpdatePolicy([file], { platform: 'linux', currentUid: owner === 0 ? 0 : 12345 })).toMatchObject({ kind: 'ok' });
    if (owner !== 0) {
      expect(await readUpdatePolicy([file], { platform: 'linux', currentUid: owner })).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('belongs to the account') });
    }
    chmodSync(file, 0o666);
    expect(await readUpdatePolicy([file], { platform: 'linux', currentUid: 12345 })).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('writable by group or others') });
    chmodSync(file, 0o644);
    chmodSync(dir, 0o777);
    expect(await readUpdatePolicy([file], { platform: 'linux', currentUid: 12345 })).toMatchObject({ kind: 'invalid', problem: expect.stringContaining(dir) });
    // Windows: ACLs decide (docs/IT.md); the mode bits mean nothing there.
    expect(await readUpdatePolicy([file], { platform: 'win32', currentUid: 12345 })).toMatchObject({ kind: 'ok' });
  });

  it('refuses a folder in place of the file, and an oversized file', async () => {
    const dir = path.join(temp.dir, 'update.json');
    mkdirSync(dir);
    expect(await readUpdatePolicy([dir], linux)).toMatchObject({ kind: 'invalid', problem: 'not a regular file' });
    const big = policyFile(' '.repeat(70_000), 'big.json');
    expect(await readUpdatePolicy([big], linux)).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('larger') });
  });
});

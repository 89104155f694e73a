import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/io';
import { runCli } from '../../main/cli/program';
import { APP_VERSION } from '../../main/core/app-version';
import { parseEnvelope } from '../../main/core/updates/signature-envelope';
import { makeReleaseKey, tempDir, writeRelease, type TestReleaseKey } from '../fixtures/updates/signed-release';

let temp: ReturnType<typeof tempDir>;
let key: TestReleaseKey;

beforeEach(() => {
  temp = tempDir('pcu-cli-release-');
  key = makeReleaseKey(path.join(temp.dir, 'keys'));
});
afterEach(() => temp.remove());

async function pcu(args: string[], env: Record<string, string> = {}, language: 'en' | 'ru' = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), env, platform: 'linux', home: temp.dir, language };
  const code = await runCli(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

function json(text: string): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}

describe('pcu release keygen --out DIR', () => {
  it('writes an Ed25519 key pair (private key readable by its owner only) and never overwrites one', async () => {
    const out = path.join(temp.dir, 'release-keys');
    const run = await pcu(['release', 'keygen', '--out', out, '--json']);
    expect(run.code).toBe(0);
    const result = json(run.stdout);
    expect(result).toEqual({
      privateKey: path.join(out, 'release-private-key.pem'),
      publicKey: path.join(out, 'release-public-key.pem'),
      keyId: expect.stringMatching(/^[0-9a-f]{64}$/),
      encrypted: false,
    });
    expect(statSync(path.join(out, 'release-private-key.pem')).mode & 0o077).toBe(0);
    expect(readFileSync(path.join(out, 'release-public-key.pem'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);

    const privateKey = readFileSync(path.join(out, 'release-private-key.pem'), 'utf8');
    const again = await pcu(['release', 'keygen', '--out', out, '--json']);
    expect(again.code).toBe(1);
    expect(json(again.stderr)).toMatchObject({ ok: false, error: { code: 'RELEASE_KEY_EXISTS' } });
    expect(readFileSync(path.join(out, 'release-private-key.pem'), 'utf8')).toBe(privateKey);
  });

  it('encrypts the private key with $PCU_RELEASE_KEY_PASSPHRASE, and signing then needs it', async () => {
    const out = path.join(temp.dir, 'encrypted');
    expect((await pcu(['release', 'keygen', '--out', out, '--json'], { PCU_RELEASE_KEY_PASSPHRASE: 'long release passphrase' })).code).toBe(0);
    expect(readFileSync(path.join(out, 'release-private-key.pem'), 'utf8')).toContain('ENCRYPTED PRIVATE KEY');
    const dist = path.join(temp.dir, 'dist');
    writeRelease(dist, { version: '1.1.0', key, sign: false });
    const without = await pcu(['release', 'sign', '--key', path.join(out, 'release-private-key.pem'), '--dir', dist, '--json']);
    expect(json(without.stderr)).toMatchObject({ error: { code: 'RELEASE_KEY_INVALID', message: expect.stringContaining('PCU_RELEASE_KEY_PASSPHRASE') } });
    const withIt = await pcu(['release', 'sign', '--key', path.join(out, 'release-private-key.pem'), '--dir', dist, '--json'], { PCU_RELEASE_KEY_PASSPHRASE: 'long release passphrase' });
    expect(withIt.code).toBe(0);
  });
});

describe('pcu release sign --key FILE --dir DIST', () => {
  it('signs every update metadata file (not builder-debug.yml) and names the key and whether the app pins it', async () => {
    const dist = path.join(temp.dir, 'dist');
    writeRelease(dist, { version: '1.1.0', key, sign: false });
    writeRelease(dist, { version: '1.1.0', key, sign: false, channelFile: 'latest-linux.yml', installerName: 'PCU-Workstation-1.1.0.AppImage' });
    writeFileSync(path.join(dist, 'builder-debug.yml'), 'x64: {}\n');
    const keyFile = path.join(temp.dir, 'key.pem');
    writeFileSync(keyFile, key.privateKeyPem);
    const run = await pcu(['release', 'sign', '--key', keyFile, '--dir', dist, '--json']);
    expect(run.code).toBe(0);
    expect(json(run.stdout)).toEqual({
      dir: dist,
      product: 'org.unodc.ccp.pcu-workstation',
      keyId: key.keyId,
      pinned: false,
      signed: [
        { file: 'latest-linux.yml', signature: 'latest-linux.yml.sig', version: '1.1.0' },
        { file: 'latest.yml', signature: 'latest.yml.sig', version: '1.1.0' },
      ],
    });
    expect(readdirSync(dist).filter((name) => name.endsWith('.sig')).sort()).toEqual(['latest-linux.yml.sig', 'latest.yml.sig']);
    expect(parseEnvelope(readFileSync(path.join(dist, 'latest.yml.sig')))).toMatchObject({ file: 'latest.yml', keyId: key.keyId });
    // A test key is not the project's: every installation would refuse this release, and the release manager is told.
    const human = await pcu(['release', 'sign', '--key', keyFile, '--dir', dist]);
    expect(human.stderr).toContain('not in the pinned release-public-key.pem');
  });

  it('refuses to sign a folder whose installer differs from its metadata, and writes nothing', async () => {
    const dist = path.join(temp.dir, 'dist');
    const release = writeRelease(dist, { version: '1.1.0', key, sign: false });
    writeFileSync(release.installer, 'MZ replaced after the build');
    const keyFile = path.join(temp.dir, 'key.pem');
    writeFileSync(keyFile, key.privateKeyPem);
    const run = await pcu(['release', 'sign', '--key', keyFile, '--dir', dist, '--json']);
    expect(run.code).toBe(1);
    expect(json(run.stderr)).toMatchObject({ error: { code: 'RELEASE_INSTALLER_MISMATCH' } });
    expect(existsSync(`${release.metadata}.sig`)).toBe(false);
  });

  it('refuses a folder without metadata, and a key that is not an Ed25519 private key', async () => {
    const keyFile = path.join(temp.dir, 'key.pem');
    writeFileSync(keyFile, key.privateKeyPem);
    expect(json((await pcu(['release', 'sign', '--key', keyFile, '--dir', temp.dir, '--json'])).stderr)).toMatchObject({ error: { code: 'RELEASE_NOTHING_TO_SIGN' } });
    const dist = path.join(temp.dir, 'dist');
    writeRelease(dist, { version: '1.1.0', key, sign: false });
    expect(json((await pcu(['release', 'sign', '--key', key.publicKeyFile, '--dir', dist, '--json'])).stderr)).toMatchObject({ error: { code: 'RELEASE_KEY_INVALID' } });
  });
});

describe('pcu update verify --dir DIR [--public-key FILE] [--current-version V] --json', () => {
  const verify = (dir: string, ...extra: string[]) => pcu(['update', 'verify', '--dir', dir, '--public-key', key.publicKeyFile, ...extra, '--json']);

  it('prints {ok, version} and exits 0 for a good release signed by the given key', async () => {
    const release = writeRelease(path.join(temp.dir, 'usb'), { version: '99.0.0', key });
    const run = await verify(release.dir);
    expect(run.code).toBe(0);
    expect(json(run.stdout)).toEqual({ ok: true, version: '99.0.0' });
  });

  it.each([
    ['SIGNATURE_MISSING', (dir: string) => writeRelease(dir, { version: '99.0.0', key, sign: false })],
    ['WRONG_PRODUCT', (dir: string) => writeRelease(dir, { version: '99.0.0', key, product: 'org.example.other-app' })],
    ['METADATA_MODIFIED', (dir: string) => {
      const release = writeRelease(dir, { version: '99.0.0', key });
      writeFileSync(release.metadata, readFileSync(release.metadata, 'utf8').replace('99.0.0', '99.0.1'));
    }],
    ['INSTALLER_MODIFIED', (dir: string) => {
      const release = writeRelease(dir, { version: '99.0.0', key });
      writeFileSync(release.installer, Buffer.alloc(256 * 1024));
    }],
  ])('prints {ok: false, version, reason: %s} and exits 1', async (reason, make) => {
    const dir = path.join(temp.dir, 'usb');
    make(dir);
    const run = await verify(dir);
    expect(run.code).toBe(1);
    const result = json(run.stdout);
    expect(Object.keys(result).sort()).toEqual(['ok', 'reason', 'version']);
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('checks every platform file: one edited latest-linux.yml fails the folder', async () => {
    const dir = path.join(temp.dir, 'usb');
    writeRelease(dir, { version: '99.0.0', key });
    const linux = writeRelease(dir, { version: '99.0.0', key, channelFile: 'latest-linux.yml', installerName: 'PCU-Workstation-99.0.0.AppImage' });
    writeFileSync(linux.metadata, `${readFileSync(linux.metadata, 'utf8')}# edited\n`);
    expect(json((await verify(dir)).stdout)).toEqual({ ok: false, version: '99.0.0', reason: 'METADATA_MODIFIED' });
  });

  it('--current-version replaces the installed version for the downgrade rule; equal is accepted as nothing to do', async () => {
    const release = writeRelease(path.join(temp.dir, 'usb'), { version: '1.2.0', key });
    expect(json((await verify(release.dir, '--current-version', '1.3.0')).stdout)).toEqual({ ok: false, version: '1.2.0', reason: 'DOWNGRADE' });
    expect(json((await verify(release.dir, '--current-version', '1.2.0')).stdout)).toEqual({ ok: true, version: '1.2.0' });
    expect((await pcu(['update', 'verify', '--dir', release.dir, '--public-key', key.publicKeyFile, '--current-version', '1.2.0'])).stdout).toContain('nothing to install');
    const bad = await verify(release.dir, '--current-version', 'one');
    expect(json(bad.stderr)).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
  });

  it('without --public-key trusts only the key built into the program: a test-signed release is UNKNOWN_KEY', async () => {
    const release = writeRelease(path.join(temp.dir, 'usb'), { version: '99.0.0', key });
    const run = await pcu(['update', 'verify', '--dir', release.dir, '--json']);
    expect(json(run.stdout)).toEqual({ ok: false, version: null, reason: 'UNKNOWN_KEY' });
  });

  it('an empty or missing folder is METADATA_MISSING or SOURCE_UNREACHABLE; the default installed version is this build', async () => {
    expect(json((await verify(temp.dir)).stdout)).toEqual({ ok: false, version: null, reason: 'METADATA_MISSING' });
    expect(json((await verify(path.join(temp.dir, 'absent'))).stdout)).toEqual({ ok: false, version: null, reason: 'SOURCE_UNREACHABLE' });
    const same = writeRelease(path.join(temp.dir, 'same'), { version: APP_VERSION, key });
    expect(json((await verify(same.dir)).stdout)).toEqual({ ok: true, version: APP_VERSION });
  });

  it('explains a refusal in Russian for people', async () => {
    const release = writeRelease(path.join(temp.dir, 'usb'), { version: '99.0.0', key, sign: false });
    const run = await pcu(['update', 'verify', '--dir', release.dir, '--public-key', key.publicKeyFile], {}, 'ru');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('выпуск не подписан');
  });
});

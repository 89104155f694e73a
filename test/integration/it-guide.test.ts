import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePublicKeys, pinnedPublicKeyFile } from '../../main/core/updates/release-keys';
import { updateFailures, updateRefusals } from '../../shared/ipc/update-status';
import { makeReleaseKey, tempDir, writeRelease, type TestReleaseKey } from '../fixtures/updates/signed-release';

const root = path.resolve(import.meta.dirname, '../..');
const guide = readFileSync(path.join(root, 'docs/IT.md'), 'utf8');

/** The shell block of docs/IT.md §7 that IT types by hand. */
function verifyByHandScript(): string {
  const match = /<!-- verify-by-hand[^>]*-->\s*```sh\n([\s\S]*?)```\s*<!-- \/verify-by-hand -->/.exec(guide);
  if (!match?.[1]) throw new Error('docs/IT.md has no verify-by-hand block');
  return match[1];
}

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
if (!hasOpenssl) process.stdout.write('docs/IT.md openssl check skipped: no openssl on this machine\n');

let temp: ReturnType<typeof tempDir>;
let key: TestReleaseKey;
beforeEach(() => {
  temp = tempDir('pcu-it-guide-');
  key = makeReleaseKey(path.join(temp.dir, 'keys'));
});
afterEach(() => temp.remove());

function runScript(dir: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', verifyByHandScript()], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('docs/IT.md: verifying a release by hand with openssl', () => {
  it.skipIf(!hasOpenssl)('the documented commands verify a folder signed by `pcu release sign`, and print what IT compares', () => {
    // The guide's example installer name: a release of version 0.2.0.
    const release = writeRelease(path.join(temp.dir, 'usb'), { version: '0.2.0', key });
    copyFileSync(key.publicKeyFile, path.join(release.dir, 'release-public-key.pem'));
    const run = runScript(release.dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Signature Verified Successfully');
    const field = (name: string) => new RegExp(`^${name}: (\\S+)$`, 'm').exec(run.stdout)?.[1];
    expect(field('product')).toBe('org.unodc.ccp.pcu-workstation');
    expect(field('file')).toBe('latest.yml');
    // sha256sum of latest.yml, and of the public key, equal the signed lines.
    expect(run.stdout).toMatch(new RegExp(`^${field('sha256')}  latest\\.yml$`, 'm'));
    expect(run.stdout).toMatch(new RegExp(`^${key.keyId}  -$`, 'm'));
    // The installer's SHA-512 as electron-builder writes it (base64), and the yml's line.
    expect(run.stdout).toContain(`${release.sha512}\nsha512: ${release.sha512}`);
    // The commands clean up after themselves.
    expect(existsSync(path.join(release.dir, 'latest.yml.signed-part'))).toBe(false);
  });

  it.skipIf(!hasOpenssl)('they show an edited yml (its sha256 differs from the signed one) and fail on an edited signature file', () => {
    const release = writeRelease(path.join(temp.dir, 'usb'), { version: '0.2.0', key });
    copyFileSync(key.publicKeyFile, path.join(release.dir, 'release-public-key.pem'));
    writeFileSync(release.metadata, readFileSync(release.metadata, 'utf8').replace('0.2.0', '0.2.1'));
    const edited = runScript(release.dir);
    expect(edited.stdout).toContain('Signature Verified Successfully');
    const signed = /^sha256: (\S+)$/m.exec(edited.stdout)?.[1];
    const actual = /^(\S+) {2}latest\.yml$/m.exec(edited.stdout)?.[1];
    expect(actual).toBeDefined();
    expect(actual).not.toBe(signed);

    writeFileSync(release.signature, readFileSync(release.signature, 'utf8').replace(/^sha256: \S+$/m, `sha256: ${actual}`));
    const forged = runScript(release.dir);
    expect(forged.status).not.toBe(0);
    expect(`${forged.stdout}${forged.stderr}`).toContain('Signature Verification Failure');
  });
});

describe('docs/IT.md stays true to the code', () => {
  it('names the key id of the public key the program pins', () => {
    const [pinned] = parsePublicKeys(readFileSync(pinnedPublicKeyFile(), 'utf8'));
    expect(guide).toContain(pinned?.keyId);
    if (hasOpenssl) {
      const der = execFileSync('openssl', ['pkey', '-pubin', '-in', pinnedPublicKeyFile(), '-outform', 'DER']);
      expect(createHash('sha256').update(der).digest('hex')).toBe(pinned?.keyId);
    }
  });

  it('documents every field of update.json and what to do for every refusal and failure', () => {
    for (const field of ['url', 'folder', 'autoCheck', 'checkIntervalHours', 'install', 'channel']) {
      expect(guide, field).toContain(`| \`${field}\` |`);
    }
    for (const reason of [...updateRefusals, ...updateFailures]) {
      expect(guide, reason).toContain(`| \`${reason}\` |`);
    }
  });
});

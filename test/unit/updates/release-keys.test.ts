import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReleaseKeyPair, parsePrivateKey, parsePublicKeys, pinnedPublicKeyFile } from '../../../main/core/updates/release-keys';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the pinned release key', () => {
  it('is one Ed25519 public key in resources/update/release-public-key.pem', () => {
    expect(pinnedPublicKeyFile()).toBe(path.join(root, 'resources/update/release-public-key.pem'));
    const keys = parsePublicKeys(readFileSync(pinnedPublicKeyFile(), 'utf8'));
    expect(keys).toHaveLength(1);
    expect(keys[0]?.key.asymmetricKeyType).toBe('ed25519');
  });

  it('has no private half anywhere in the repository (tests make their own key pairs)', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((file) => file !== '' && !file.startsWith('node_modules/'));
    const armour = new RegExp(['-----BEGIN', '(ENCRYPTED )?PRIVATE KEY-----'].join(' '));
    const offenders = files.filter((file) => {
      try {
        return armour.test(readFileSync(path.join(root, file), 'latin1'));
      } catch {
        return false;
      }
    });
    expect(offenders).toEqual([]);
  });
});

describe('release key files', () => {
  it('refuses non-Ed25519 keys and files without a key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => parsePublicKeys(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toThrow(/Ed25519/);
    expect(() => parsePrivateKey(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(/Ed25519/);
    expect(() => parsePublicKeys('nothing here')).toThrow(/No PUBLIC KEY/);
  });

  it('an encrypted private key opens with its passphrase only', () => {
    const pair = generateReleaseKeyPair('correct passphrase');
    expect(pair.privateKeyPem).toContain('ENCRYPTED');
    expect(parsePrivateKey(pair.privateKeyPem, 'correct passphrase').asymmetricKeyType).toBe('ed25519');
    expect(() => parsePrivateKey(pair.privateKeyPem, 'wrong')).toThrow(/PCU_RELEASE_KEY_PASSPHRASE/);
    expect(() => parsePrivateKey(pair.privateKeyPem)).toThrow(/PCU_RELEASE_KEY_PASSPHRASE/);
  });
});

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../../../shared/ipc/errors';

/**
 * The project's release keys: Ed25519. The app pins the public half in
 * `resources/update/release-public-key.pem` (inside app.asar, so the asar
 * integrity fuse covers it); the private half stays with the release manager.
 */
export interface ReleasePublicKey {
  /** SHA-256 of the key's DER SubjectPublicKeyInfo, hex: `openssl pkey -pubin -outform DER | sha256sum`. */
  readonly keyId: string;
  readonly key: KeyObject;
}

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g;

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/**
 * Every PUBLIC KEY block of a PEM file. During a key rotation the pinned file
 * holds the old and the new key; a release signed by either is accepted.
 */
export function parsePublicKeys(pem: string): ReleasePublicKey[] {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new DomainError('RELEASE_KEY_INVALID', 'No PUBLIC KEY block in the public key file');
  return blocks.map((block) => {
    let key: KeyObject;
    try {
      key = createPublicKey(block);
    } catch (error) {
      throw new DomainError('RELEASE_KEY_INVALID', `Unreadable public key: ${(error as Error).message}`);
    }
    if (key.asymmetricKeyType !== 'ed25519') {
      throw new DomainError('RELEASE_KEY_INVALID', `The release key must be Ed25519, not ${key.asymmetricKeyType ?? 'unknown'}`);
    }
    return { keyId: keyIdOf(key), key };
  });
}

export async function readPublicKeys(file: string): Promise<ReleasePublicKey[]> {
  let pem: string;
  try {
    pem = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new DomainError('RELEASE_KEY_INVALID', `Cannot read ${file}: ${(error as Error).message}`, { file });
  }
  return parsePublicKeys(pem);
}

/**
 * The signing key. An encrypted PKCS#8 file needs its passphrase; Node's
 * own error for a wrong one names no key material, but is replaced anyway
 * by a stable code the CLI translates.
 */
export function parsePrivateKey(pem: string, passphrase?: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(passphrase === undefined ? { key: pem, format: 'pem' } : { key: pem, format: 'pem', passphrase });
  } catch (error) {
    const encrypted = pem.includes('ENCRYPTED PRIVATE KEY');
    throw new DomainError(
      'RELEASE_KEY_INVALID',
      encrypted ? 'The private key is encrypted: set PCU_RELEASE_KEY_PASSPHRASE to its passphrase' : `Unreadable private key: ${(error as NodeJS.ErrnoException).code ?? 'invalid'}`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new DomainError('RELEASE_KEY_INVALID', `The release key must be Ed25519, not ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return key;
}

export interface GeneratedKeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  readonly keyId: string;
}

/** A new release key pair; with a passphrase the private key is written as encrypted PKCS#8 (PBES2, AES-256-CBC). */
export function generateReleaseKeyPair(passphrase?: string): GeneratedKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privateKeyPem = (
    passphrase
      ? privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
      : privateKey.export({ type: 'pkcs8', format: 'pem' })
  ).toString();
  return { privateKeyPem, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey) };
}

/**
 * The pinned public key shipped with the app. The same relative path works
 * from the TypeScript source (main/core/updates) and from a built bundle
 * (out/main, out/cli), inside an asar too.
 */
export function pinnedPublicKeyFile(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const inSource = here.endsWith(path.join('main', 'core', 'updates'));
  return path.resolve(here, inSource ? '../../..' : '../..', 'resources', 'update', 'release-public-key.pem');
}

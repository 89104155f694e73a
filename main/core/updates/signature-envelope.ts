import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { keyIdOf } from './release-keys';

/**
 * The signature file published beside each update metadata file
 * (`latest.yml` → `latest.yml.sig`). Plain text, LF line endings, exactly:
 *
 *     pcu-update-signature: 1
 *     product: org.unodc.ccp.pcu-workstation
 *     file: latest.yml
 *     sha256: <SHA-256 of latest.yml, 64 lowercase hex digits>
 *     key: <key id: SHA-256 of the signing key's DER public key, hex>
 *     signature: <base64 Ed25519 signature of the five lines above, each ending in LF>
 *
 * Why an envelope rather than a bare signature of the yml: electron-builder's
 * yml names no product, so a bare signature would also accept another
 * product's yml signed with the same key; the envelope binds product, file
 * name (channel and platform) and content together. The first five lines are
 * a plain file that `openssl pkeyutl -verify -rawin` checks directly (docs/IT.md).
 */
export const ENVELOPE_FORMAT = '1';
export const SIGNATURE_SUFFIX = '.sig';
const SIGNED_LINES = 5;

export interface SignatureEnvelope {
  readonly product: string;
  readonly file: string;
  readonly sha256: string;
  readonly keyId: string;
  /** The exact bytes the signature covers. */
  readonly signedPart: Buffer;
  readonly signature: Buffer;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function signedPart(fields: { product: string; file: string; sha256: string; keyId: string }): string {
  return [
    `pcu-update-signature: ${ENVELOPE_FORMAT}`,
    `product: ${fields.product}`,
    `file: ${fields.file}`,
    `sha256: ${fields.sha256}`,
    `key: ${fields.keyId}`,
    '',
  ].join('\n');
}

/** Signs one metadata file's bytes; `publicKey` gives the key id written into the envelope. */
export function signMetadata(input: {
  product: string;
  file: string;
  metadata: Uint8Array;
  privateKey: KeyObject;
  publicKey: KeyObject;
}): string {
  const part = signedPart({ product: input.product, file: input.file, sha256: sha256Hex(input.metadata), keyId: keyIdOf(input.publicKey) });
  // Ed25519 signs the message itself (no pre-hash): the algorithm argument must be null.
  const signature = sign(null, Buffer.from(part, 'utf8'), input.privateKey);
  return `${part}signature: ${signature.toString('base64')}\n`;
}

const FIELD_PATTERNS = {
  format: /^pcu-update-signature: (\d+)$/,
  product: /^product: ([A-Za-z0-9._-]{1,200})$/,
  file: /^file: ([A-Za-z0-9._-]{1,200})$/,
  sha256: /^sha256: ([0-9a-f]{64})$/,
  keyId: /^key: ([0-9a-f]{64})$/,
  signature: /^signature: ([A-Za-z0-9+/]{86}==)$/,
} as const;

/** Null when the file is not exactly the format above (then nothing in it is trusted). */
export function parseEnvelope(bytes: Uint8Array): SignatureEnvelope | null {
  if (bytes.length > 4096) return null;
  const text = Buffer.from(bytes).toString('utf8');
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  if (lines.length !== SIGNED_LINES + 1) return null;
  const [format, product, file, sha256, keyId, signature] = lines.map((line, index) => {
    const pattern = Object.values(FIELD_PATTERNS)[index];
    return pattern?.exec(line)?.[1] ?? null;
  });
  if (!format || !product || !file || !sha256 || !keyId || !signature) return null;
  if (format !== ENVELOPE_FORMAT) return null;
  const signatureBytes = Buffer.from(signature, 'base64');
  if (signatureBytes.length !== 64) return null;
  return {
    product,
    file,
    sha256,
    keyId,
    signedPart: Buffer.from(`${lines.slice(0, SIGNED_LINES).join('\n')}\n`, 'utf8'),
    signature: signatureBytes,
  };
}

export function envelopeSignatureValid(envelope: SignatureEnvelope, publicKey: KeyObject): boolean {
  try {
    return verify(null, envelope.signedPart, publicKey, envelope.signature);
  } catch {
    return false;
  }
}

/**
 * The encrypted inner layer: CMS AuthEnvelopedData (RFC 5083) with AES-256-GCM
 * (RFC 5084) and one KeyTransRecipientInfo per recipient, RSAES-OAEP with SHA-256
 * and MGF1-SHA-256 (RFC 4055, RFC 8017).
 *
 * Why AuthEnvelopedData and not EnvelopedData/AES-CBC: GCM authenticates the
 * ciphertext under the content key itself, so a recipient never feeds
 * unauthenticated ciphertext to a padding check (no padding oracle), even for a
 * package whose outer signature comes from a compromised partner. OpenSSL 3.0+
 * reads and writes this structure (`openssl cms -encrypt -aes-256-gcm`,
 * `openssl cms -decrypt`); the tests prove both directions.
 *
 *   AuthEnvelopedData ::= SEQUENCE {
 *     version 0, -- no originatorInfo is written; it is skipped if present
 *     recipientInfos SET OF KeyTransRecipientInfo {
 *       version 0, rid issuerAndSerialNumber (of the recipient's certificate),
 *       keyEncryptionAlgorithm { id-RSAES-OAEP 1.2.840.113549.1.1.7,
 *         RSAES-OAEP-params { hashFunc [0] {id-sha256, NULL},
 *                             maskGenFunc [1] {id-mgf1 1.2.840.113549.1.1.8, {id-sha256, NULL}} } },
 *         -- pSourceFunc left at its DEFAULT (empty label); the NULL parameters
 *         -- follow RFC 4055 §2.1 (sha256Identifier); reading accepts NULL or absent
 *       encryptedKey OCTET STRING -- the 32-byte AES key under the recipient's RSA key },
 *     authEncryptedContentInfo { contentType id-data,
 *       contentEncryptionAlgorithm { id-aes256-GCM 2.16.840.1.101.3.4.1.46,
 *         GCMParameters { aes-nonce OCTET STRING (12 random bytes), aes-ICVlen 16 } },
 *       encryptedContent [0] IMPLICIT OCTET STRING },
 *     -- no authAttrs are written; if a sender includes them, their DER (SET tag) is the GCM AAD
 *     mac OCTET STRING -- the 16-byte GCM tag }
 */
import crypto from 'node:crypto';
import { OID } from '../../signing/cms';
import { issuerAndSerial, rsaPublicKeyOf } from './certificate';
import {
  algorithmIdentifier,
  childrenOf,
  DerError,
  expectTag,
  integerHex,
  nullValue,
  octetString,
  oid,
  readOid,
  readSmallInteger,
  readWhole,
  seq,
  smallInteger,
  TAG,
  tlv,
  type Tlv,
} from './der';

export const ENVELOPE_OID = {
  authEnvelopedData: '1.2.840.113549.1.9.16.1.23',
  rsaesOaep: '1.2.840.113549.1.1.7',
  mgf1: '1.2.840.113549.1.1.8',
  pSpecified: '1.2.840.113549.1.1.9',
  aes256Gcm: '2.16.840.1.101.3.4.1.46',
} as const;

const GCM_NONCE_BYTES = 12;
const GCM_TAG_BYTES = 16;
const CONTENT_KEY_BYTES = 32;

/** A recipient as the package names it: the issuer Name (DER) and serial of its certificate. */
export interface RecipientRef {
  issuerDer: Buffer;
  /** Lower-case hex of the serial number's magnitude, without leading zeros. */
  serialHex: string;
}

interface KeyTransport extends RecipientRef {
  encryptedKey: Buffer;
  /** False when the key transport is not RSAES-OAEP/SHA-256/MGF1-SHA-256 (we cannot use it). */
  supported: boolean;
}

/** What openContent needs of a parsed (not yet decrypted) AuthEnvelopedData. */
export interface ParsedEnvelope {
  recipients: KeyTransport[];
  nonce: Buffer;
  tagLength: number;
  ciphertext: Buffer;
  mac: Buffer;
  /** DER of authAttrs with the SET tag, or an empty buffer. */
  aad: Buffer;
}

/** Thrown when an envelope cannot be used; the package layer maps `kind` to its codes. */
export class EnvelopeError extends Error {
  override name = 'EnvelopeError';
  constructor(
    readonly kind: 'malformed' | 'not-for-me' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

const sha256Identifier = (): Buffer => algorithmIdentifier(OID.sha256, nullValue());

function oaepAlgorithm(): Buffer {
  return algorithmIdentifier(
    ENVELOPE_OID.rsaesOaep,
    seq(tlv(TAG.context(0), sha256Identifier()), tlv(TAG.context(1), algorithmIdentifier(ENVELOPE_OID.mgf1, sha256Identifier()))),
  );
}

/** Encrypts `payload` to every certificate; returns the DER AuthEnvelopedData (not wrapped in a ContentInfo). */
export function sealEnvelope(payload: Buffer, recipientCertificates: readonly Buffer[]): Buffer {
  if (recipientCertificates.length === 0) throw new RangeError('sealEnvelope: at least one recipient');
  const contentKey = crypto.randomBytes(CONTENT_KEY_BYTES);
  const nonce = crypto.randomBytes(GCM_NONCE_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', contentKey, nonce, { authTagLength: GCM_TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(payload), cipher.final()]);
  const mac = cipher.getAuthTag();

  const recipientInfos = recipientCertificates.map((certificate) => {
    const { issuer, serial } = issuerAndSerial(certificate);
    const encryptedKey = crypto.publicEncrypt(
      { key: rsaPublicKeyOf(certificate), padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      contentKey,
    );
    return seq(smallInteger(0), seq(issuer.bytes, serial.bytes), oaepAlgorithm(), octetString(encryptedKey));
  });
  contentKey.fill(0);

  const gcmParameters = seq(octetString(nonce), smallInteger(GCM_TAG_BYTES));
  return seq(
    smallInteger(0),
    // SET OF in DER order (X.690 §11.6), as for signed attributes.
    tlv(TAG.set, ...recipientInfos.sort(Buffer.compare)),
    seq(oid(OID.data), algorithmIdentifier(ENVELOPE_OID.aes256Gcm, gcmParameters), tlv(TAG.contextPrimitive(0), ciphertext)),
    octetString(mac),
  );
}

/** An AlgorithmIdentifier for SHA-256 with absent or NULL parameters. */
function isSha256(node: Tlv | undefined): boolean {
  if (!node || node.tag !== TAG.sequence) return false;
  const [id, params, extra] = childrenOf(node);
  if (extra || readOid(id, 'hash algorithm') !== OID.sha256) return false;
  return params === undefined || (params.tag === TAG.null && params.content.length === 0);
}

/** RSAES-OAEP with hash SHA-256, MGF1-SHA-256 and the default (empty) label: the only key transport we use. */
function isOurOaep(algorithm: Tlv): boolean {
  const [id, params] = childrenOf(expectTag(algorithm, TAG.sequence, 'keyEncryptionAlgorithm'));
  if (readOid(id, 'keyEncryptionAlgorithm') !== ENVELOPE_OID.rsaesOaep || !params || params.tag !== TAG.sequence) return false;
  let hash = false;
  let mgf = false;
  for (const field of childrenOf(params)) {
    const [inner, extra] = childrenOf(field);
    if (extra) return false;
    if (field.tag === TAG.context(0)) hash = isSha256(inner);
    else if (field.tag === TAG.context(1)) {
      const [mgfId, mgfHash, more] = childrenOf(expectTag(inner, TAG.sequence, 'maskGenFunc'));
      mgf = !more && readOid(mgfId, 'maskGenFunc') === ENVELOPE_OID.mgf1 && isSha256(mgfHash);
    } else return false; // pSourceFunc: a label we would have to pass on; nobody sets one
  }
  return hash && mgf;
}

/**
 * Parses a DER AuthEnvelopedData. Only KeyTransRecipientInfo with an
 * issuerAndSerialNumber rid can name us; other RecipientInfo choices are skipped.
 * Throws EnvelopeError('malformed') on anything that is not this structure.
 */
export function parseEnvelope(der: Buffer): ParsedEnvelope {
  try {
    const fields = childrenOf(expectTag(readWhole(der), TAG.sequence, 'AuthEnvelopedData'));
    let index = 0;
    if (readSmallInteger(fields[index++], 'AuthEnvelopedData version') !== 0) throw new DerError('AuthEnvelopedData version is not 0');
    if (fields[index]?.tag === TAG.context(0)) index += 1; // originatorInfo: certificates we have no use for
    const recipients: KeyTransport[] = [];
    for (const info of childrenOf(expectTag(fields[index++], TAG.set, 'recipientInfos'))) {
      if (info.tag !== TAG.sequence) continue; // kari [1], kekri [2], pwri [3], ori [4]
      const [version, rid, algorithm, encryptedKey, extra] = childrenOf(info);
      if (extra) throw new DerError('KeyTransRecipientInfo has extra fields');
      if (readSmallInteger(version, 'KeyTransRecipientInfo version') !== 0 || rid?.tag !== TAG.sequence) continue; // subjectKeyIdentifier rid
      const [issuer, serial, more] = childrenOf(rid);
      if (more) throw new DerError('issuerAndSerialNumber has extra fields');
      recipients.push({
        issuerDer: Buffer.from(expectTag(issuer, TAG.sequence, 'rid issuer').bytes),
        serialHex: integerHex(serial, 'rid serialNumber'),
        encryptedKey: expectTag(encryptedKey, TAG.octetString, 'encryptedKey').content,
        supported: isOurOaep(expectTag(algorithm, TAG.sequence, 'keyEncryptionAlgorithm')),
      });
    }
    const [contentType, algorithm, encrypted, extra] = childrenOf(expectTag(fields[index++], TAG.sequence, 'authEncryptedContentInfo'));
    if (extra) throw new DerError('authEncryptedContentInfo has extra fields');
    if (readOid(contentType, 'encrypted content type') !== OID.data) throw new DerError('the encrypted content is not id-data');
    const [algorithmId, parameters, more] = childrenOf(expectTag(algorithm, TAG.sequence, 'contentEncryptionAlgorithm'));
    if (more || readOid(algorithmId, 'contentEncryptionAlgorithm') !== ENVELOPE_OID.aes256Gcm) {
      throw new DerError('content encryption is not AES-256-GCM');
    }
    const [nonce, icvLength, rest] = childrenOf(expectTag(parameters, TAG.sequence, 'GCMParameters'));
    if (rest) throw new DerError('GCMParameters has extra fields');
    const tagLength = icvLength ? readSmallInteger(icvLength, 'aes-ICVlen') : 12; // RFC 5084 DEFAULT 12
    const nonceBytes = expectTag(nonce, TAG.octetString, 'aes-nonce').content;
    if (nonceBytes.length !== GCM_NONCE_BYTES || tagLength < 12 || tagLength > 16) throw new DerError('unsupported GCM parameters');
    // encryptedContent [0] IMPLICIT OCTET STRING, primitive in DER; absent means detached, which we do not support.
    const ciphertext = expectTag(encrypted, TAG.contextPrimitive(0), 'encryptedContent').content;
    let aad = Buffer.alloc(0);
    if (fields[index]?.tag === TAG.context(1)) {
      const authAttrs = (fields[index++] as Tlv).bytes;
      aad = Buffer.concat([Buffer.from([TAG.set]), authAttrs.subarray(1)]); // RFC 5083 §2.2: AAD is the SET-tagged DER
    }
    const mac = expectTag(fields[index++], TAG.octetString, 'mac').content;
    if (mac.length !== tagLength) throw new DerError('mac length differs from aes-ICVlen');
    if (fields[index] && fields[index]?.tag !== TAG.context(2)) throw new DerError('unexpected field after mac');
    if (fields.length > index + 1) throw new DerError('unexpected fields after unauthAttrs');
    return { recipients, nonce: nonceBytes, tagLength, ciphertext, mac, aad };
  } catch (error) {
    if (error instanceof DerError) throw new EnvelopeError('malformed', error.message);
    throw error;
  }
}

/** The envelope's recipients that name `certificate` (issuer Name bytes and serial number). */
export function namesCertificate(recipients: readonly RecipientRef[], certificate: Buffer): boolean {
  const { issuer, serial } = issuerAndSerial(certificate);
  const serialHex = integerHex(serial, 'serialNumber');
  return recipients.some((r) => r.serialHex === serialHex && r.issuerDer.equals(issuer.bytes));
}

/**
 * Decrypts with the RecipientInfo naming `certificate`. 'not-for-me' when none does;
 * 'failed' when the key transport is not ours, the RSA decryption fails or GCM
 * authentication fails (one outcome for all: no oracle on which step failed).
 */
export function openEnvelope(envelope: ParsedEnvelope, certificate: Buffer, privateKey: crypto.KeyObject): Buffer {
  const { issuer, serial } = issuerAndSerial(certificate);
  const serialHex = integerHex(serial, 'serialNumber');
  const mine = envelope.recipients.filter((r) => r.serialHex === serialHex && r.issuerDer.equals(issuer.bytes));
  if (mine.length === 0) throw new EnvelopeError('not-for-me', 'no RecipientInfo names this certificate');
  if (!mine.some((r) => r.supported)) {
    throw new EnvelopeError('failed', 'unsupported key transport (RSAES-OAEP with SHA-256 and MGF1-SHA-256 expected)');
  }
  for (const recipient of mine) {
    if (!recipient.supported) continue;
    let contentKey: Buffer;
    try {
      contentKey = crypto.privateDecrypt(
        { key: privateKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
        recipient.encryptedKey,
      );
    } catch {
      continue;
    }
    try {
      if (contentKey.length !== CONTENT_KEY_BYTES) continue;
      const decipher = crypto.createDecipheriv('aes-256-gcm', contentKey, envelope.nonce, { authTagLength: envelope.tagLength });
      decipher.setAuthTag(envelope.mac);
      if (envelope.aad.length > 0) decipher.setAAD(envelope.aad);
      return Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]);
    } catch {
      continue;
    } finally {
      contentKey.fill(0);
    }
  }
  throw new EnvelopeError('failed', 'the content could not be decrypted and authenticated');
}

/**
 * Exchange packages between customs units ("alert" and "seizure notice" files
 * carried on USB). The payload (JSON bytes) is built elsewhere; this module only
 * seals and opens it.
 *
 * FORMAT. A package is one file: a DER CMS ContentInfo (RFC 5652), at most
 * 48 MiB (50,331,648 bytes), holding SignedData:
 *
 *   ContentInfo { contentType id-signedData 1.2.840.113549.1.7.2, content [0] SignedData }
 *   SignedData {
 *     version 1 (plain) or 3 (encrypted: eContentType is not id-data), RFC 5652 §5.1,
 *     digestAlgorithms { id-sha256 2.16.840.1.101.3.4.2.1 (parameters absent, RFC 5754) },
 *     encapContentInfo { eContentType, eContent [0] EXPLICIT OCTET STRING }   -- encapsulated, never detached
 *     certificates [0] { the sender's exchange certificate },
 *     signerInfos { exactly one SignerInfo:
 *       version 1, sid issuerAndSerialNumber (of that certificate),
 *       digestAlgorithm id-sha256,
 *       signedAttrs [0] (DER SET, sorted; the signature covers it with the SET tag 0x31) {
 *         content-type 1.2.840.113549.1.9.3 = eContentType,
 *         message-digest 1.2.840.113549.1.9.4 = SHA-256(eContent octets),
 *         ESS signing-certificate-v2 1.2.840.113549.1.9.16.2.47 (RFC 5035): one ESSCertIDv2
 *           { certHash SHA-256 of the certificate (hashAlgorithm omitted: DEFAULT SHA-256),
 *             issuerSerial { directoryName issuer, serialNumber } },
 *         signing-time 1.2.840.113549.1.9.5 (UTCTime until 2049) },
 *       signatureAlgorithm rsaEncryption 1.2.840.113549.1.1.1 with NULL (RSASSA-PKCS1-v1_5, SHA-256),
 *       signature } }
 *   Reading also accepts: sha256WithRSAEncryption as signatureAlgorithm, NULL or absent
 *   hash parameters, no signing-time (signedAt null), other signed attributes (OpenSSL
 *   adds smimeCapabilities: signed, ignored), further certificates (the signer is the
 *   one sid and signing-certificate-v2 both name). Each attribute at most once, one value.
 *
 * Plain package: eContentType id-data 1.2.840.113549.1.7.1, eContent = the payload bytes.
 *
 * Encrypted package (encrypt-then-sign, so the receiver checks the signature and
 * the sender's trust before decrypting anything): eContentType
 * id-ct-authEnvelopedData 1.2.840.113549.1.9.16.1.23, eContent = the DER of the
 * AuthEnvelopedData itself (RFC 5652 nesting: the eContent of a typed content is
 * that content, not another ContentInfo). AuthEnvelopedData (RFC 5083) with
 * AES-256-GCM and one RSAES-OAEP-SHA-256 KeyTransRecipientInfo per recipient,
 * detailed in ./envelope.ts. The content type says which of the two a package is:
 * we never guess from the bytes, so a plain payload cannot pass for an envelope.
 *
 * WITH OPENSSL (3.0+), as the tests do it:
 * - check and unwrap: `openssl cms -verify -inform DER -binary -in pkg -CAfile sender.pem -out content`
 *   (our certificate carries emailProtection, so the default S/MIME purpose accepts it);
 *   `content` is the payload, or for an encrypted package the bare AuthEnvelopedData.
 * - decrypt: OpenSSL reads only a ContentInfo, so wrap it first, i.e. prefix
 *   SEQUENCE { OID 1.2.840.113549.1.9.16.1.23, [0] EXPLICIT content }
 *   (bytes 30 <len> 06 0b 2a 86 48 86 f7 0d 01 09 10 01 17 a0 <len> content), then
 *   `openssl cms -decrypt -inform DER -in wrapped -recip me.pem -inkey me.key`.
 * - produce an encrypted package: `openssl cms -encrypt -aes-256-gcm -binary -outform DER
 *   -recip partner.pem -keyopt rsa_padding_mode:oaep -keyopt rsa_oaep_md:sha256 -in payload -out env`;
 *   take the AuthEnvelopedData out of its ContentInfo (`openssl asn1parse -inform DER -in env
 *   -strparse <offset of the depth-2 SEQUENCE> -noout -out inner`); then
 *   `openssl cms -sign -nodetach -binary -md sha256 -cades -econtent_type id-smime-ct-authEnvelopedData
 *   -signer me.pem -inkey me.key -in inner -outform DER -out pkg`. A plain package is the same
 *   `cms -sign` over the payload without -econtent_type. `-cades` is REQUIRED: it adds
 *   signing-certificate-v2. Recipients must be named by issuer and serial (OpenSSL's
 *   default; not `-keyid`, whose RecipientInfos we cannot match).
 * - NOT accepted: `openssl cms -sign` over the whole enveloped ContentInfo with the default
 *   eContentType id-data (the usual S/MIME-style nesting): that is read as a plain package
 *   whose payload is those bytes, and the payload check downstream refuses it.
 *
 * READING (verifyPackage), refusals:
 * - over 48 MiB → EXCHANGE_PACKAGE_TOO_LARGE, before any parsing;
 * - not starting as a ContentInfo of SignedData, BER instead of DER (indefinite lengths,
 *   e.g. `openssl cms -sign -stream`; constructed eContent), detached content, no signer
 *   or more than one, no certificate → EXCHANGE_NOT_A_PACKAGE ("unsigned");
 * - anything else wrong once it claims to be SignedData → EXCHANGE_TAMPERED: damaged DER
 *   (lengths that do not add up and the like), bytes after the end, sid naming none of the
 *   included certificates, missing signed attributes, content-type ≠ eContentType,
 *   message-digest mismatch, signing-certificate-v2 missing or naming another certificate
 *   (decision: REFUSED when missing. It is what stops a certificate being swapped for
 *   another one over the same key; OpenSSL writes it with `-cades`), signature invalid,
 *   algorithms other than the above (not verifiable is treated as tampered);
 * - an eContentType other than id-data/id-ct-authEnvelopedData, or an eContent that is
 *   not an AuthEnvelopedData as above → EXCHANGE_NOT_A_PACKAGE (validly signed, but not
 *   our kind of package).
 * Trust (is the signer a partner, revoked, expired) is decided by the caller.
 *
 * OPENING (openContent): plain → the payload. Encrypted → the RecipientInfo whose
 * issuer Name (exact DER) and serial number are those of our certificate, or
 * EXCHANGE_NOT_FOR_THIS_UNIT; an RSA-OAEP or GCM failure → EXCHANGE_TAMPERED.
 * A unit that wants to read its own sent packages includes its own certificate
 * among the recipients.
 */
import crypto from 'node:crypto';
import { assertNever, DomainError } from '../../../../shared/ipc/errors';
import { OID } from '../../signing/cms';
import { type ExchangeKeyPair } from './certificate';
import { ENVELOPE_OID, EnvelopeError, namesCertificate, openEnvelope, parseEnvelope, sealEnvelope, type ParsedEnvelope, type RecipientRef } from './envelope';
import { notAPackage, readSignedData, signContent, tampered } from './signed-data';

export type { RecipientRef } from './envelope';

/** 48 MiB: far above any alert or seizure notice, low enough to parse in memory. */
export const PACKAGE_LIMIT_BYTES = 48 * 1024 * 1024;
const LIMIT_TEXT = '48 MiB';

const tooLarge = (): DomainError =>
  new DomainError('EXCHANGE_PACKAGE_TOO_LARGE', 'the package is larger than 48 MiB', { limit: LIMIT_TEXT });

/** Internal state for openContent, under a symbol so it survives spreading but not JSON. */
const sealed = Symbol('exchange package content');

export interface VerifiedPackage {
  /** DER: the certificate whose key verified the signature and which signing-certificate-v2 names. */
  signerCertificate: Buffer;
  /** The signing-time attribute (the sender's claim), or null when absent. */
  signedAt: Date | null;
  encrypted: boolean;
  /** Empty when not encrypted. KeyTransRecipientInfos with issuerAndSerialNumber only. */
  recipients: RecipientRef[];
  /** Internal: what openContent needs. */
  readonly [sealed]: { kind: 'plain'; payload: Buffer } | { kind: 'encrypted'; envelope: ParsedEnvelope };
}

/**
 * Signs `payload` as `sender`; encrypts it first when there are recipients
 * (duplicates by certificate are dropped). Refuses with EXCHANGE_PACKAGE_TOO_LARGE
 * a package the receiver would refuse.
 */
export function sealPackage(payload: Buffer, sender: ExchangeKeyPair, recipientCertificates: readonly Buffer[], now: Date): Buffer {
  // Cheap early refusal; the exact check is on the result.
  if (payload.length > PACKAGE_LIMIT_BYTES) throw tooLarge();
  const unique = [...new Map(recipientCertificates.map((der) => [crypto.createHash('sha256').update(der).digest('hex'), der])).values()];
  const bytes =
    unique.length === 0
      ? signContent(OID.data, payload, sender, now)
      : signContent(ENVELOPE_OID.authEnvelopedData, sealEnvelope(payload, unique), sender, now);
  if (bytes.length > PACKAGE_LIMIT_BYTES) throw tooLarge();
  return bytes;
}

/** Structure and signature only, no trust decision; see the module comment for the refusals. */
export function verifyPackage(bytes: Buffer): VerifiedPackage {
  if (bytes.length > PACKAGE_LIMIT_BYTES) throw tooLarge();
  const signed = readSignedData(bytes);
  const base = { signerCertificate: signed.signerCertificate, signedAt: signed.signedAt };
  switch (signed.eContentType) {
    case OID.data:
      return { ...base, encrypted: false, recipients: [], [sealed]: { kind: 'plain', payload: signed.eContent } };
    case ENVELOPE_OID.authEnvelopedData: {
      let envelope: ParsedEnvelope;
      try {
        envelope = parseEnvelope(signed.eContent);
      } catch (error) {
        if (error instanceof EnvelopeError) throw notAPackage(`encrypted content is not a supported AuthEnvelopedData: ${error.message}`);
        throw error;
      }
      const recipients = envelope.recipients.map(({ issuerDer, serialHex }) => ({ issuerDer, serialHex }));
      return { ...base, encrypted: true, recipients, [sealed]: { kind: 'encrypted', envelope } };
    }
    default:
      throw notAPackage(`unsupported content type ${signed.eContentType}`);
  }
}

/** Whether the package can be opened with `certificate`'s key (always true when not encrypted). */
export function isAddressedTo(verified: VerifiedPackage, certificate: Buffer): boolean {
  return !verified.encrypted || namesCertificate(verified.recipients, certificate);
}

/** The payload: as is when plain, decrypted with `me` when encrypted. */
export function openContent(verified: VerifiedPackage, me: ExchangeKeyPair): Buffer {
  const content = verified[sealed];
  if (!content) throw new TypeError('openContent: not a package returned by verifyPackage');
  switch (content.kind) {
    case 'plain':
      return Buffer.from(content.payload); // a copy: the caller may keep it after the file buffer is reused
    case 'encrypted':
      try {
        return openEnvelope(content.envelope, me.certificate, me.privateKey);
      } catch (error) {
        if (!(error instanceof EnvelopeError)) throw error;
        if (error.kind === 'not-for-me') {
          throw new DomainError('EXCHANGE_NOT_FOR_THIS_UNIT', 'the package is not encrypted to this unit', { reason: error.message });
        }
        throw tampered(error.message);
      }
    default:
      return assertNever(content, 'package content');
  }
}

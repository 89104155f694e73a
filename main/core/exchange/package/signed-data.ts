/**
 * The outer layer of an exchange package: CMS SignedData (RFC 5652 §5) with
 * encapsulated content, written and read. The format is documented in
 * ./exchange-package.ts; this file holds the mechanics.
 *
 * Reading is strict and decides nothing about trust: it proves that the
 * included certificate's key signed the content and that the signature names
 * that very certificate (sid and ESS signing-certificate-v2), nothing more.
 */
import crypto from 'node:crypto';
import { DomainError } from '../../../../shared/ipc/errors';
import { derSetOf, fromDer, OID, signingCertificateV2Attribute } from '../../signing/cms';
import { issuerAndSerial } from './certificate';
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
  readTime,
  readTlv,
  seq,
  smallInteger,
  TAG,
  timeValue,
  tlv,
  type Tlv,
} from './der';

const SIGNATURE_OID = {
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

export const notAPackage = (reason: string): DomainError =>
  new DomainError('EXCHANGE_NOT_A_PACKAGE', 'the file is not a signed exchange package', { reason });
export const tampered = (reason: string): DomainError =>
  new DomainError('EXCHANGE_TAMPERED', 'the package was altered or its signature cannot be verified', { reason });

const sha256 = (bytes: Buffer): Buffer => crypto.createHash('sha256').update(bytes).digest();
const attribute = (type: string, value: Buffer): Buffer => seq(oid(type), tlv(TAG.set, value));

/**
 * SignedData over `eContent` (encapsulated), signed by `sender` at `now`.
 * Returns the DER ContentInfo.
 */
export function signContent(eContentType: string, eContent: Buffer, sender: { certificate: Buffer; privateKey: crypto.KeyObject }, now: Date): Buffer {
  if (sender.privateKey.asymmetricKeyType !== 'rsa') throw new RangeError('signContent: the exchange key must be RSA');
  const certificateKey = new crypto.X509Certificate(sender.certificate).publicKey.export({ type: 'spki', format: 'der' });
  const ownKey = crypto.createPublicKey(sender.privateKey).export({ type: 'spki', format: 'der' });
  if (!certificateKey.equals(ownKey)) throw new RangeError('signContent: the private key does not belong to the certificate');

  // The signed attributes exactly as signed: a DER SET (tag 0x31), sorted (cms.ts derSetOf).
  const attrsDer = derSetOf([
    fromDer(attribute(OID.contentType, oid(eContentType))),
    fromDer(attribute(OID.messageDigest, octetString(sha256(eContent)))),
    signingCertificateV2Attribute(sender.certificate),
    fromDer(attribute(OID.signingTime, timeValue(now))),
  ]);
  const signature = crypto.sign('sha256', attrsDer, { key: sender.privateKey, padding: crypto.constants.RSA_PKCS1_PADDING });
  const { issuer, serial } = issuerAndSerial(sender.certificate);
  const signerInfo = seq(
    smallInteger(1), // sid is issuerAndSerialNumber
    seq(issuer.bytes, serial.bytes),
    algorithmIdentifier(OID.sha256), // RFC 5754 §2: generate SHA-2 identifiers with absent parameters
    Buffer.concat([Buffer.from([TAG.context(0)]), attrsDer.subarray(1)]), // [0] IMPLICIT, same length octets
    algorithmIdentifier(OID.rsaEncryption, nullValue()), // RFC 3370 §3.2: rsaEncryption, NULL parameters
    octetString(signature),
  );
  const signedData = seq(
    // RFC 5652 §5.1: version 3 when eContentType is not id-data, else 1 (no attribute or other certificates here).
    smallInteger(eContentType === OID.data ? 1 : 3),
    tlv(TAG.set, algorithmIdentifier(OID.sha256)),
    seq(oid(eContentType), tlv(TAG.context(0), octetString(eContent))),
    tlv(TAG.context(0), sender.certificate),
    tlv(TAG.set, signerInfo),
  );
  return seq(oid(OID.signedData), tlv(TAG.context(0), signedData));
}

/** What a verified SignedData says. */
export interface SignedContent {
  eContentType: string;
  eContent: Buffer;
  signerCertificate: Buffer;
  signedAt: Date | null;
}

const SIGNED_DATA_PREFIX = oid(OID.signedData);

/**
 * Whether the bytes start like a ContentInfo holding SignedData: SEQUENCE header,
 * then the id-signedData OID. Anything else (empty, PDF, JSON, enveloped CMS) is
 * "not a package"; a file that starts like one but breaks later is "tampered"
 * (unless it breaks by being BER: another encoder's choice, "not a package").
 */
function startsLikeSignedData(bytes: Buffer): boolean {
  if (bytes.length < 2 || bytes[0] !== TAG.sequence) return false;
  const first = bytes[1] as number;
  const header = first < 0x80 ? 2 : 2 + (first & 0x7f);
  return bytes.subarray(header, header + SIGNED_DATA_PREFIX.length).equals(SIGNED_DATA_PREFIX);
}

/** An AlgorithmIdentifier for `id` with absent or NULL parameters. */
function isAlgorithm(node: Tlv | undefined, ids: readonly string[]): boolean {
  if (!node || node.tag !== TAG.sequence) return false;
  const [id, params, extra] = childrenOf(node);
  if (extra || !ids.includes(readOid(id, 'algorithm'))) return false;
  return params === undefined || (params.tag === TAG.null && params.content.length === 0);
}

/** Reads and verifies; throws EXCHANGE_NOT_A_PACKAGE or EXCHANGE_TAMPERED (see exchange-package.ts). */
export function readSignedData(bytes: Buffer): SignedContent {
  if (!startsLikeSignedData(bytes)) throw notAPackage('not a DER CMS SignedData');
  try {
    return readStarted(bytes);
  } catch (error) {
    if (error instanceof DerError && error.ber) throw notAPackage(`BER encoding, DER is required: ${error.message}`);
    if (error instanceof DerError) throw tampered(`damaged structure: ${error.message}`);
    throw error;
  }
}

function readStarted(bytes: Buffer): SignedContent {
  const contentInfo = readTlv(bytes, 0);
  if (contentInfo.bytes.length !== bytes.length) throw tampered('bytes after the end of the package');
  const [, explicit, extraInfo] = childrenOf(contentInfo);
  if (extraInfo) throw new DerError('ContentInfo has extra fields');
  const [signedDataTlv, extraSigned] = childrenOf(expectTag(explicit, TAG.context(0), 'ContentInfo content'));
  if (extraSigned) throw new DerError('ContentInfo content has extra fields');
  const fields = childrenOf(expectTag(signedDataTlv, TAG.sequence, 'SignedData'));
  let index = 0;
  const version = readSmallInteger(fields[index++], 'SignedData version');
  expectTag(fields[index++], TAG.set, 'digestAlgorithms');
  const [typeTlv, eContentExplicit, extraEncap] = childrenOf(expectTag(fields[index++], TAG.sequence, 'encapContentInfo'));
  if (extraEncap) throw new DerError('encapContentInfo has extra fields');
  const eContentType = readOid(typeTlv, 'eContentType');
  if (!eContentExplicit) throw notAPackage('detached signature: the content is not inside');
  const [eContentTlv, extraContent] = childrenOf(expectTag(eContentExplicit, TAG.context(0), 'eContent'));
  if (extraContent) throw new DerError('eContent has extra fields');
  // DER: a primitive OCTET STRING (a constructed one is BER and not accepted).
  if (eContentTlv?.tag === (TAG.octetString | 0x20)) throw new DerError('DER: constructed OCTET STRING (BER)', true);
  const eContent = expectTag(eContentTlv, TAG.octetString, 'eContent').content;
  if (version !== (eContentType === OID.data ? 1 : 3)) throw new DerError(`SignedData version ${version} does not fit its content`);

  let certificates: Buffer[] = [];
  if (fields[index]?.tag === TAG.context(0)) {
    // CertificateChoices: only plain X.509 certificates (SEQUENCE) can be the signer's.
    certificates = childrenOf(fields[index++] as Tlv)
      .filter((choice) => choice.tag === TAG.sequence)
      .map((choice) => choice.bytes);
  }
  if (fields[index]?.tag === TAG.context(1)) index += 1; // crls: no use here
  const signerInfos = childrenOf(expectTag(fields[index++], TAG.set, 'signerInfos'));
  if (fields.length > index) throw new DerError('SignedData has extra fields');
  if (signerInfos.length === 0) throw notAPackage('no signer');
  if (signerInfos.length > 1) throw notAPackage('more than one signer');
  if (certificates.length === 0) throw notAPackage('no certificate included');

  const signer = readSignerInfo(signerInfos[0] as Tlv);
  const named = certificates.filter((certificate) => {
    try {
      const { issuer, serial } = issuerAndSerial(certificate);
      return issuer.bytes.equals(signer.sidIssuer) && integerHex(serial, 'serialNumber') === signer.sidSerialHex;
    } catch {
      return false; // a certificate we cannot parse names nobody
    }
  });
  if (named.length === 0) throw tampered('the signer identifier does not match the included certificate');

  const attrs = readSignedAttributes(signer.signedAttrs);
  if (attrs.contentType !== eContentType) throw tampered('content-type attribute differs from the content type');
  if (!attrs.messageDigest.equals(sha256(eContent))) throw tampered('message digest mismatch: the content was altered');
  // Several certificates may share an issuer and serial (a re-issued certificate over the same
  // key, or a planted one): the signer is the one signing-certificate-v2 names by its hash.
  const signerCertificate = signingCertificateAmong(attrs.signingCertificate, named);

  let publicKey: crypto.KeyObject;
  try {
    publicKey = new crypto.X509Certificate(signerCertificate).publicKey;
  } catch {
    throw tampered('the signer certificate cannot be read');
  }
  if (publicKey.asymmetricKeyType !== 'rsa') throw tampered('unsupported signer key (RSA expected)');
  // The signature covers the DER of the signed attributes with the SET tag, not the [0] tag they travel under.
  const signedBytes = Buffer.concat([Buffer.from([TAG.set]), signer.signedAttrs.bytes.subarray(1)]);
  let valid = false;
  try {
    valid = crypto.verify('sha256', signedBytes, { key: publicKey, padding: crypto.constants.RSA_PKCS1_PADDING }, signer.signature);
  } catch {
    valid = false; // e.g. a signature of the wrong length
  }
  if (!valid) throw tampered('the signature is invalid');
  return { eContentType, eContent, signerCertificate: Buffer.from(signerCertificate), signedAt: attrs.signingTime };
}

interface SignerParts {
  sidIssuer: Buffer;
  sidSerialHex: string;
  signedAttrs: Tlv;
  signature: Buffer;
}

function readSignerInfo(signerInfo: Tlv): SignerParts {
  const fields = childrenOf(expectTag(signerInfo, TAG.sequence, 'SignerInfo'));
  const [version, sid, digestAlgorithm, signedAttrs, signatureAlgorithm, signature, unsigned, extra] = fields;
  if (readSmallInteger(version, 'SignerInfo version') !== 1 || sid?.tag !== TAG.sequence) {
    throw tampered('unsupported signer identifier (issuerAndSerialNumber expected)');
  }
  const [issuer, serial, extraSid] = childrenOf(sid);
  if (extraSid) throw new DerError('issuerAndSerialNumber has extra fields');
  if (!isAlgorithm(digestAlgorithm, [OID.sha256])) throw tampered('unsupported digest algorithm (SHA-256 expected)');
  if (signedAttrs?.tag !== TAG.context(0)) throw tampered('no signed attributes');
  if (!isAlgorithm(signatureAlgorithm, [OID.rsaEncryption, SIGNATURE_OID.sha256WithRsa])) {
    throw tampered('unsupported signature algorithm (RSA PKCS#1 v1.5 with SHA-256 expected)');
  }
  if (extra || (unsigned && unsigned.tag !== TAG.context(1))) throw new DerError('SignerInfo has extra fields');
  return {
    sidIssuer: expectTag(issuer, TAG.sequence, 'sid issuer').bytes,
    sidSerialHex: integerHex(serial, 'sid serialNumber'),
    signedAttrs,
    signature: expectTag(signature, TAG.octetString, 'signature').content,
  };
}

interface SignedAttributes {
  contentType: string;
  messageDigest: Buffer;
  signingCertificate: Tlv;
  signingTime: Date | null;
}

function readSignedAttributes(signedAttrs: Tlv): SignedAttributes {
  const seen = new Map<string, Tlv>();
  for (const attr of childrenOf(signedAttrs)) {
    const [type, values, extra] = childrenOf(expectTag(attr, TAG.sequence, 'Attribute'));
    const id = readOid(type, 'attribute type');
    if (extra) throw new DerError('Attribute has extra fields');
    // RFC 5652 §11: content-type, message-digest and signing-time MUST have a single value and appear once.
    if (seen.has(id)) throw tampered(`signed attribute ${id} appears twice`);
    const valueList = childrenOf(expectTag(values, TAG.set, 'attribute values'));
    if (valueList.length !== 1) throw tampered(`signed attribute ${id} must have exactly one value`);
    seen.set(id, valueList[0] as Tlv);
  }
  const contentType = seen.get(OID.contentType);
  const messageDigest = seen.get(OID.messageDigest);
  const signingCertificate = seen.get(OID.signingCertificateV2);
  const signingTime = seen.get(OID.signingTime);
  if (!contentType || !messageDigest) throw tampered('content-type or message-digest attribute missing');
  // Our format requires it: without it the included certificate is not bound to the signature (see exchange-package.ts).
  if (!signingCertificate) throw tampered('signing-certificate-v2 attribute missing');
  return {
    contentType: readOid(contentType, 'content-type attribute'),
    messageDigest: expectTag(messageDigest, TAG.octetString, 'message-digest attribute').content,
    signingCertificate,
    signingTime: signingTime ? readTime(signingTime, 'signing-time attribute') : null,
  };
}

/**
 * ESS signing-certificate-v2 (RFC 5035 §5.4): the first ESSCertIDv2 names the
 * signer's certificate. Returns the candidate whose SHA-256 is its certHash; its
 * issuerSerial, when present, must be that certificate's issuer and serial number.
 */
function signingCertificateAmong(value: Tlv, candidates: readonly Buffer[]): Buffer {
  const [certs] = childrenOf(expectTag(value, TAG.sequence, 'SigningCertificateV2'));
  const [first] = childrenOf(expectTag(certs, TAG.sequence, 'SigningCertificateV2 certs'));
  const parts = childrenOf(expectTag(first, TAG.sequence, 'ESSCertIDv2'));
  let index = 0;
  if (parts[index]?.tag === TAG.sequence) {
    // hashAlgorithm, DEFAULT id-sha256; an explicit SHA-256 is tolerated, anything else is not verifiable here.
    if (!isAlgorithm(parts[index++], [OID.sha256])) throw tampered('unsupported signing-certificate-v2 hash algorithm');
  }
  const certHash = expectTag(parts[index++], TAG.octetString, 'certHash').content;
  const certificate = candidates.find((candidate) => certHash.equals(sha256(candidate)));
  if (!certificate) throw tampered('signing-certificate-v2 does not name the included certificate');
  const issuerSerial = parts[index++];
  if (!issuerSerial) return certificate;
  const [generalNames, serial] = childrenOf(expectTag(issuerSerial, TAG.sequence, 'IssuerSerial'));
  const names = childrenOf(expectTag(generalNames, TAG.sequence, 'GeneralNames'));
  const own = issuerAndSerial(certificate);
  const directoryName = names.find((name) => name.tag === TAG.context(4));
  const namedIssuer = directoryName ? childrenOf(directoryName)[0] : undefined;
  if (!namedIssuer?.bytes.equals(own.issuer.bytes) || integerHex(serial, 'IssuerSerial serial') !== integerHex(own.serial, 'serialNumber')) {
    throw tampered('signing-certificate-v2 issuer and serial do not match the included certificate');
  }
  return certificate;
}

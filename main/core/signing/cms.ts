/**
 * CMS SignedData for PAdES baseline B-B (ETSI EN 319 142-1 §6.3, CAdES
 * EN 319 122-1 §5.2): detached content, SHA-256, and the signed attributes
 * content-type, message-digest and ESS signing-certificate-v2, with NO
 * signing-time (PAdES puts the claimed time in the signature dictionary's /M).
 *
 * Built with node-forge's ASN.1 layer rather than `forge.pkcs7.createSignedData`:
 * forge's signer writes `undefined` for any attribute it does not know (so
 * signing-certificate-v2 cannot be expressed), does not sort the signed
 * attributes SET into DER order (OpenSSL and Acrobat re-encode the SET before
 * checking, so an unsorted SET fails verification), hashes the detached content
 * in JavaScript (slow on a multi-megabyte report) and signs with RSA only.
 * The signature itself is made by node:crypto, so RSA and ECDSA keys both work.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';

const asn1 = forge.asn1;
type Asn1 = forge.asn1.Asn1;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** The signer's material: its certificate (DER), the issuing chain (DER, optional) and the private key. */
export interface CmsSigner {
  certificate: Buffer;
  chain?: readonly Buffer[];
  privateKey: crypto.KeyObject;
}

const seq = (value: Asn1[]): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, value);
const set = (value: Asn1[]): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, value);
const oid = (value: string): Asn1 =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
const octets = (value: Buffer): Asn1 =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, value.toString('binary'));
const integer = (value: number): Asn1 =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes());
const nul = (): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
const algorithm = (id: string, withNull: boolean): Asn1 => seq(withNull ? [oid(id), nul()] : [oid(id)]);

export const toDer = (node: Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
// forge's runtime takes an options object (its typings only know `strict`):
// BIT STRINGs are kept as bytes so re-encoding gives back exactly what was parsed.
const forgeFromDer = asn1.fromDer as unknown as (
  bytes: string,
  options: { strict: boolean; parseAllBytes: boolean; decodeBitStrings: boolean },
) => Asn1;
/** Parses one DER element from the start of `bytes` (trailing bytes, such as /Contents padding, are ignored). */
export const fromDer = (bytes: Buffer): Asn1 =>
  forgeFromDer(bytes.toString('binary'), { strict: true, parseAllBytes: false, decodeBitStrings: false });

/** The parts of a certificate a SignerInfo names: issuer Name and serialNumber, as ASN.1 nodes. */
export function certificateIssuerAndSerial(certificateDer: Buffer): { issuer: Asn1; serial: Asn1 } {
  const cert = fromDer(certificateDer);
  const tbs = childAt(cert, 0, 'tbsCertificate');
  const fields = childrenOf(tbs);
  // tbsCertificate: [0] version (optional, context tag 0), serialNumber, signature, issuer, …
  const first = fields[0];
  const offset = first && first.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  if (!serial || !issuer) throw new Error('certificate: tbsCertificate is incomplete');
  return { issuer, serial };
}

export function childrenOf(node: Asn1): Asn1[] {
  if (!Array.isArray(node.value)) throw new Error('ASN.1: expected a constructed value');
  return node.value;
}
export function childAt(node: Asn1, index: number, what = 'element'): Asn1 {
  const child = childrenOf(node)[index];
  if (!child) throw new Error(`ASN.1: ${what} missing`);
  return child;
}

/**
 * ESS signing-certificate-v2 attribute (RFC 5035): binds the signature to this
 * certificate, so a different certificate with the same key cannot be swapped in.
 * hashAlgorithm is SHA-256, the DEFAULT, hence omitted (DER forbids encoding a default).
 */
export function signingCertificateV2Attribute(certificateDer: Buffer): Asn1 {
  const { issuer, serial } = certificateIssuerAndSerial(certificateDer);
  const certHash = crypto.createHash('sha256').update(certificateDer).digest();
  // GeneralNames ::= SEQUENCE OF GeneralName; directoryName [4] EXPLICIT Name
  const generalNames = seq([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer])]);
  const essCertIdV2 = seq([octets(certHash), seq([generalNames, serial])]);
  return seq([oid(OID.signingCertificateV2), set([seq([seq([essCertIdV2])])])]);
}

/** DER SET OF: elements in ascending order of their encodings (X.690 §11.6). */
export function derSetOf(elements: Asn1[]): Buffer {
  const encoded = elements.map(toDer).sort(Buffer.compare);
  const body = Buffer.concat(encoded);
  return Buffer.concat([Buffer.from([0x31]), derLength(body.length), body]);
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function signatureAlgorithmFor(key: crypto.KeyObject): { algorithm: Asn1 } {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return { algorithm: algorithm(OID.rsaEncryption, true) };
    case 'ec':
      return { algorithm: algorithm(OID.ecdsaWithSha256, false) };
    default:
      throw new Error(`unsupported signing key type: ${String(key.asymmetricKeyType)}`);
  }
}

/**
 * The signed attributes in DER as they are signed (universal SET tag 0x31).
 * In the SignerInfo the same bytes appear with the [0] IMPLICIT tag (0xA0).
 */
export function signedAttributesDer(contentDigest: Buffer, certificateDer: Buffer): Buffer {
  return derSetOf([
    seq([oid(OID.contentType), set([oid(OID.data)])]),
    seq([oid(OID.messageDigest), set([octets(contentDigest)])]),
    signingCertificateV2Attribute(certificateDer),
  ]);
}

/**
 * Detached CMS SignedData over `contentDigest` (the SHA-256 of the PDF's signed
 * byte ranges). Returns the DER ContentInfo that goes into /Contents.
 */
export function createCadesSignature(contentDigest: Buffer, signer: CmsSigner): Buffer {
  const attrsDer = signedAttributesDer(contentDigest, signer.certificate);
  const signature = crypto.sign('sha256', attrsDer, signer.privateKey);
  const { issuer, serial } = certificateIssuerAndSerial(signer.certificate);
  const signedAttrs = fromDer(attrsDer);
  signedAttrs.tagClass = asn1.Class.CONTEXT_SPECIFIC;
  signedAttrs.type = 0;

  const signerInfo = seq([
    integer(1),
    seq([issuer, serial]),
    algorithm(OID.sha256, true),
    signedAttrs,
    signatureAlgorithmFor(signer.privateKey).algorithm,
    octets(signature),
  ]);
  const certificates = [signer.certificate, ...(signer.chain ?? [])].map(fromDer);
  const signedData = seq([
    integer(1),
    set([algorithm(OID.sha256, true)]),
    seq([oid(OID.data)]), // detached: no eContent
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    set([signerInfo]),
  ]);
  return toDer(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

/**
 * A unit's exchange certificate: self-signed, RSA-3072, used both to sign the
 * packages the unit sends and to receive packages encrypted to it. Partners pin
 * it by its SHA-256 (the trust store's job, not this module's).
 *
 * Why keyEncipherment + extendedKeyUsage emailProtection: `openssl cms -verify`
 * checks the S/MIME signing purpose unless told otherwise, and `openssl cms
 * -encrypt` wants a certificate usable for key transport; with both a partner can
 * check and open our packages with stock OpenSSL, no `-purpose any` needed.
 * No basicConstraints: the certificate is its own trust anchor and issues nothing.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import { DomainError } from '../../../../shared/ipc/errors';
import { DerError, childrenOf, expectTag, readWhole, TAG, type Tlv } from './der';

export interface ExchangeKeyPair {
  /** DER X.509 certificate. */
  certificate: Buffer;
  privateKey: crypto.KeyObject;
}

const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
const printable = forge.asn1.Type.PRINTABLESTRING as unknown as forge.asn1.Class;
/** X.520 PrintableString alphabet: the unit uid goes into serialNumber, which must be a PrintableString. */
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]+$/;

/**
 * Self-signed RSA-3072 exchange certificate, valid `years` (default 5) from `now`
 * (notBefore one minute earlier, for clocks slightly behind). Subject:
 * C=country, O=unitName, CN=`${unitName} (${locode}) exchange`, serialNumber=unitUid
 * (O and CN as UTF8String, so Cyrillic and Tajik names round-trip).
 */
export function createExchangeCertificate(o: {
  unitName: string;
  country: string;
  locode: string;
  unitUid: string;
  now: Date;
  years?: number;
}): ExchangeKeyPair {
  if (!/^[A-Z]{2}$/.test(o.country)) throw new RangeError('createExchangeCertificate: country must be an ISO 3166 alpha-2 code');
  if (!PRINTABLE.test(o.unitUid)) throw new RangeError('createExchangeCertificate: unit uid must be printable ASCII');
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });
  const forgePrivate = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(forgePrivate.n, forgePrivate.e);
  // Positive random 128-bit serial (RFC 5280 §4.1.2.2: at most 20 octets, non-negative).
  cert.serialNumber = `7${crypto.randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(o.now.getTime() - 60_000);
  cert.validity.notAfter = new Date(o.now.getTime());
  cert.validity.notAfter.setUTCFullYear(o.now.getUTCFullYear() + (o.years ?? 5));
  const subject: forge.pki.CertificateField[] = [
    { shortName: 'C', value: o.country, valueTagClass: printable },
    { shortName: 'O', value: o.unitName, valueTagClass: utf8 },
    { shortName: 'CN', value: `${o.unitName} (${o.locode}) exchange`, valueTagClass: utf8 },
    { name: 'serialNumber', value: o.unitUid, valueTagClass: printable },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forgePrivate, forge.md.sha256.create());
  const certificate = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return { certificate, privateKey };
}

/** SHA-256 of a DER certificate, lower-case hex (64 characters). */
export function certificateSha256(der: Buffer): string {
  return crypto.createHash('sha256').update(der).digest('hex');
}

const invalid = (reason: string): DomainError =>
  new DomainError('EXCHANGE_CERTIFICATE_INVALID', 'not a usable exchange certificate', { reason });

/**
 * A partner's certificate file, PEM or DER → DER. Refuses anything else: garbage,
 * several certificates, a file that also holds a private key (someone exported the
 * wrong thing: the key must not travel, so we do not quietly pick the certificate
 * out), and keys we cannot use for this format (not RSA, or under 2048 bits).
 */
export function readCertificateFile(bytes: Buffer): Buffer {
  let der: Buffer;
  if (bytes.length > 0 && bytes[0] === TAG.sequence) {
    der = bytes;
  } else {
    const text = bytes.toString('latin1');
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) throw invalid('the file contains a private key');
    const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/g)];
    if (blocks.length !== 1) throw invalid(blocks.length === 0 ? 'no certificate found' : 'more than one certificate in the file');
    der = Buffer.from((blocks[0] as RegExpMatchArray)[1] as string, 'base64');
  }
  let cert: crypto.X509Certificate;
  try {
    readWhole(der); // exactly one DER element, nothing appended
    cert = new crypto.X509Certificate(der);
  } catch {
    throw invalid('not an X.509 certificate');
  }
  const key = cert.publicKey;
  if (key.asymmetricKeyType !== 'rsa') throw invalid('the key is not RSA');
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw invalid('the RSA key is shorter than 2048 bits');
  return Buffer.from(cert.raw);
}

/** The issuer Name (whole DER element) and serialNumber (INTEGER element) of a DER certificate, as exact slices. */
export function issuerAndSerial(certificateDer: Buffer): { issuer: Tlv; serial: Tlv } {
  try {
    const certificate = expectTag(readWhole(certificateDer), TAG.sequence, 'Certificate');
    const tbs = expectTag(childrenOf(certificate)[0], TAG.sequence, 'tbsCertificate');
    const fields = childrenOf(tbs);
    // tbsCertificate: [0] EXPLICIT version (optional), serialNumber, signature, issuer, …
    const offset = fields[0]?.tag === TAG.context(0) ? 1 : 0;
    return {
      serial: expectTag(fields[offset], TAG.integer, 'serialNumber'),
      issuer: expectTag(fields[offset + 2], TAG.sequence, 'issuer'),
    };
  } catch (error) {
    if (error instanceof DerError) throw invalid('not an X.509 certificate');
    throw error;
  }
}

/** The certificate's RSA public key, or EXCHANGE_CERTIFICATE_INVALID. */
export function rsaPublicKeyOf(certificateDer: Buffer): crypto.KeyObject {
  let key: crypto.KeyObject;
  try {
    key = new crypto.X509Certificate(certificateDer).publicKey;
  } catch {
    throw invalid('not an X.509 certificate');
  }
  if (key.asymmetricKeyType !== 'rsa') throw invalid('the key is not RSA');
  return key;
}

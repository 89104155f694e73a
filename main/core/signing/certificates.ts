/**
 * Certificates for signing: reading a PKCS#12 from the national PKI, and the
 * unit certificate authority for units without one (a self-signed CA whose
 * subject says plainly that it is local, issuing officer certificates).
 * Pure (no database): credential-store.ts keeps the results.
 *
 * RSA key generation uses node:crypto (native, a 3072-bit key in well under a
 * second); certificates and PKCS#12 containers are built with node-forge.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import { DomainError } from '../../../shared/ipc/errors';
import type { CmsSigner } from './cms';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  fingerprint: string;
  notBefore: string;
  notAfter: string;
}

export function describeCertificate(der: Buffer): CertificateInfo {
  const cert = new crypto.X509Certificate(der);
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    issuer: cert.issuer.replace(/\n/g, ', '),
    serialNumber: cert.serialNumber,
    fingerprint: cert.fingerprint256,
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
  };
}

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  pkcs8ShroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;

const certToDer = (cert: forge.pki.Certificate): Buffer =>
  Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');

/**
 * Opens a PKCS#12: the end-entity certificate (the one whose public key matches
 * the private key), the rest of the chain, and the private key.
 * Wrong password → SIGNING_P12_PASSWORD_WRONG; not a P12 with a key → SIGNING_P12_INVALID.
 */
export function openP12(p12: Buffer, password: string): CmsSigner {
  let asn: forge.asn1.Asn1;
  try {
    asn = forge.asn1.fromDer(p12.toString('binary'));
  } catch {
    throw new DomainError('SIGNING_P12_INVALID', 'not a DER PKCS#12 file');
  }
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    pfx = forge.pkcs12.pkcs12FromAsn1(asn, false, password);
  } catch (error) {
    // forge reports a MAC mismatch as "PKCS#12 MAC could not be verified. Invalid password?"
    const message = error instanceof Error ? error.message : '';
    if (/password|MAC/i.test(message)) throw new DomainError('SIGNING_P12_PASSWORD_WRONG', 'wrong P12 password');
    throw new DomainError('SIGNING_P12_INVALID', 'unreadable PKCS#12 file');
  }
  const bags = (oid: string): forge.pkcs12.Bag[] => pfx.getBags({ bagType: oid })[oid] ?? [];
  const keyBags = [...bags(BAG.pkcs8ShroudedKey), ...bags(BAG.key)];
  const certBags = bags(BAG.cert);
  const keyBag = keyBags.find((bag) => bag.key !== undefined);
  if (!keyBag?.key) throw new DomainError('SIGNING_P12_INVALID', 'no private key in the PKCS#12');
  const privateKey = crypto.createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
  const publicDer = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const certs = certBags.flatMap((bag) => (bag.cert ? [certToDer(bag.cert)] : []));
  const own = certs.find((der) =>
    new crypto.X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' }).equals(publicDer),
  );
  if (!own) throw new DomainError('SIGNING_P12_INVALID', 'no certificate for the private key in the PKCS#12');
  return { certificate: own, chain: certs.filter((der) => der !== own), privateKey };
}

/** PKCS#12 with the key and certificate chain, AES-256 protected (forge's 3DES default is legacy). */
export function buildP12(signer: CmsSigner, password: string, friendlyName: string): Buffer {
  const key = forge.pki.privateKeyFromPem(signer.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const chain = [signer.certificate, ...(signer.chain ?? [])].map((der) =>
    forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary'))),
  );
  const p12 = forge.pkcs12.toPkcs12Asn1(key, chain, password, { algorithm: 'aes256', friendlyName, generateLocalKeyId: true });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

function newRsaKey(bits: number): { forgePrivate: forge.pki.rsa.PrivateKey; forgePublic: forge.pki.rsa.PublicKey; key: crypto.KeyObject } {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: bits });
  const forgePrivate = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const forgePublic = forge.pki.setRsaPublicKey(forgePrivate.n, forgePrivate.e);
  return { forgePrivate, forgePublic, key: privateKey };
}

/** Positive random 128-bit serial (RFC 5280: at most 20 octets, non-negative). */
const randomSerial = (): string => `7${crypto.randomBytes(15).toString('hex')}`;

type NameAttrs = forge.pki.CertificateField[];

export interface UnitCa {
  certificate: Buffer;
  privateKey: crypto.KeyObject;
}

/** Self-signed unit CA, RSA 3072, 10 years; the subject says it is local, not the national PKI. */
export function createUnitCa(options: { unitName: string; country?: string; now: Date; years?: number }): UnitCa {
  const { forgePrivate, forgePublic, key } = newRsaKey(3072);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forgePublic;
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(options.now.getTime() - 60_000);
  cert.validity.notAfter = new Date(options.now.getTime());
  cert.validity.notAfter.setUTCFullYear(options.now.getUTCFullYear() + (options.years ?? 10));
  const subject: NameAttrs = [
    ...(options.country ? [{ shortName: 'C', value: options.country }] : []),
    { shortName: 'O', value: options.unitName, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
    { shortName: 'CN', value: `${options.unitName} local unit CA — not a national PKI`, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forgePrivate, forge.md.sha256.create());
  return { certificate: certToDer(cert), privateKey: key };
}

/** An officer's certificate from the unit CA: RSA 3072, 3 years, digital signature + non-repudiation. */
export function issueOfficerCertificate(
  ca: UnitCa,
  officer: { fullName: string; username: string; role: string; unitName: string },
  now: Date,
  years = 3,
): CmsSigner {
  const { forgePublic, key } = newRsaKey(3072);
  const caCert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(ca.certificate.toString('binary')));
  const caKey = forge.pki.privateKeyFromPem(ca.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forgePublic;
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime());
  cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + years);
  const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  cert.setSubject([
    { shortName: 'O', value: officer.unitName, valueTagClass: utf8 },
    { shortName: 'OU', value: officer.role, valueTagClass: utf8 },
    { shortName: 'CN', value: officer.fullName, valueTagClass: utf8 },
    { name: 'pseudonym', value: officer.username, valueTagClass: utf8 },
  ]);
  // forge parses a UTF8String value as raw UTF-8 bytes but encodes it again on
  // write: decode first, or the issuer name no longer matches the CA's subject.
  cert.setIssuer(
    caCert.subject.attributes.map((attr) =>
      attr.valueTagClass === (forge.asn1.Type.UTF8 as unknown as forge.asn1.Class) && typeof attr.value === 'string'
        ? { ...attr, value: forge.util.decodeUtf8(attr.value) }
        : attr,
    ),
  );
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certificate: certToDer(cert), chain: [ca.certificate], privateKey: key };
}

export function certificatePem(der: Buffer): string {
  const body = der.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${body}${body.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
}

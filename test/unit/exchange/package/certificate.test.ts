import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateSha256, createExchangeCertificate, readCertificateFile, type ExchangeKeyPair } from '../../../../main/core/exchange/package';
import { certificatePem } from '../../../../main/core/signing/certificates';
import { DomainError } from '../../../../shared/ipc/errors';

const haveOpenssl = spawnSync('openssl', ['version']).status === 0;
if (!haveOpenssl) console.log('openssl not installed: the exchange certificate checks that use it are skipped');

const NOW = new Date('2026-11-29T05:00:00Z');
const TAJIK = 'Гумруки Ҳисор — ҷазираи Қӯрғонтеппа';

let unit: ExchangeKeyPair;
let dir: string;
beforeAll(() => {
  unit = createExchangeCertificate({ unitName: TAJIK, country: 'TJ', locode: 'TJHSR', unitUid: '0b6f7c1e-5a44-4c1b-9f0e-3d2a1c9b8e77', now: NOW, years: 3 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcu-exchange-cert-'));
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('createExchangeCertificate', () => {
  it('subject with the Tajik/Cyrillic unit name intact, uid, self-signed, RSA-3072, validity', () => {
    const cert = new crypto.X509Certificate(unit.certificate);
    const subject = cert.subject.split('\n');
    expect(subject).toEqual(
      expect.arrayContaining(['C=TJ', `O=${TAJIK}`, `CN=${TAJIK} (TJHSR) exchange`, 'serialNumber=0b6f7c1e-5a44-4c1b-9f0e-3d2a1c9b8e77']),
    );
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(cert.checkPrivateKey(unit.privateKey)).toBe(true);
    expect(new Date(cert.validFrom).getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(new Date(cert.validTo).toISOString()).toBe('2029-11-29T05:00:00.000Z');
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.4']); // Node's keyUsage is the extended key usage: emailProtection
    expect(BigInt(`0x${cert.serialNumber}`) > 0n).toBe(true);
  });

  it.skipIf(!haveOpenssl)('openssl reads the UTF-8 names and the key usages', () => {
    const file = path.join(dir, 'unit.pem');
    fs.writeFileSync(file, certificatePem(unit.certificate));
    const text = execFileSync('openssl', ['x509', '-in', file, '-noout', '-subject', '-ext', 'keyUsage,extendedKeyUsage,subjectKeyIdentifier', '-nameopt', 'utf8,sep_comma_plus,space_eq'], {
      encoding: 'utf8',
    });
    expect(text).toContain(`O = ${TAJIK}`);
    expect(text).toContain(`CN = ${TAJIK} (TJHSR) exchange`);
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation, Key Encipherment/);
    expect(text).toMatch(/Extended Key Usage:\s+E-mail Protection/);
    expect(text).toMatch(/Subject Key Identifier:\s+[0-9A-F:]{59}/);
  });
});

describe('readCertificateFile and certificateSha256', () => {
  it('PEM and DER give the same DER', () => {
    expect(readCertificateFile(unit.certificate).equals(unit.certificate)).toBe(true);
    expect(readCertificateFile(Buffer.from(certificatePem(unit.certificate))).equals(unit.certificate)).toBe(true);
    const windows = certificatePem(unit.certificate).replace(/\n/g, '\r\n');
    expect(readCertificateFile(Buffer.from(`exported by the partner\r\n${windows}`)).equals(unit.certificate)).toBe(true);
  });

  it.each<[string, () => Buffer]>([
    ['an empty file', () => Buffer.alloc(0)],
    ['garbage', () => crypto.randomBytes(500)],
    ['a PEM private key', () => Buffer.from(unit.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())],
    ['a DER private key', () => unit.privateKey.export({ type: 'pkcs8', format: 'der' })],
    ['a PEM certificate with its private key', () => Buffer.from(`${certificatePem(unit.certificate)}${unit.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()}`)],
    ['two certificates', () => Buffer.from(certificatePem(unit.certificate).repeat(2))],
    ['a DER certificate with bytes appended', () => Buffer.concat([unit.certificate, Buffer.from([0])])],
    ['a truncated DER certificate', () => unit.certificate.subarray(0, 500)],
    ['a damaged PEM', () => Buffer.from(certificatePem(unit.certificate).replace(/^(.{40})./m, '$1*'))],
  ])('refuses %s → EXCHANGE_CERTIFICATE_INVALID', (_name, bytes) => {
    expect(refusal(() => readCertificateFile(bytes())).code).toBe('EXCHANGE_CERTIFICATE_INVALID');
  });

  it.skipIf(!haveOpenssl)('refuses an EC certificate (this format transports keys with RSA)', () => {
    const key = path.join(dir, 'ec.key');
    const cert = path.join(dir, 'ec.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=ec', '-days', '2'], { stdio: 'pipe' });
    const error = refusal(() => readCertificateFile(fs.readFileSync(cert)));
    expect(error.code).toBe('EXCHANGE_CERTIFICATE_INVALID');
    expect(error.details).toEqual({ reason: 'the key is not RSA' });
  });

  it('certificateSha256: lower-case hex of the DER, as in the fingerprint', () => {
    const hash = certificateSha256(unit.certificate);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(new crypto.X509Certificate(unit.certificate).fingerprint256.replace(/:/g, '').toLowerCase());
  });
});

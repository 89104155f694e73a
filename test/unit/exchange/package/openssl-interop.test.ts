/**
 * Exchange packages against OpenSSL (3.0+), both directions: OpenSSL checks and
 * decrypts ours, and ours reads OpenSSL's. Fixtures are made here in a temp dir.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createExchangeCertificate,
  isAddressedTo,
  openContent,
  sealPackage,
  verifyPackage,
  type ExchangeKeyPair,
} from '../../../../main/core/exchange/package';
import { oid, seq, tlv, TAG } from '../../../../main/core/exchange/package/der';
import { ENVELOPE_OID } from '../../../../main/core/exchange/package/envelope';
import { certificatePem } from '../../../../main/core/signing/certificates';
import { DomainError } from '../../../../shared/ipc/errors';

const haveOpenssl = spawnSync('openssl', ['version']).status === 0;
if (!haveOpenssl) console.log('openssl not installed: the OpenSSL interoperability checks are skipped');

// OpenSSL checks validity against the real clock: certificates and signing time use it too.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const PAYLOAD = Buffer.from(JSON.stringify({ kind: 'seizure-notice', goods: 'Героин, 2,4 кг; Ҳисор' }), 'utf8');

let dir: string;
interface Unit extends ExchangeKeyPair {
  pem: string;
  key: string;
}
let sender: Unit;
let recipient: Unit;
let second: Unit;

function unitFiles(name: string, pair: ExchangeKeyPair): Unit {
  const pem = path.join(dir, `${name}.pem`);
  const key = path.join(dir, `${name}.key`);
  fs.writeFileSync(pem, certificatePem(pair.certificate));
  fs.writeFileSync(key, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return { ...pair, pem, key };
}

/** Runs openssl; on failure the error carries its stderr. */
function openssl(...args: string[]): string {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}
const file = (name: string): string => path.join(dir, name);
const write = (name: string, bytes: Buffer): string => {
  fs.writeFileSync(file(name), bytes);
  return file(name);
};
const read = (name: string): Buffer => fs.readFileSync(file(name));

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}
const reasonOf = (error: DomainError): string => (error.details as { reason?: string } | undefined)?.reason ?? '';

/** ContentInfo { id-ct-authEnvelopedData, [0] EXPLICIT envelope }: what `openssl cms -decrypt` reads. */
const wrapEnvelope = (envelope: Buffer): Buffer => seq(oid(ENVELOPE_OID.authEnvelopedData), tlv(TAG.context(0), envelope));

/** `openssl cms -encrypt` output → the bare AuthEnvelopedData, with openssl's own asn1parse (the depth-2 SEQUENCE). */
function peelWithOpenssl(contentInfoFile: string, out: string): Buffer {
  const listing = openssl('asn1parse', '-inform', 'DER', '-in', contentInfoFile);
  const line = listing.split('\n').find((l) => /d=2 .* cons: SEQUENCE/.test(l));
  const offset = line ? /^\s*(\d+):/.exec(line)?.[1] : undefined;
  if (!offset) throw new Error(`no AuthEnvelopedData in:\n${listing}`);
  openssl('asn1parse', '-inform', 'DER', '-in', contentInfoFile, '-strparse', offset, '-noout', '-out', out);
  return fs.readFileSync(out);
}

beforeAll(() => {
  if (!haveOpenssl) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcu-exchange-openssl-'));
  sender = unitFiles('sender', createExchangeCertificate({ unitName: 'Гумруки Ҳисор', country: 'TJ', locode: 'TJHSR', unitUid: 'unit-tj-1', now: NOW }));
  recipient = unitFiles('recipient', createExchangeCertificate({ unitName: 'Таможенный пост Кяхта', country: 'RU', locode: 'RUKYA', unitUid: 'unit-ru-2', now: NOW }));
  second = unitFiles('second', createExchangeCertificate({ unitName: 'Қорғас кеден бекеті', country: 'KZ', locode: 'KZKHG', unitUid: 'unit-kz-3', now: NOW }));
  write('payload.json', PAYLOAD);
}, 60_000);
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!haveOpenssl)('OpenSSL reads our packages', () => {
  it('verifies a plain package with the default S/MIME purpose and outputs the payload', () => {
    write('ours-plain.p7m', sealPackage(PAYLOAD, sender, [], NOW));
    openssl('cms', '-verify', '-inform', 'DER', '-binary', '-in', file('ours-plain.p7m'), '-CAfile', sender.pem, '-out', file('ours-plain.out'));
    expect(read('ours-plain.out').equals(PAYLOAD)).toBe(true);
    // and refuses it against another unit's certificate as trust anchor
    expect(() => openssl('cms', '-verify', '-inform', 'DER', '-binary', '-in', file('ours-plain.p7m'), '-CAfile', recipient.pem, '-out', file('x'))).toThrow(/verify error|Verification failure/);
  });

  it('prints the structure we document (signed attributes, algorithms)', () => {
    write('ours-print.p7m', sealPackage(PAYLOAD, sender, [recipient.certificate], NOW));
    const text = openssl('cms', '-cmsout', '-print', '-inform', 'DER', '-in', file('ours-print.p7m'));
    expect(text).toMatch(/contentType: pkcs7-signedData/);
    expect(text).toMatch(/eContentType: id-smime-ct-authEnvelopedData/);
    for (const attr of ['contentType', 'messageDigest', 'signingTime', 'id-smime-aa-signingCertificateV2']) expect(text).toContain(`object: ${attr}`);
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const day = String(NOW.getUTCDate()).padStart(2, ' ');
    expect(text).toContain(`UTCTIME:${months[NOW.getUTCMonth()]} ${day} ${NOW.toISOString().slice(11, 19)} ${NOW.getUTCFullYear()} GMT`);
  });

  it('verifies an encrypted package, then decrypts the inner AuthEnvelopedData for each recipient', () => {
    write('ours-enc.p7m', sealPackage(PAYLOAD, sender, [recipient.certificate, second.certificate], NOW));
    openssl('cms', '-verify', '-inform', 'DER', '-binary', '-in', file('ours-enc.p7m'), '-CAfile', sender.pem, '-purpose', 'any', '-out', file('ours-enc.inner'));
    write('ours-enc.env', wrapEnvelope(read('ours-enc.inner')));
    const printed = openssl('cms', '-cmsout', '-print', '-inform', 'DER', '-in', file('ours-enc.env'));
    expect(printed).toMatch(/contentType: id-smime-ct-authEnvelopedData/);
    expect(printed).toMatch(/algorithm: rsaesOaep/);
    expect(printed).toMatch(/algorithm: aes-256-gcm/);
    for (const unit of [recipient, second]) {
      openssl('cms', '-decrypt', '-inform', 'DER', '-in', file('ours-enc.env'), '-recip', unit.pem, '-inkey', unit.key, '-out', file('ours-enc.out'));
      expect(read('ours-enc.out').equals(PAYLOAD)).toBe(true);
    }
    expect(() => openssl('cms', '-decrypt', '-inform', 'DER', '-in', file('ours-enc.env'), '-recip', sender.pem, '-inkey', sender.key, '-out', file('x'))).toThrow();
  });
});

describe.skipIf(!haveOpenssl)('we read OpenSSL packages', () => {
  const sign = (input: string, out: string, ...extra: string[]): Buffer => {
    openssl('cms', '-sign', '-nodetach', '-binary', '-md', 'sha256', '-outform', 'DER', '-signer', sender.pem, '-inkey', sender.key, '-in', input, '-out', file(out), ...extra);
    return read(out);
  };

  it('plain (cms -sign -nodetach -binary -md sha256 -cades)', () => {
    const verified = verifyPackage(sign(file('payload.json'), 'ossl-plain.p7m', '-cades'));
    expect(verified.encrypted).toBe(false);
    expect(verified.signerCertificate.equals(sender.certificate)).toBe(true);
    expect(verified.signedAt).toBeInstanceOf(Date);
    expect(Math.abs((verified.signedAt as Date).getTime() - Date.now())).toBeLessThan(10 * 60_000);
    expect(openContent(verified, recipient).equals(PAYLOAD)).toBe(true);
  });

  it('encrypt-then-sign (cms -encrypt -aes-256-gcm, RSA-OAEP SHA-256, two recipients; cms -sign -econtent_type)', () => {
    openssl('cms', '-encrypt', '-aes-256-gcm', '-binary', '-in', file('payload.json'), '-outform', 'DER', '-out', file('ossl.env'),
      '-recip', recipient.pem, '-keyopt', 'rsa_padding_mode:oaep', '-keyopt', 'rsa_oaep_md:sha256',
      '-recip', second.pem, '-keyopt', 'rsa_padding_mode:oaep', '-keyopt', 'rsa_oaep_md:sha256');
    peelWithOpenssl(file('ossl.env'), file('ossl.inner'));
    const pkg = sign(file('ossl.inner'), 'ossl-enc.p7m', '-cades', '-econtent_type', 'id-smime-ct-authEnvelopedData');
    const verified = verifyPackage(pkg);
    expect(verified.encrypted).toBe(true);
    expect(verified.recipients).toHaveLength(2);
    expect(verified.signerCertificate.equals(sender.certificate)).toBe(true);
    expect(isAddressedTo(verified, recipient.certificate)).toBe(true);
    expect(isAddressedTo(verified, sender.certificate)).toBe(false);
    expect(openContent(verified, recipient).equals(PAYLOAD)).toBe(true);
    expect(openContent(verified, second).equals(PAYLOAD)).toBe(true);
    expect(refusal(() => openContent(verified, sender)).code).toBe('EXCHANGE_NOT_FOR_THIS_UNIT');
  });

  it('decision: signed attributes without signing-certificate-v2 (no -cades) are refused as not verifiable', () => {
    const error = refusal(() => verifyPackage(sign(file('payload.json'), 'ossl-nocades.p7m')));
    expect(error.code).toBe('EXCHANGE_TAMPERED');
    expect(reasonOf(error)).toMatch(/signing-certificate-v2 attribute missing/);
  });

  it('a detached signature, one without certificates, an unsigned envelope → EXCHANGE_NOT_A_PACKAGE', () => {
    openssl('cms', '-sign', '-binary', '-md', 'sha256', '-cades', '-outform', 'DER', '-signer', sender.pem, '-inkey', sender.key, '-in', file('payload.json'), '-out', file('ossl-detached.p7s'));
    expect(reasonOf(refusal(() => verifyPackage(read('ossl-detached.p7s'))))).toMatch(/detached/);
    expect(refusal(() => verifyPackage(read('ossl-detached.p7s'))).code).toBe('EXCHANGE_NOT_A_PACKAGE');
    const nocerts = refusal(() => verifyPackage(sign(file('payload.json'), 'ossl-nocerts.p7m', '-cades', '-nocerts')));
    expect(nocerts.code).toBe('EXCHANGE_NOT_A_PACKAGE');
    expect(reasonOf(nocerts)).toMatch(/no certificate/);
    openssl('cms', '-encrypt', '-aes-256-gcm', '-binary', '-in', file('payload.json'), '-outform', 'DER', '-out', file('ossl-only.env'), '-recip', recipient.pem, '-keyopt', 'rsa_padding_mode:oaep', '-keyopt', 'rsa_oaep_md:sha256');
    expect(refusal(() => verifyPackage(read('ossl-only.env'))).code).toBe('EXCHANGE_NOT_A_PACKAGE');
  });

  it('a streamed (BER, indefinite length) signature → EXCHANGE_NOT_A_PACKAGE: DER is required', () => {
    const error = refusal(() => verifyPackage(sign(file('payload.json'), 'ossl-stream.p7m', '-cades', '-stream')));
    expect(error.code).toBe('EXCHANGE_NOT_A_PACKAGE');
    expect(reasonOf(error)).toMatch(/BER/);
  });

  it('unsupported algorithms are not verifiable: SHA-384 digest, RSA PKCS#1 v1.5 key transport, AES-CBC EnvelopedData', () => {
    const sha384 = refusal(() => verifyPackage(sign(file('payload.json'), 'ossl-384.p7m', '-cades', '-md', 'sha384')));
    expect(sha384.code).toBe('EXCHANGE_TAMPERED');
    expect(reasonOf(sha384)).toMatch(/digest algorithm/);

    openssl('cms', '-encrypt', '-aes-256-gcm', '-binary', '-in', file('payload.json'), '-outform', 'DER', '-out', file('ossl-v15.env'), '-recip', recipient.pem);
    peelWithOpenssl(file('ossl-v15.env'), file('ossl-v15.inner'));
    const v15 = verifyPackage(sign(file('ossl-v15.inner'), 'ossl-v15.p7m', '-cades', '-econtent_type', 'id-smime-ct-authEnvelopedData'));
    expect(isAddressedTo(v15, recipient.certificate)).toBe(true);
    const error = refusal(() => openContent(v15, recipient));
    expect(error.code).toBe('EXCHANGE_TAMPERED');
    expect(reasonOf(error)).toMatch(/unsupported key transport/);

    openssl('cms', '-encrypt', '-aes-256-cbc', '-binary', '-in', file('payload.json'), '-outform', 'DER', '-out', file('ossl-cbc.env'), '-recip', recipient.pem, '-keyopt', 'rsa_padding_mode:oaep', '-keyopt', 'rsa_oaep_md:sha256');
    peelWithOpenssl(file('ossl-cbc.env'), file('ossl-cbc.inner'));
    const cbc = refusal(() => verifyPackage(sign(file('ossl-cbc.inner'), 'ossl-cbc.p7m', '-cades', '-econtent_type', 'pkcs7-envelopedData')));
    expect(cbc.code).toBe('EXCHANGE_NOT_A_PACKAGE');
    expect(reasonOf(cbc)).toMatch(/unsupported content type/);
  });

  it('the usual S/MIME-style nesting (enveloped ContentInfo signed as id-data) is read as plain bytes, never guessed', () => {
    openssl('cms', '-encrypt', '-aes-256-gcm', '-binary', '-in', file('payload.json'), '-outform', 'DER', '-out', file('ossl-nested.env'), '-recip', recipient.pem, '-keyopt', 'rsa_padding_mode:oaep', '-keyopt', 'rsa_oaep_md:sha256');
    const verified = verifyPackage(sign(file('ossl-nested.env'), 'ossl-nested.p7m', '-cades'));
    expect(verified.encrypted).toBe(false);
    expect(openContent(verified, recipient).equals(read('ossl-nested.env'))).toBe(true);
  });
});

describe.skipIf(!haveOpenssl)('execFileSync sanity', () => {
  it('openssl is 3.x (AuthEnvelopedData needs it)', () => {
    expect(execFileSync('openssl', ['version'], { encoding: 'utf8' })).toMatch(/^OpenSSL 3\./);
  });
});

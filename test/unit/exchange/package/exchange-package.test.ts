import crypto from 'node:crypto';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createExchangeCertificate,
  isAddressedTo,
  openContent,
  PACKAGE_LIMIT_BYTES,
  sealPackage,
  verifyPackage,
  type ExchangeKeyPair,
} from '../../../../main/core/exchange/package';
import { childrenOf, oid, readWhole, seq, tlv, TAG, type Tlv } from '../../../../main/core/exchange/package/der';
import { ENVELOPE_OID, parseEnvelope } from '../../../../main/core/exchange/package/envelope';
import { signContent } from '../../../../main/core/exchange/package/signed-data';
import { createCadesSignature, OID } from '../../../../main/core/signing/cms';
import { DomainError } from '../../../../shared/ipc/errors';

const NOW = new Date('2026-11-29T05:00:00Z');
const PAYLOAD = Buffer.from(JSON.stringify({ kind: 'alert', text: 'Контейнер MSKU1234565 — проверить; Ҳисор → Душанбе' }), 'utf8');

let dushanbe: ExchangeKeyPair; // sender
let kyakhta: ExchangeKeyPair; // recipient
let khorgos: ExchangeKeyPair; // second recipient / another unit

beforeAll(() => {
  dushanbe = createExchangeCertificate({ unitName: 'Гумруки Ҳисор', country: 'TJ', locode: 'TJDYU', unitUid: 'unit-tj-0001', now: NOW });
  kyakhta = createExchangeCertificate({ unitName: 'Таможенный пост Кяхта', country: 'RU', locode: 'RUKYA', unitUid: 'unit-ru-0002', now: NOW });
  khorgos = createExchangeCertificate({ unitName: 'Қорғас кеден бекеті', country: 'KZ', locode: 'KZKHG', unitUid: 'unit-kz-0003', now: NOW });
}, 60_000);

/** Runs `fn` and returns the DomainError it throws (fails the test when it throws nothing or something else). */
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

function flipByte(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
}

/** Offset of a subarray of `whole` (the DER reader returns views into the same memory). */
const offsetIn = (whole: Buffer, part: Buffer): number => part.byteOffset - whole.byteOffset;

/** The SignedData children of a package: [version, digestAlgorithms, encapContentInfo, certificates, signerInfos]. */
function signedDataFields(pkg: Buffer): Tlv[] {
  const [, explicit] = childrenOf(readWhole(pkg));
  return childrenOf(childrenOf(explicit as Tlv)[0] as Tlv);
}

/** The eContent octets of a package, as a view into `pkg`. */
function eContentOf(pkg: Buffer): Buffer {
  const [, content] = childrenOf(signedDataFields(pkg)[2] as Tlv);
  return (childrenOf(content as Tlv)[0] as Tlv).content;
}

/** The same package with one SignedData field replaced (lengths re-encoded around it). */
function withField(pkg: Buffer, index: number, replacement: Buffer): Buffer {
  const fields = signedDataFields(pkg).map((field) => field.bytes);
  fields[index] = replacement;
  const [contentType] = childrenOf(readWhole(pkg));
  return seq((contentType as Tlv).bytes, tlv(TAG.context(0), seq(...fields)));
}
const withCertificates = (pkg: Buffer, certificates: Buffer[]): Buffer => withField(pkg, 3, tlv(TAG.context(0), ...certificates));

describe('sealPackage / verifyPackage / openContent: round trips', () => {
  it('plain: id-data content, signer certificate, signing time, nothing encrypted', () => {
    const pkg = sealPackage(PAYLOAD, dushanbe, [], NOW);
    const verified = verifyPackage(pkg);
    expect(verified.encrypted).toBe(false);
    expect(verified.recipients).toEqual([]);
    expect(verified.signerCertificate.equals(dushanbe.certificate)).toBe(true);
    expect(verified.signedAt?.toISOString()).toBe(NOW.toISOString());
    expect(isAddressedTo(verified, khorgos.certificate)).toBe(true);
    expect(openContent(verified, khorgos).equals(PAYLOAD)).toBe(true);
    // The payload is the eContent itself, in the clear.
    expect(eContentOf(pkg).equals(PAYLOAD)).toBe(true);
    expect(pkg.includes(PAYLOAD)).toBe(true);
  });

  it('encrypted to one recipient: only that recipient opens it, the payload is not in the file', () => {
    const pkg = sealPackage(PAYLOAD, dushanbe, [kyakhta.certificate], NOW);
    expect(pkg.includes(PAYLOAD)).toBe(false);
    const verified = verifyPackage(pkg);
    expect(verified.encrypted).toBe(true);
    expect(verified.recipients).toHaveLength(1);
    expect(verified.signerCertificate.equals(dushanbe.certificate)).toBe(true);
    expect(isAddressedTo(verified, kyakhta.certificate)).toBe(true);
    expect(isAddressedTo(verified, khorgos.certificate)).toBe(false);
    expect(isAddressedTo(verified, dushanbe.certificate)).toBe(false);
    expect(openContent(verified, kyakhta).equals(PAYLOAD)).toBe(true);
  });

  it('encrypted to two recipients: both open it; the recipients are named by issuer and serial', () => {
    const pkg = sealPackage(PAYLOAD, dushanbe, [kyakhta.certificate, khorgos.certificate, kyakhta.certificate], NOW);
    const verified = verifyPackage(pkg);
    expect(verified.recipients).toHaveLength(2); // the duplicate is dropped
    const serials = verified.recipients.map((r) => r.serialHex).sort();
    const expected = [kyakhta, khorgos].map((u) => BigInt(`0x${new crypto.X509Certificate(u.certificate).serialNumber}`).toString(16)).sort();
    expect(serials).toEqual(expected);
    for (const recipient of verified.recipients) expect(recipient.issuerDer.toString('latin1')).toMatch(/exchange/);
    expect(openContent(verified, kyakhta).equals(PAYLOAD)).toBe(true);
    expect(openContent(verified, khorgos).equals(PAYLOAD)).toBe(true);
  });

  it('an empty payload and a binary one survive', () => {
    const binary = crypto.randomBytes(70_000);
    for (const payload of [Buffer.alloc(0), binary]) {
      expect(openContent(verifyPackage(sealPackage(payload, dushanbe, [], NOW)), kyakhta).equals(payload)).toBe(true);
      expect(openContent(verifyPackage(sealPackage(payload, dushanbe, [kyakhta.certificate], NOW)), kyakhta).equals(payload)).toBe(true);
    }
  });

  it('structure: SignedData version 1 (plain) / 3 (encrypted), eContentType, signed attributes in DER order, AES-256-GCM + OAEP', () => {
    const plain = sealPackage(PAYLOAD, dushanbe, [], NOW);
    const encrypted = sealPackage(PAYLOAD, dushanbe, [kyakhta.certificate], NOW);
    for (const [pkg, version, type] of [
      [plain, 1, OID.data],
      [encrypted, 3, ENVELOPE_OID.authEnvelopedData],
    ] as const) {
      const fields = signedDataFields(pkg);
      expect(fields[0]?.content[0]).toBe(version);
      const encap = childrenOf(fields[2] as Tlv);
      expect(encap[0]?.bytes.equals(oid(type))).toBe(true);
      const signerInfo = childrenOf(fields[4] as Tlv)[0] as Tlv;
      const signedAttrs = childrenOf(signerInfo)[3] as Tlv;
      expect(signedAttrs.tag).toBe(TAG.context(0));
      const attrs = childrenOf(signedAttrs).map((a) => a.bytes);
      expect(attrs).toHaveLength(4);
      expect([...attrs].sort(Buffer.compare)).toEqual(attrs);
    }
    const envelope = parseEnvelope(eContentOf(encrypted));
    expect(envelope.nonce).toHaveLength(12);
    expect(envelope.mac).toHaveLength(16);
    expect(envelope.recipients[0]?.supported).toBe(true);
  });
});

describe('verifyPackage: tampering → EXCHANGE_TAMPERED', () => {
  it('one byte flipped in the payload area', () => {
    const pkg = sealPackage(PAYLOAD, dushanbe, [], NOW);
    const error = refusal(() => verifyPackage(flipByte(pkg, pkg.indexOf(PAYLOAD) + 10)));
    expect(error.code).toBe('EXCHANGE_TAMPERED');
    expect(reasonOf(error)).toMatch(/message digest/);
  });

  it('one byte flipped in the signature', () => {
    const pkg = sealPackage(PAYLOAD, dushanbe, [kyakhta.certificate], NOW);
    const error = refusal(() => verifyPackage(flipByte(pkg, pkg.length - 7))); // the signature is the last field
    expect(error.code).toBe('EXCHANGE_TAMPERED');
    expect(reasonOf(error)).toMatch(/signature is invalid/);
  });

  it('one byte flipped in the ciphertext: the outer signature catches it', () => {
    const pkg = sealPackage(PAYLOAD, dushanbe, [kyakhta.certificate], NOW);
    const at = offsetIn(pkg, parseEnvelope(eContentOf(pkg)).ciphertext) + 3;
    const error = refusal(() => verifyPackage(flipByte(pkg, at)));
    expect(error.code).toBe('EXCHANGE_TAMPERED');
    expect(reasonOf(error)).toMatch(/message digest/);
  });

  it('ciphertext altered and re-signed by a (compromised) sender: GCM authentication refuses it at opening', () => {
    const pkg = sealPackage(PAYLOAD, dushanbe, [kyakhta.certificate], NOW);
    const envelope = Buffer.from(eContentOf(pkg));
    const at = offsetIn(envelope, parseEnvelope(envelope).ciphertext) + 3;
    const resigned = signContent(ENVELOPE_OID.authEnvelopedData, flipByte(envelope, at), dushanbe, NOW);
    const verified = verifyPackage(resigned); // the signature is fine
    const error = refusal(() => openContent(verified, kyakhta));
    expect(error.code).toBe('EXCHANGE_TAMPERED');
    // Control: the unaltered envelope re-signed the same way opens.
    expect(openContent(verifyPackage(signContent(ENVELOPE_OID.authEnvelopedData, envelope, dushanbe, NOW)), kyakhta).equals(PAYLOAD)).toBe(true);
  });

  it('one byte flipped in the signed attributes (the signing time)', () => {
    const pkg = sealPackage(PAYLOAD, dushanbe, [], NOW);
    const time = pkg.indexOf(Buffer.from('261129050000Z', 'latin1'));
    expect(time).toBeGreaterThan(0);
    const error = refusal(() => verifyPackage(flipByte(pkg, time + 11)));
    expect(error.code).toBe('EXCHANGE_TAMPERED');
    expect(reasonOf(error)).toMatch(/signature is invalid/);
  });

  it('bytes appended after the DER', () => {
    for (const pkg of [sealPackage(PAYLOAD, dushanbe, [], NOW), sealPackage(PAYLOAD, dushanbe, [kyakhta.certificate], NOW)]) {
      for (const extra of [Buffer.from([0]), Buffer.from('\n'), sealPackage(Buffer.from('{}'), dushanbe, [], NOW)]) {
        const error = refusal(() => verifyPackage(Buffer.concat([pkg, extra])));
        expect(error.code).toBe('EXCHANGE_TAMPERED');
        expect(reasonOf(error)).toMatch(/after the end/);
      }
    }
  });

  it("the certificate swapped for another unit's certificate", () => {
    const pkg = sealPackage(PAYLOAD, dushanbe, [], NOW);
    expect(verifyPackage(withCertificates(pkg, [dushanbe.certificate])).signerCertificate.equals(dushanbe.certificate)).toBe(true); // the helper itself keeps a valid package
    const error = refusal(() => verifyPackage(withCertificates(pkg, [kyakhta.certificate])));
    expect(error.code).toBe('EXCHANGE_TAMPERED');
    expect(reasonOf(error)).toMatch(/signer identifier/);
  });

  it('the certificate swapped for another certificate over the same key, issuer and serial: signing-certificate-v2 catches it', () => {
    const original = new crypto.X509Certificate(dushanbe.certificate);
    const forgeOriginal = forge.pki.certificateFromAsn1(forge.asn1.fromDer(dushanbe.certificate.toString('binary')));
    const key = forge.pki.privateKeyFromPem(dushanbe.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const twin = forge.pki.certificateFromAsn1(forge.asn1.fromDer(dushanbe.certificate.toString('binary')));
    twin.validity.notAfter = new Date(forgeOriginal.validity.notAfter.getTime() + 86_400_000 * 365);
    // forge reads UTF8String values as raw UTF-8 and encodes them again on write: decode first.
    const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
    const decoded = (attrs: forge.pki.CertificateField[]): forge.pki.CertificateField[] =>
      attrs.map((a) => (a.valueTagClass === utf8 && typeof a.value === 'string' ? { ...a, value: forge.util.decodeUtf8(a.value) } : a));
    twin.setSubject(decoded(twin.subject.attributes));
    twin.setIssuer(decoded(twin.issuer.attributes));
    twin.sign(key, forge.md.sha256.create());
    const twinDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(twin)).getBytes(), 'binary');
    expect(twinDer.equals(dushanbe.certificate)).toBe(false);
    expect(new crypto.X509Certificate(twinDer).serialNumber).toBe(original.serialNumber);
    expect(new crypto.X509Certificate(twinDer).issuer).toBe(original.issuer);
    expect(new crypto.X509Certificate(twinDer).verify(original.publicKey)).toBe(true);

    const pkg = sealPackage(PAYLOAD, dushanbe, [], NOW);
    const error = refusal(() => verifyPackage(withCertificates(pkg, [twinDer])));
    expect(error.code).toBe('EXCHANGE_TAMPERED');
    expect(reasonOf(error)).toMatch(/signing-certificate-v2 does not name/);
    // With both included (same issuer and serial), the signer is the one the attribute names, whatever the order.
    for (const certificates of [[twinDer, dushanbe.certificate], [dushanbe.certificate, twinDer]]) {
      expect(verifyPackage(withCertificates(pkg, certificates)).signerCertificate.equals(dushanbe.certificate)).toBe(true);
    }
  });

  it('a damaged length inside the structure', () => {
    const pkg = sealPackage(PAYLOAD, dushanbe, [], NOW);
    const certAt = offsetIn(pkg, (signedDataFields(pkg)[3] as Tlv).bytes); // the [0] certificates header: a0 82 LL LL
    const error = refusal(() => verifyPackage(flipByte(pkg, certAt + 3)));
    expect(error.code).toBe('EXCHANGE_TAMPERED');
  });
});

describe('verifyPackage: not a package → EXCHANGE_NOT_A_PACKAGE', () => {
  it.each<[string, () => Buffer]>([
    ['an empty file', () => Buffer.alloc(0)],
    ['a PDF', () => Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF\n', 'latin1')],
    ['a plain JSON file', () => PAYLOAD],
    ['a DER certificate', () => dushanbe.certificate],
    ['a single byte 0x30', () => Buffer.from([0x30])],
  ])('%s', (_name, bytes) => {
    expect(refusal(() => verifyPackage(bytes())).code).toBe('EXCHANGE_NOT_A_PACKAGE');
  });

  it('a detached CMS signature (the PDF signer’s)', () => {
    const detached = createCadesSignature(crypto.createHash('sha256').update(PAYLOAD).digest(), dushanbe);
    const error = refusal(() => verifyPackage(detached));
    expect(error.code).toBe('EXCHANGE_NOT_A_PACKAGE');
    expect(reasonOf(error)).toMatch(/detached/);
  });

  it('a SignedData without certificates', () => {
    const error = refusal(() => verifyPackage(withCertificates(sealPackage(PAYLOAD, dushanbe, [], NOW), [])));
    expect(error.code).toBe('EXCHANGE_NOT_A_PACKAGE');
    expect(reasonOf(error)).toMatch(/no certificate/);
  });

  it('no signer, or more than one', () => {
    const pkg = sealPackage(PAYLOAD, dushanbe, [], NOW);
    const signerInfo = (childrenOf(signedDataFields(pkg)[4] as Tlv)[0] as Tlv).bytes;
    const none = refusal(() => verifyPackage(withField(pkg, 4, tlv(TAG.set))));
    expect(none.code).toBe('EXCHANGE_NOT_A_PACKAGE');
    expect(reasonOf(none)).toMatch(/no signer/);
    const two = refusal(() => verifyPackage(withField(pkg, 4, tlv(TAG.set, signerInfo, signerInfo))));
    expect(two.code).toBe('EXCHANGE_NOT_A_PACKAGE');
    expect(reasonOf(two)).toMatch(/more than one signer/);
    expect(verifyPackage(withField(pkg, 4, tlv(TAG.set, signerInfo))).encrypted).toBe(false); // control
  });

  it('validly signed content of another type', () => {
    const other = signContent('1.2.840.113549.1.9.16.1.4', PAYLOAD, dushanbe, NOW); // id-ct-TSTInfo
    const error = refusal(() => verifyPackage(other));
    expect(error.code).toBe('EXCHANGE_NOT_A_PACKAGE');
    expect(reasonOf(error)).toMatch(/content type/);
  });
});

describe('openContent and the size limit', () => {
  it('wrong recipient → EXCHANGE_NOT_FOR_THIS_UNIT', () => {
    const verified = verifyPackage(sealPackage(PAYLOAD, dushanbe, [kyakhta.certificate], NOW));
    expect(refusal(() => openContent(verified, khorgos)).code).toBe('EXCHANGE_NOT_FOR_THIS_UNIT');
    expect(refusal(() => openContent(verified, dushanbe)).code).toBe('EXCHANGE_NOT_FOR_THIS_UNIT');
  });

  it('over 48 MiB → EXCHANGE_PACKAGE_TOO_LARGE before parsing; exactly 48 MiB is parsed', () => {
    const error = refusal(() => verifyPackage(Buffer.alloc(PACKAGE_LIMIT_BYTES + 1, 0x30)));
    expect(error.code).toBe('EXCHANGE_PACKAGE_TOO_LARGE');
    expect(error.details).toEqual({ limit: '48 MiB' });
    expect(refusal(() => verifyPackage(Buffer.alloc(PACKAGE_LIMIT_BYTES))).code).toBe('EXCHANGE_NOT_A_PACKAGE');
  });

  it('sealPackage refuses a package the receiver would refuse', () => {
    const payload = Buffer.alloc(PACKAGE_LIMIT_BYTES - 100, 0x20);
    expect(refusal(() => sealPackage(payload, dushanbe, [], NOW)).code).toBe('EXCHANGE_PACKAGE_TOO_LARGE');
    expect(refusal(() => sealPackage(Buffer.alloc(PACKAGE_LIMIT_BYTES + 1), dushanbe, [], NOW)).code).toBe('EXCHANGE_PACKAGE_TOO_LARGE');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../main/core/db/migrate';
import { openDatabase, type Db } from '../../main/core/db/open';
import { buildP12, certificatePem } from '../../main/core/signing/certificates';
import {
  createUnitCaRecord,
  currentCredential,
  importP12,
  issueFromUnitCa,
  unitCaCertificate,
  unitCaInfo,
} from '../../main/core/signing/credential-store';
import { signPdfWithP12, signReportPdf } from '../../main/core/signing/sign-report';
import { verifyPdfSignatures } from '../../main/core/signing/verify-pdf';
import { SIGNATURE_SLOTS } from '../../main/core/reports/signature-box';
import { SIGNED_AT, testCredentials } from '../fixtures/signing/credentials';
import { makeTestPdf } from '../fixtures/signing/make-pdf';
import { extractSignatures, hasTool, opensslCmsVerify, pdfsig } from '../unit/signing/tools';

let dir: string;
let db: Db;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pcu-signing-'));
  db = openDatabase(path.join(dir, 'pcu.db'), randomBytes(32), { create: true });
  migrate(db);
  db.exec(`INSERT INTO users (id, username, display_name, role, created_at, password_changed_at) VALUES
    (1, 'dilnoza', 'Дилноза Каримова', 'administrator', 'now', 'now'),
    (2, 'jrahimov', 'Ҷаҳонгир Раҳимов', 'officer', 'now', 'now'),
    (3, 'gkurbonov', 'Қурбонов Ғайрат', 'supervisor', 'now', 'now')`);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const appearance = (name: string, role: string) => ({ name, role, unit: 'PCU Dushanbe', signedAt: SIGNED_AT, timeZone: 'Asia/Dushanbe' });

describe('unit CA, officer credentials and signed reports', () => {
  it('an administrator creates the unit CA once; its subject says it is local', () => {
    const info = createUnitCaRecord(db, { unitName: 'PCU Dushanbe', country: 'TJ', actorId: 1, now: SIGNED_AT });
    expect(info.subject).toContain('local unit CA — not a national PKI');
    expect(unitCaInfo(db)?.fingerprint).toBe(info.fingerprint);
    expect(() => createUnitCaRecord(db, { unitName: 'X', actorId: 1, now: SIGNED_AT })).toThrow(expect.objectContaining({ code: 'SIGNING_UNIT_CA_EXISTS' }));
  });

  it('issues officer certificates, signs, countersigns; verified by us, pdfsig and openssl with the exported CA', async () => {
    issueFromUnitCa(db, { userId: 2, password: 'officer-p12-pass', actorId: 1, unitName: 'PCU Dushanbe', now: SIGNED_AT });
    issueFromUnitCa(db, { userId: 3, password: 'supervisor-p12-pass', actorId: 1, unitName: 'PCU Dushanbe', now: SIGNED_AT });
    expect(currentCredential(db, 2)).toMatchObject({ source: 'unit_ca', subject: expect.stringContaining('CN=Ҷаҳонгир Раҳимов') });

    const pdf = await makeTestPdf({ pages: 3 });
    const first = await signReportPdf(db, { pdf, userId: 2, password: 'officer-p12-pass', appearance: appearance('Ҷаҳонгир Раҳимов', 'Inspector') });
    expect(first.fingerprint).toBe(currentCredential(db, 2)?.fingerprint);
    const second = await signReportPdf(db, { pdf: first.pdf, userId: 3, password: 'supervisor-p12-pass', appearance: appearance('Қурбонов Ғайрат', 'Supervisor') });

    const ours = verifyPdfSignatures(second.pdf);
    expect(ours.ok).toBe(true);
    expect(ours.signatures.map((s) => s.fingerprint)).toEqual([first.fingerprint, second.fingerprint]);
    const text = second.pdf.toString('latin1');
    expect(text).toContain(`/Rect [${SIGNATURE_SLOTS.officer.join(' ')}]`);
    expect(text).toContain(`/Rect [${SIGNATURE_SLOTS.countersign.join(' ')}]`);

    if (hasTool('pdfsig')) {
      expect(pdfsig(second.pdf).map((s) => [s.valid, s.totalDocumentSigned])).toEqual([
        [true, false],
        [true, true],
      ]);
    }
    if (hasTool('openssl')) {
      const caPem = certificatePem(unitCaCertificate(db));
      for (const sig of extractSignatures(second.pdf)) {
        const result = opensslCmsVerify(sig.cms, sig.signedBytes, caPem);
        expect(result.ok, result.output).toBe(true);
      }
    }
  });

  it('refuses a wrong P12 password with a translated code, and a user without a credential', async () => {
    const pdf = await makeTestPdf({ pages: 1 });
    await expect(signReportPdf(db, { pdf, userId: 2, password: 'wrong', appearance: appearance('A', 'B') })).rejects.toMatchObject({
      code: 'SIGNING_P12_PASSWORD_WRONG',
    });
    await expect(signReportPdf(db, { pdf, userId: 1, password: 'x', appearance: appearance('A', 'B') })).rejects.toMatchObject({
      code: 'SIGNING_NO_CREDENTIAL',
    });
  });

  it('imports a national-PKI P12 (password checked, not stored), which replaces the current credential', async () => {
    const { officer } = testCredentials();
    const p12 = buildP12(officer, 'national-pass', 'Officer');
    expect(() => importP12(db, { userId: 2, p12, password: 'nope', now: SIGNED_AT })).toThrow(expect.objectContaining({ code: 'SIGNING_P12_PASSWORD_WRONG' }));
    expect(() => importP12(db, { userId: 2, p12: Buffer.from('not a p12'), password: 'x', now: SIGNED_AT })).toThrow(
      expect.objectContaining({ code: 'SIGNING_P12_INVALID' }),
    );
    const info = importP12(db, { userId: 2, p12, password: 'national-pass', now: SIGNED_AT });
    expect(currentCredential(db, 2)).toMatchObject({ source: 'imported', fingerprint: info.fingerprint });
    const rows = db.prepare('SELECT count(*) AS n FROM signing_credentials WHERE user_id = 2').get() as { n: number };
    expect(rows.n).toBe(2);
    const dump = JSON.stringify(db.prepare('SELECT * FROM signing_credentials').all());
    expect(dump).not.toContain('national-pass');

    const pdf = await makeTestPdf({ pages: 1 });
    const signed = await signPdfWithP12(pdf, p12, 'national-pass', appearance('Ҷаҳонгир Раҳимов', 'Inspector'));
    expect(verifyPdfSignatures(signed.pdf).ok).toBe(true);
  });

  it('refuses a certificate that is not valid at the signing time', async () => {
    const pdf = await makeTestPdf({ pages: 1 });
    const p12 = buildP12(testCredentials().officer, 'p', 'Officer');
    await expect(
      signPdfWithP12(pdf, p12, 'p', { ...appearance('A', 'B'), signedAt: new Date('2040-01-01T00:00:00Z') }),
    ).rejects.toMatchObject({ code: 'SIGNING_CERTIFICATE_NOT_VALID_NOW' });
  });
});

describe('pcu report verify FILE --json', () => {
  it('exits 0 with the signatures for a signed PDF, 1 for a tampered one', async () => {
    const { writeFileSync } = await import('node:fs');
    const { runCli } = await import('../../main/cli/program');
    const p12 = buildP12(testCredentials().officer, 'p', 'Officer');
    const signed = (await signPdfWithP12(await makeTestPdf({ pages: 1 }), p12, 'p', appearance('Ҷаҳонгир Раҳимов', 'Inspector'))).pdf;
    const file = path.join(dir, 'signed.pdf');
    const tamperedFile = path.join(dir, 'tampered.pdf');
    writeFileSync(file, signed);
    writeFileSync(tamperedFile, Buffer.concat([signed, Buffer.from('\n%x\n')]));
    const out: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), env: {}, platform: 'linux' as const, home: dir, language: 'en' as const };
    expect(await runCli(['report', 'verify', file, '--json', '--data-dir', dir], io)).toBe(0);
    const result = JSON.parse(out.join('')) as { ok: boolean; signatures: { valid: boolean; hasSigningCertificateV2: boolean }[] };
    expect(result.ok).toBe(true);
    expect(result.signatures).toMatchObject([{ valid: true, hasSigningCertificateV2: true }]);
    out.length = 0;
    expect(await runCli(['report', 'verify', tamperedFile, '--json', '--data-dir', dir], io)).toBe(1);
    expect(JSON.parse(out.join(''))).toMatchObject({ ok: false, modifiedAfterLastSignature: true });
  });
});

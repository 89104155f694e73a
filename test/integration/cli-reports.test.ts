import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/io';
import { runCli } from '../../main/cli/program';
import { createServices } from '../../main/core/services';
import { expectOk } from '../db/unit-fixture';
import { fastKdf } from '../harness/fast-kdf';
import { makeTestPdf } from '../fixtures/signing/make-pdf';
import { pdfsig } from '../unit/signing/tools';

/**
 * `pcu report examination|case|stats|countersign|verify`, in-process, on the demo unit;
 * signing with a PKCS#12 file made by `openssl pkcs12 -export` (a national-PKI
 * style chain: a CA and an officer certificate), checked by poppler's pdfsig.
 */

const haveOpenssl = spawnSync('openssl', ['version']).status === 0;
const havePdfsig = spawnSync('sh', ['-c', 'command -v pdfsig']).status === 0;
if (!haveOpenssl) console.log('cli-reports.test: openssl not installed: signing with an openssl-made PKCS#12 is skipped');
if (!havePdfsig) console.log('cli-reports.test: pdfsig (poppler-utils) not installed: its check of the CLI-signed report is skipped');

let dataDir: string;
const passwords = new Map<string, string>();
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pcu-cli-reports-'));
  // The same demo unit as the app's first-run choice (the case to report on included).
  const services = createServices({ dataDir, appVersion: 'test', kdf: fastKdf, demo: true });
  const demo = await expectOk<{ accounts: { username: string; password: string }[] }>(services.invoke('setup.demo', undefined));
  for (const account of demo.accounts) passwords.set(account.username, account.password);
  await services.close();
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function pcu(args: string[], extra: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const user = args[args.indexOf('--user') + 1] ?? '';
  const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), env: { PCU_PASSWORD: passwords.get(user) ?? '', ...extra }, platform: 'linux', home: '/tmp', language: 'en', kdf: fastKdf };
  const code = await runCli([...args, '--data-dir', dataDir], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('pcu report', () => {
  it('writes the examination report and the case file as PDF, in Russian on request', async () => {
    const exam = path.join(dataDir, 'exam.pdf');
    const result = await pcu(['report', 'examination', '--user', 'officer', '--case', '1', '--lang', 'ru', '--out', exam, '--json']);
    expect(result.code, result.stderr + JSON.stringify(result)).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ reportUid: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), signed: false });
    expect(readFileSync(exam).subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(dataDir, 'case.pdf');
    expect((await pcu(['report', 'case', '--user', 'officer', '--case', '1', '--out', file])).code).toBe(0);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('writes statistics as PDF or xlsx for supervisors and refuses officers', async () => {
    const xlsx = path.join(dataDir, 'stats.xlsx');
    expect((await pcu(['report', 'stats', '--user', 'supervisor', '--from', '2000-01-01', '--to', '2100-01-01', '--out', xlsx])).code).toBe(0);
    expect(XLSX.read(readFileSync(xlsx), { type: 'buffer' }).SheetNames[0]).toBe('Summary');
    const pdf = path.join(dataDir, 'stats.pdf');
    expect((await pcu(['report', 'stats', '--user', 'supervisor', '--from', '2000-01-01', '--to', '2100-01-01', '--out', pdf])).code).toBe(0);
    const refused = await pcu(['report', 'stats', '--user', 'officer', '--from', '2000-01-01', '--to', '2100-01-01', '--out', pdf, '--json']);
    expect(refused.code).not.toBe(0);
    expect(JSON.parse(refused.stderr)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const wrong = await pcu(['report', 'stats', '--user', 'supervisor', '--from', '2000-01-01', '--to', '2100-01-01', '--out', path.join(dataDir, 'x.txt')]);
    expect(wrong.code).not.toBe(0);
  }, 60_000);

  it('asks for PCU_P12_PASSWORD before signing', async () => {
    const result = await pcu(['report', 'examination', '--user', 'officer', '--case', '1', '--sign', '--out', path.join(dataDir, 's.pdf'), '--json']);
    expect(result.code).not.toBe(0);
    expect(JSON.parse(result.stderr)).toMatchObject({ error: { code: 'PASSWORD_REQUIRED' } });
  });
});

/** A CA and an officer certificate (digitalSignature, nonRepudiation) exported by `openssl pkcs12 -export` with OpenSSL's defaults. */
function opensslP12(dir: string, password: string): string {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=Test National PKI CA/O=Test', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  run(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'officer.key', '-out', 'officer.csr', '-subj', '/CN=Aziz Karimov/O=PCU Dushanbe']);
  writeFileSync(path.join(dir, 'officer.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n');
  run(['x509', '-req', '-in', 'officer.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'officer.pem', '-days', '30', '-extfile', 'officer.ext']);
  run(['pkcs12', '-export', '-inkey', 'officer.key', '-in', 'officer.pem', '-certfile', 'ca.pem', '-name', 'Aziz Karimov', '-out', 'officer.p12', '-passout', `pass:${password}`]);
  return path.join(dir, 'officer.p12');
}

type Verdict = { ok: boolean; pdfSha256: string; signatures: { valid: boolean }[]; modifiedAfterLastSignature: boolean; reportRecord?: { reportUid: string | null; pdfSha256: string | null; matches: boolean } };

describe.skipIf(!haveOpenssl)('pcu report examination --sign --p12 FILE, then pcu report verify FILE --json --user USER', () => {
  const P12_PASSWORD = 'P12-Secret-2026';
  let p12 = '';
  let signedFile = '';
  let reportUid = '';

  beforeAll(async () => {
    p12 = opensslP12(mkdtempSync(path.join(dataDir, 'p12-')), P12_PASSWORD);
    signedFile = path.join(dataDir, 'signed-exam.pdf');
    const result = await pcu(['report', 'examination', '--user', 'officer', '--case', '1', '--sign', '--p12', p12, '--out', signedFile, '--json'], { PCU_P12_PASSWORD: P12_PASSWORD });
    expect(result.code, result.stderr).toBe(0);
    const issued = JSON.parse(result.stdout) as { reportUid: string; sha256: string; signed: boolean };
    expect(issued).toMatchObject({ signed: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    reportUid = issued.reportUid;
  }, 120_000);

  it('a wrong P12 password signs nothing', async () => {
    const result = await pcu(['report', 'examination', '--user', 'officer', '--case', '1', '--sign', '--p12', p12, '--out', path.join(dataDir, 'wrong.pdf'), '--json'], { PCU_P12_PASSWORD: 'not-it' });
    expect(result.code).not.toBe(0);
    expect(JSON.parse(result.stderr)).toMatchObject({ error: { code: 'SIGNING_P12_PASSWORD_WRONG' } });
  });

  it.skipIf(!havePdfsig)('pdfsig: the signature is valid and covers the whole document', () => {
    const [signature, ...others] = pdfsig(readFileSync(signedFile));
    expect(others).toHaveLength(0);
    expect(signature?.valid, signature?.text).toBe(true);
    expect(signature?.totalDocumentSigned, signature?.text).toBe(true);
    expect(signature?.text).toContain('Signer Certificate Common Name: Aziz Karimov');
    expect(signature?.text).toContain('ETSI.CAdES.detached');
  });

  it('verify --user: the signatures hold and the PDF is the one the unit recorded', async () => {
    const result = await pcu(['report', 'verify', signedFile, '--json', '--user', 'officer']);
    expect(result.code, result.stderr).toBe(0);
    const verdict = JSON.parse(result.stdout) as Verdict;
    expect(verdict).toMatchObject({ ok: true, modifiedAfterLastSignature: false, reportRecord: { reportUid, matches: true } });
    expect(verdict.signatures).toMatchObject([{ valid: true }]);
    expect(verdict.reportRecord?.pdfSha256).toBe(verdict.pdfSha256);
  });

  it('verify --user: a tampered copy fails both its signature and the record', async () => {
    const tampered = Buffer.from(readFileSync(signedFile));
    const at = tampered.indexOf('/Producer');
    expect(at).toBeGreaterThan(0);
    tampered.writeUInt8(tampered.readUInt8(at + 2) ^ 0x20, at + 2); // /Producer → /PRoducer: still parses, no longer the signed bytes
    const file = path.join(dataDir, 'tampered-exam.pdf');
    writeFileSync(file, tampered);
    const result = await pcu(['report', 'verify', file, '--json', '--user', 'officer']);
    expect(result.code).toBe(1);
    const verdict = JSON.parse(result.stdout) as Verdict;
    expect(verdict.ok).toBe(false);
    expect(verdict.signatures.some((signature) => !signature.valid)).toBe(true);
    expect(verdict.reportRecord).toEqual({ reportUid: null, pdfSha256: null, matches: false });

    const appended = path.join(dataDir, 'appended-exam.pdf');
    writeFileSync(appended, Buffer.concat([readFileSync(signedFile), Buffer.from('\n% appended\n')]));
    const after = JSON.parse((await pcu(['report', 'verify', appended, '--json', '--user', 'officer'])).stdout) as Verdict;
    expect(after).toMatchObject({ ok: false, modifiedAfterLastSignature: true, reportRecord: { reportUid: null, matches: false } });
  });

  it('verify --user: a validly signed PDF the unit never issued is not in the record; --report UID names the mismatch', async () => {
    const { signPdfWithP12 } = await import('../../main/core/signing/sign-report');
    const foreign = await signPdfWithP12(await makeTestPdf({ pages: 1 }), readFileSync(p12), P12_PASSWORD, { name: 'Aziz Karimov', role: 'Inspector', unit: 'PCU Dushanbe', signedAt: new Date() });
    const file = path.join(dataDir, 'foreign.pdf');
    writeFileSync(file, foreign.pdf);
    const result = await pcu(['report', 'verify', file, '--json', '--user', 'officer']);
    expect(result.code).toBe(1);
    const verdict = JSON.parse(result.stdout) as Verdict;
    // The signature itself is fine: only the unit record refuses it.
    expect(verdict.signatures).toMatchObject([{ valid: true }]);
    expect(verdict).toMatchObject({ ok: false, reportRecord: { reportUid: null, pdfSha256: null, matches: false } });

    const named = JSON.parse((await pcu(['report', 'verify', file, '--json', '--user', 'officer', '--report', reportUid])).stdout) as Verdict;
    expect(named.reportRecord).toMatchObject({ reportUid, matches: false });
    expect(named.reportRecord?.pdfSha256).not.toBe(named.pdfSha256);

    // Without --user only the signatures are judged, and no record is consulted.
    const bare = await pcu(['report', 'verify', file, '--json']);
    expect(bare.code).toBe(0);
    expect(JSON.parse(bare.stdout)).not.toHaveProperty('reportRecord');
  });

  it('pcu report countersign: a supervisor signs beside the officer, both signatures hold, and verify finds the new record', async () => {
    const supervisorP12 = opensslP12(mkdtempSync(path.join(dataDir, 'p12-supervisor-')), 'Supervisor-P12-2026');
    const out = path.join(dataDir, 'countersigned-exam.pdf');
    const args = ['report', 'countersign', '--user', 'supervisor', '--report', reportUid, '--p12', supervisorP12, '--out', out, '--json'];

    const officer = await pcu(['report', 'countersign', '--user', 'officer', '--report', reportUid, '--p12', supervisorP12, '--out', out, '--json'], { PCU_P12_PASSWORD: 'Supervisor-P12-2026' });
    expect(JSON.parse(officer.stderr)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(JSON.parse((await pcu(args)).stderr)).toMatchObject({ error: { code: 'PASSWORD_REQUIRED' } });
    const unknown = await pcu(['report', 'countersign', '--user', 'supervisor', '--report', 'no-such-report', '--out', out, '--json'], { PCU_P12_PASSWORD: 'x' });
    expect(JSON.parse(unknown.stderr)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    // The officer's own certificate, given by the supervisor: the same signer twice, refused.
    const same = await pcu(['report', 'countersign', '--user', 'supervisor', '--report', reportUid, '--p12', p12, '--out', out, '--json'], { PCU_P12_PASSWORD: P12_PASSWORD });
    expect(JSON.parse(same.stderr)).toMatchObject({ error: { code: 'REPORT_OWN_COUNTERSIGNATURE' } });

    const result = await pcu(args, { PCU_P12_PASSWORD: 'Supervisor-P12-2026' });
    expect(result.code, result.stderr).toBe(0);
    const countersigned = JSON.parse(result.stdout) as { file: string; reportUid: string; sha256: string; signed: boolean; countersigns: string };
    expect(countersigned).toMatchObject({ file: out, signed: true, countersigns: reportUid, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(countersigned.reportUid).not.toBe(reportUid);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, readFileSync(signedFile).length).equals(readFileSync(signedFile))).toBe(true);
    if (havePdfsig) expect(pdfsig(pdf).map((signature) => [signature.valid, signature.totalDocumentSigned])).toEqual([[true, false], [true, true]]);

    const verdict = JSON.parse((await pcu(['report', 'verify', out, '--json', '--user', 'supervisor'])).stdout) as Verdict;
    expect(verdict).toMatchObject({ ok: true, signatures: [{ valid: true }, { valid: true }], reportRecord: { reportUid: countersigned.reportUid, matches: true, countersigns: reportUid } });
    // The officer's signed PDF is still the one recorded under its own id.
    expect(JSON.parse((await pcu(['report', 'verify', signedFile, '--json', '--user', 'officer'])).stdout)).toMatchObject({ ok: true, reportRecord: { reportUid, matches: true } });

    const again = await pcu(args, { PCU_P12_PASSWORD: 'Supervisor-P12-2026' });
    expect(again.code).not.toBe(0);
    expect(JSON.parse(again.stderr)).toMatchObject({ error: { code: 'REPORT_ALREADY_COUNTERSIGNED' } });
  }, 120_000);
});

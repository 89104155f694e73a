import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/io';
import { runCli } from '../../main/cli/program';
import { SIGNATURE_SLOTS } from '../../main/core/reports/signature-box';
import { verifyPdfSignatures } from '../../main/core/signing/verify-pdf';
import { expectOk } from '../db/unit-fixture';
import { createBackend, type Backend } from '../harness/backend';
import { fastKdf } from '../harness/fast-kdf';
import { hasTool, pdfsig } from '../unit/signing/tools';

/**
 * `reports.countersign` over the real services of the demo unit: an officer
 * issues a signed Russian examination report, a supervisor countersigns it.
 * The countersigned PDF carries both signatures, each valid (pdfsig and our
 * verifier), the first covering its revision and the second the whole file;
 * it is a new record naming the first, whose PDF is untouched; `pcu report
 * verify --user` finds it. Each refusal answers with its code and stores
 * nothing. Both blocks speak Russian, with the time in the examination's zone.
 */

const havePoppler = hasTool('pdftotext') && hasTool('pdfsig');
if (!havePoppler) console.log('report-countersign.test: pdftotext/pdfsig (poppler-utils) not installed: the text and pdfsig checks are skipped');

const OFFICER_P12 = 'Officer-Signing-2026!';
const SUPERVISOR_P12 = 'Supervisor-Signing-2026!';

type Failure = { ok: false; error: { code: string; details?: Record<string, unknown> } };
type Issued = { reportId: number; reportUid: string; pdfBase64: string; sha256: string; signed: boolean };
type Countersigned = Issued & { countersigns: { id: number; reportUid: string } };
type Item = {
  id: number;
  reportUid: string;
  signed: boolean;
  pdfSha256: string;
  issuedBy: string;
  countersigns: { id: number; reportUid: string } | null;
  countersignature: { id: number; reportUid: string } | null;
};

let backend: Backend;
const passwords = new Map<string, string>();
const users = new Map<string, { id: number; displayName: string }>();
let caseId = 0;
let signedReport: Issued;
let unsignedReport: Issued;
let statistics: Issued;
let ownReport: Issued;

async function loginAs(username: string) {
  await backend.services.invoke('session.logout', undefined);
  await expectOk(backend.services.invoke('session.login', { username, password: passwords.get(username) }));
}

const invoke = (channel: string, input: unknown) => backend.services.invoke(channel as never, input as never);
const refusal = async (input: unknown) => ((await invoke('reports.countersign', input)) as Failure).error;
const reportCount = () => (backend.services.sessions.store().db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
const countersignAudits = async () =>
  (await expectOk<{ action: string; details: Record<string, unknown> }[]>(invoke('audit.list', { action: 'report.countersigned', limit: 100 }))).filter(
    (entry) => entry.action === 'report.countersigned',
  );
const pdfOf = (issued: { pdfBase64: string }) => Buffer.from(issued.pdfBase64, 'base64');

function writePdf(pdf: Buffer, name: string): string {
  const file = path.join(backend.dataDir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

beforeAll(async () => {
  backend = createBackend({ kdf: fastKdf, demo: true });
  const demo = await expectOk<{ accounts: { username: string; password: string }[] }>(invoke('setup.demo', undefined));
  for (const account of demo.accounts) passwords.set(account.username, account.password);
  await loginAs('admin');
  for (const user of await expectOk<{ id: number; username: string; displayName: string }[]>(invoke('users.list', undefined))) users.set(user.username, user);
  await expectOk(invoke('signing.unitCa.create', undefined));
  await expectOk(invoke('signing.unitCa.issue', { userId: users.get('officer')?.id, password: OFFICER_P12 }));
  await expectOk(invoke('signing.unitCa.issue', { userId: users.get('supervisor')?.id, password: SUPERVISOR_P12 }));

  await loginAs('officer');
  const [demoCase] = await expectOk<{ id: number }[]>(invoke('cases.list', {}));
  caseId = demoCase?.id ?? 0;
  // The demo's examination (no. 1) was made in Asia/Dushanbe: the report prints its times there, UTC+05:00.
  signedReport = await expectOk<Issued>(invoke('reports.issue', { kind: 'examination', caseId, examinationId: 1, language: 'ru', sign: { password: OFFICER_P12 } }));
  unsignedReport = await expectOk<Issued>(invoke('reports.issue', { kind: 'case_file', caseId, language: 'en' }));
  await loginAs('supervisor');
  statistics = await expectOk<Issued>(invoke('reports.issue', { kind: 'statistics', from: '2020-01-01', to: '2030-12-31', language: 'en' }));
  ownReport = await expectOk<Issued>(invoke('reports.issue', { kind: 'case_file', caseId, language: 'en', sign: { password: SUPERVISOR_P12 } }));
}, 180_000);

afterAll(async () => {
  await backend?.dispose();
});

describe('countersigning a signed report', () => {
  it('is for supervisors: an officer is refused by the contract', async () => {
    await loginAs('officer');
    expect(await refusal({ reportId: signedReport.reportId, password: OFFICER_P12 })).toMatchObject({ code: 'FORBIDDEN' });
    await loginAs('supervisor');
  });

  it('refuses statistics, an unsigned report, one the supervisor signed, a wrong password and an altered PDF, storing nothing', async () => {
    await loginAs('supervisor');
    const before = reportCount();
    expect(await refusal({ reportId: statistics.reportId, password: SUPERVISOR_P12 })).toMatchObject({ code: 'REPORT_NOT_COUNTERSIGNABLE' });
    expect(await refusal({ reportId: unsignedReport.reportId, password: SUPERVISOR_P12 })).toMatchObject({ code: 'REPORT_NOT_SIGNED', details: { reportUid: unsignedReport.reportUid } });
    expect(await refusal({ reportId: ownReport.reportId, password: SUPERVISOR_P12 })).toMatchObject({ code: 'REPORT_OWN_COUNTERSIGNATURE', details: { reportUid: ownReport.reportUid } });
    expect(await refusal({ reportId: signedReport.reportId, password: 'not-it' })).toMatchObject({ code: 'SIGNING_P12_PASSWORD_WRONG' });
    expect(await refusal({ reportId: 999_999, password: SUPERVISOR_P12 })).toMatchObject({ code: 'NOT_FOUND' });

    const db = backend.services.sessions.store().db;
    const original = pdfOf(signedReport);
    const altered = Buffer.from(original);
    altered.writeUInt8(altered.readUInt8(200) ^ 0x01, 200);
    db.prepare('UPDATE reports SET pdf = ? WHERE id = ?').run(altered, signedReport.reportId);
    try {
      expect(await refusal({ reportId: signedReport.reportId, password: SUPERVISOR_P12 })).toMatchObject({ code: 'REPORT_ALTERED', details: { reportUid: signedReport.reportUid } });
    } finally {
      db.prepare('UPDATE reports SET pdf = ? WHERE id = ?').run(original, signedReport.reportId);
    }
    expect(reportCount()).toBe(before);
    expect(await countersignAudits()).toEqual([]);
  }, 60_000);

  it('adds the supervisor’s signature beside the officer’s: both valid, a new record linked to the first, audited', async () => {
    await loginAs('supervisor');
    const countersigned = await expectOk<Countersigned>(invoke('reports.countersign', { reportId: signedReport.reportId, password: SUPERVISOR_P12 }));
    const pdf = pdfOf(countersigned);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(countersigned.sha256);
    expect(countersigned).toMatchObject({ signed: true, countersigns: { id: signedReport.reportId, reportUid: signedReport.reportUid } });
    expect(countersigned.reportUid).not.toBe(signedReport.reportUid);
    // An incremental update: the officer's signed file is the start of the countersigned one.
    const first = pdfOf(signedReport);
    expect(pdf.subarray(0, first.length).equals(first)).toBe(true);
    const text = pdf.toString('latin1');
    expect(text).toContain(`/Rect [${SIGNATURE_SLOTS.officer.join(' ')}]`);
    expect(text).toContain(`/Rect [${SIGNATURE_SLOTS.countersign.join(' ')}]`);

    const ours = verifyPdfSignatures(pdf);
    expect(ours.ok).toBe(true);
    expect(ours.signatures.map((signature) => [signature.valid, signature.coversWholeDocument, signature.coversRevision])).toEqual([
      [true, false, true],
      [true, true, true],
    ]);

    // The first record still holds the officer's PDF exactly; the new one names it, and it names the new one.
    const list = await expectOk<Item[]>(invoke('reports.list', { caseId }));
    const firstItem = list.find((item) => item.id === signedReport.reportId);
    const newItem = list.find((item) => item.id === countersigned.reportId);
    expect(firstItem).toMatchObject({ pdfSha256: signedReport.sha256, countersigns: null, countersignature: { id: countersigned.reportId, reportUid: countersigned.reportUid } });
    expect(newItem).toMatchObject({ pdfSha256: countersigned.sha256, signed: true, issuedBy: users.get('supervisor')?.displayName, countersigns: { id: signedReport.reportId }, countersignature: null });
    const stored = await expectOk<{ pdfBase64: string }>(invoke('reports.get', { id: signedReport.reportId }));
    expect(stored.pdfBase64).toBe(signedReport.pdfBase64);

    const [audit, ...more] = await countersignAudits();
    expect(more).toEqual([]);
    expect(audit?.details).toMatchObject({
      reportId: countersigned.reportId,
      reportUid: countersigned.reportUid,
      countersignsReportId: signedReport.reportId,
      countersignsReportUid: signedReport.reportUid,
      countersignedPdfSha256: signedReport.sha256,
      pdfSha256: countersigned.sha256,
    });

    if (havePoppler) {
      const file = writePdf(pdf, 'countersigned');
      const signatures = pdfsig(pdf);
      expect(signatures.map((signature) => [signature.valid, signature.totalDocumentSigned])).toEqual([
        [true, false],
        [true, true],
      ]);
      // Both blocks in the report's language, the time in the examination's zone (Dushanbe, UTC+05:00).
      const blocks = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      const officer = users.get('officer')?.displayName ?? '';
      const supervisor = users.get('supervisor')?.displayName ?? '';
      expect(blocks).toContain(`Подписано электронной подписью: ${officer}`);
      expect(blocks).toContain(`Подписано электронной подписью: ${supervisor}`);
      expect(blocks).toContain('Инспектор, ');
      expect(blocks).toContain('Руководитель, ');
      expect(blocks.match(/Дата: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+05:00/g)).toHaveLength(2);
      expect(blocks.match(/Сертификат SHA-256:/g)).toHaveLength(2);
      expect(blocks).not.toContain('Digitally signed by');
    }
  }, 120_000);

  it('refuses a second countersignature, of the report or of its countersigned copy', async () => {
    await loginAs('supervisor');
    const [copy] = (await expectOk<Item[]>(invoke('reports.list', { caseId }))).filter((item) => item.countersigns !== null);
    const before = reportCount();
    expect(await refusal({ reportId: signedReport.reportId, password: SUPERVISOR_P12 })).toMatchObject({
      code: 'REPORT_ALREADY_COUNTERSIGNED',
      details: { reportUid: signedReport.reportUid, countersignedAs: copy?.reportUid },
    });
    expect(await refusal({ reportId: copy?.id, password: SUPERVISOR_P12 })).toMatchObject({ code: 'REPORT_ALREADY_COUNTERSIGNED', details: { reportUid: signedReport.reportUid } });
    expect(reportCount()).toBe(before);
    expect(await countersignAudits()).toHaveLength(1);
  });

  it('pcu report verify --user recognises the countersigned PDF as recorded, also by the id printed on it', async () => {
    const [copy] = (await expectOk<Item[]>(invoke('reports.list', { caseId }))).filter((item) => item.countersigns !== null);
    if (!copy) throw new Error('no countersigned copy');
    const file = writePdf(pdfOf(await expectOk<{ pdfBase64: string }>(invoke('reports.get', { id: copy.id }))), 'countersigned-verify');
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: { PCU_PASSWORD: passwords.get('officer') ?? '' }, platform: 'linux', home: '/tmp', language: 'en', kdf: fastKdf };
    const verify = async (...extra: string[]) => {
      out.length = 0;
      const code = await runCli(['report', 'verify', file, '--json', '--user', 'officer', ...extra, '--data-dir', backend.dataDir], io);
      return { code, verdict: JSON.parse(out.join('')) as Record<string, unknown> };
    };
    const bySha = await verify();
    expect(bySha.code, err.join('')).toBe(0);
    expect(bySha.verdict).toMatchObject({
      ok: true,
      modifiedAfterLastSignature: false,
      signatures: [{ valid: true }, { valid: true }],
      reportRecord: { reportUid: copy.reportUid, pdfSha256: copy.pdfSha256, matches: true, countersigns: signedReport.reportUid },
    });
    const byPrintedId = await verify('--report', signedReport.reportUid);
    expect(byPrintedId.verdict).toMatchObject({ ok: true, reportRecord: { reportUid: copy.reportUid, matches: true, countersigns: signedReport.reportUid } });
  }, 60_000);
});

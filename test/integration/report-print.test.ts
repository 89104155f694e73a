import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintOutcome, ReportPrinter } from '../../main/core/reports/report-printer';
import { expectOk } from '../db/unit-fixture';
import { createBackend, type Backend } from '../harness/backend';
import { fastKdf } from '../harness/fast-kdf';

/**
 * `reports.print` over the real services with a fake printer port (the
 * Electron adapter itself is tested in test/shell/report-printer.test.ts):
 * what reaches the printer is the stored PDF byte for byte; a stored PDF
 * that no longer matches its recorded SHA-256 is refused before the printer
 * sees it; statistics stay with supervisors; without a printer (CLI,
 * harness) the answer is PRINT_UNAVAILABLE.
 */

/** Records every job; answers with `next` (or throws when it is an Error). */
function fakePrinter() {
  const jobs: { pdf: Buffer; jobName: string }[] = [];
  let next: PrintOutcome | Error = 'printed';
  const printer: ReportPrinter = {
    print(pdf, jobName) {
      jobs.push({ pdf: Buffer.from(pdf), jobName });
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
  };
  return { printer, jobs, answer: (outcome: PrintOutcome | Error) => (next = outcome) };
}

type Failure = { ok: false; error: { code: string } };
const failure = async (promise: Promise<unknown>) => ((await promise) as Failure).error.code;

const printer = fakePrinter();
let backend: Backend;
const passwords = new Map<string, string>();
let caseId = 0;
let reportId = 0;
let statisticsId = 0;

async function loginAs(app: Backend, username: string) {
  await app.services.invoke('session.logout', undefined);
  await expectOk(app.services.invoke('session.login', { username, password: passwords.get(username) }));
}

const storedPdf = async (id: number) => Buffer.from((await expectOk<{ pdfBase64: string }>(backend.services.invoke('reports.get', { id }))).pdfBase64, 'base64');
const printedAudit = async () =>
  (await expectOk<{ action: string; details: Record<string, unknown> }[]>(backend.services.invoke('audit.list', { action: 'report.printed', limit: 100 }))).filter(
    (entry) => entry.action === 'report.printed',
  );

beforeAll(async () => {
  backend = createBackend({ kdf: fastKdf, demo: true, printer: printer.printer });
  const demo = await expectOk<{ accounts: { username: string; password: string }[] }>(backend.services.invoke('setup.demo', undefined));
  for (const account of demo.accounts) passwords.set(account.username, account.password);
  await loginAs(backend, 'supervisor');
  const [demoCase] = await expectOk<{ id: number }[]>(backend.services.invoke('cases.list', {}));
  caseId = demoCase?.id ?? 0;
  reportId = (await expectOk<{ reportId: number }>(backend.services.invoke('reports.issue', { kind: 'examination', caseId, language: 'en' }))).reportId;
  statisticsId = (await expectOk<{ reportId: number }>(backend.services.invoke('reports.issue', { kind: 'statistics', from: '2020-01-01', to: '2030-12-31', language: 'ru' }))).reportId;
}, 120_000);

afterAll(async () => {
  await backend?.dispose();
});

describe('printing an issued report', () => {
  it('hands the printer the stored PDF byte for byte, and audits the print', async () => {
    expect(await expectOk(backend.services.invoke('reports.print', { id: reportId }))).toEqual({ outcome: 'printed' });
    expect(printer.jobs).toHaveLength(1);
    const [job] = printer.jobs;
    expect(job?.pdf.equals(await storedPdf(reportId))).toBe(true);
    const list = await expectOk<{ id: number; reportUid: string }[]>(backend.services.invoke('reports.list', { limit: 10 }));
    const uid = list.find((item) => item.id === reportId)?.reportUid ?? '';
    expect(job?.jobName).toBe(`PCU report ${uid}`);
    const audit = await printedAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ reportId, reportUid: uid });
  });

  it('a cancelled dialog is reported as such and not audited as printed', async () => {
    printer.answer('cancelled');
    expect(await expectOk(backend.services.invoke('reports.print', { id: reportId }))).toEqual({ outcome: 'cancelled' });
    expect(await printedAudit()).toHaveLength(1);
    printer.answer('printed');
  });

  it('a failing printer gives PRINT_FAILED', async () => {
    printer.answer(new Error('printing failed: Print job failed'));
    expect(await failure(backend.services.invoke('reports.print', { id: reportId }))).toBe('PRINT_FAILED');
    printer.answer('printed');
  });

  it('statistics are printed for supervisors only; an unknown report is NOT_FOUND', async () => {
    const before = printer.jobs.length;
    expect(await expectOk(backend.services.invoke('reports.print', { id: statisticsId }))).toEqual({ outcome: 'printed' });
    await loginAs(backend, 'officer');
    expect(await failure(backend.services.invoke('reports.print', { id: statisticsId }))).toBe('FORBIDDEN');
    expect(await failure(backend.services.invoke('reports.print', { id: 999_999 }))).toBe('NOT_FOUND');
    // Officers print the case reports they may open.
    expect(await expectOk(backend.services.invoke('reports.print', { id: reportId }))).toEqual({ outcome: 'printed' });
    expect(printer.jobs.length).toBe(before + 2);
  });

  it('a stored PDF altered after issue is refused before the printer sees it', async () => {
    const before = printer.jobs.length;
    const db = backend.services.sessions.store().db;
    const original = await storedPdf(reportId);
    const altered = Buffer.from(original);
    const middle = Math.floor(altered.length / 2);
    altered.writeUInt8((altered.readUInt8(middle) ^ 0x01), middle);
    db.prepare('UPDATE reports SET pdf = ? WHERE id = ?').run(altered, reportId);
    const result = (await backend.services.invoke('reports.print', { id: reportId })) as Failure & { error: { details: { reportUid: string } } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('REPORT_ALTERED');
    expect(printer.jobs.length).toBe(before);
    db.prepare('UPDATE reports SET pdf = ? WHERE id = ?').run(original, reportId);
    expect(await expectOk(backend.services.invoke('reports.print', { id: reportId }))).toEqual({ outcome: 'printed' });
  });
});

describe('printing where there is no printer (CLI, test harness)', () => {
  it('answers PRINT_UNAVAILABLE', async () => {
    const dataDir = backend.dataDir;
    await backend.services.close();
    const bare = createBackend({ kdf: fastKdf, dataDir });
    try {
      await loginAs(bare, 'supervisor');
      expect(await failure(bare.services.invoke('reports.print', { id: reportId }))).toBe('PRINT_UNAVAILABLE');
    } finally {
      await bare.services.close();
    }
  });
});

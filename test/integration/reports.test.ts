import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from '../db/unit-fixture';
import { createBackend, type Backend } from '../harness/backend';
import { fastKdf } from '../harness/fast-kdf';

/**
 * Every report type rendered from the demo unit in English and Russian, read
 * back by poppler's pdftotext (names must come back exactly, Tajik letters
 * included), page 1 rendered by pdftoppm, the xlsx read back by SheetJS, and
 * the issued record checked against the PDF.
 */

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
if (!hasPoppler) console.log('reports.test: pdftotext/pdftoppm (poppler-utils) not installed: the text and page checks are skipped');

const TAJIK_WITNESS = 'Ҷамшед Қодирӣ';
const TAJIK_FIRM = 'ҶДММ «Қӯҳистон-Ҳамл»';
const RUSSIAN_OFFICER = 'Мавлуда Ғаффорова';
const OTHER_LETTERS = 'ұ ү ө ә ң ғ ʻ';

let backend: Backend;
let work: string;
let caseId = 0;
let tajikExaminationId = 0;
const passwords = new Map<string, string>();

async function loginAs(username: string) {
  const app = backend.services;
  await app.invoke('session.logout', undefined);
  await expectOk(app.invoke('session.login', { username, password: passwords.get(username) }));
}

function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });
}

/** Page 1 at 60 dpi, kept under test-results/reports for a look (and for docs/reports/). */
function pagePng(pdf: Buffer, name: string, page = 1): Buffer {
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  const prefix = path.join(work, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const png = readFileSync(`${prefix}.png`);
  const keep = path.resolve('test-results', 'reports');
  mkdirSync(keep, { recursive: true });
  writeFileSync(path.join(keep, `${name}.png`), png);
  return png;
}

const pages = (text: string) => text.split('\f').filter((page) => page.trim()).length;
const flat = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'pcu-reports-'));
  backend = createBackend({ kdf: fastKdf, demo: true });
  const demo = await expectOk<{ accounts: { username: string; password: string }[] }>(backend.services.invoke('setup.demo', undefined));
  for (const account of demo.accounts) passwords.set(account.username, account.password);
  await loginAs('officer');
  const [demoCase] = await expectOk<{ id: number }[]>(backend.services.invoke('cases.list', {}));
  caseId = demoCase!.id;
  const detail = await expectOk<{ consignments: { id: number; seals: string[] }[] }>(backend.services.invoke('cases.get', { id: caseId }));
  await expectOk(backend.services.invoke('cases.addNote', { caseId, text: `Witness ${TAJIK_WITNESS} of ${TAJIK_FIRM}; ${OTHER_LETTERS}` }));
  const exam = await expectOk<{ id: number }>(
    backend.services.invoke('examinations.record', {
      caseId,
      consignmentId: detail.consignments[0]!.id,
      method: 'documentary',
      location: 'Душанбе, таможенный терминал',
      startedAt: '2026-03-05T04:00:00.000Z',
      endedAt: '2026-03-05T05:30:00.000Z',
      timeZone: 'Asia/Dushanbe',
      participants: [
        { name: RUSSIAN_OFFICER, agency: 'Таможенная служба', role: 'Инспектор' },
        { name: TAJIK_WITNESS, agency: TAJIK_FIRM, role: 'Witness' },
      ],
      sealsFound: [],
      condition: { doors: 'ok', floor: 'ok', roof: 'ok', walls: 'ok', frontWall: 'ok', undercarriage: 'not_checked', refrigerationUnit: 'not_checked' },
      samples: [],
      result: 'nothing_found',
      notes: 'Documents checked against the manifest.',
    }),
  );
  tajikExaminationId = exam.id;
}, 120_000);

afterAll(async () => {
  await backend?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Issued {
  reportId: number;
  reportUid: string;
  pdfBase64: string;
  sha256: string;
  signed: boolean;
}

describe('report documents from the demo unit', () => {
  it.each(['en', 'ru'] as const)('issues the examination report (%s) with the consignment, selection, photos, custody and page footer', async (language) => {
    await loginAs('officer');
    const issued = await expectOk<Issued>(backend.services.invoke('reports.issue', { kind: 'examination', caseId, language }));
    const pdf = Buffer.from(issued.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(issued.sha256);
    expect(issued.signed).toBe(false);
    // The record keeps the PDF exactly.
    const stored = await expectOk<{ report: { reportUid: string; kind: string; signed: boolean }; pdfBase64: string }>(backend.services.invoke('reports.get', { id: issued.reportId }));
    expect(stored.pdfBase64).toBe(issued.pdfBase64);
    expect(stored.report).toMatchObject({ reportUid: issued.reportUid, kind: 'examination', signed: false });
    if (!hasPoppler) return;
    // The demo's own examination (the one with the seizure), by its id.
    const demoExam = await expectOk<Issued>(backend.services.invoke('reports.issue', { kind: 'examination', caseId, examinationId: 1, language }));
    const text = flat(pdfText(Buffer.from(demoExam.pdfBase64, 'base64'), `examination-${language}`));
    expect(text).toContain(language === 'en' ? 'Examination report' : 'Акт таможенного досмотра');
    expect(text).toContain('CAIU5531207');
    expect(text).toContain('Sherzod Aliev');
    expect(text).toContain('TJ-CUS 0004711');
    expect(text).toContain(language === 'en' ? 'Chain of custody' : 'Цепочка хранения');
    expect(text).toContain('Malika Yusupova');
    // Officers of the unit by name, as a prosecutor reads them, never by account name.
    expect(text).toContain(language === 'en' ? 'Approved by Farrukh Nazarov' : 'Утверждено: Farrukh Nazarov');
    expect(text).toMatch(/Aziz Karimov, \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).not.toMatch(/\b(officer|supervisor), \d{4}-/);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Asia\/Dushanbe\)/);
    expect(text).toMatch(language === 'en' ? /Page 1 of \d/ : /Страница 1 из \d/);
    expect(text).toContain(demoExam.reportUid);
    // The photo's SHA-256 as recorded at capture.
    const detail = await expectOk<{ attachments: { sha256: string }[] }>(backend.services.invoke('cases.get', { id: caseId }));
    expect(text).toContain(detail.attachments[0]!.sha256);
    pagePng(Buffer.from(demoExam.pdfBase64, 'base64'), `examination-${language}`);
    // The signature area sits at the foot of the last page, below everything else.
    const raw = pdfText(Buffer.from(demoExam.pdfBase64, 'base64'), `examination-${language}`);
    const last = raw.split('\f').filter((page) => page.trim());
    expect(last[last.length - 1]).toContain(language === 'en' ? 'Signatures' : 'Подписи');
    pagePng(Buffer.from(demoExam.pdfBase64, 'base64'), `examination-${language}-last`, last.length);

    const tajik = await expectOk<Issued>(backend.services.invoke('reports.issue', { kind: 'examination', caseId, examinationId: tajikExaminationId, language }));
    const tajikText = flat(pdfText(Buffer.from(tajik.pdfBase64, 'base64'), `examination-tajik-${language}`));
    expect(tajikText).toContain(TAJIK_WITNESS);
    expect(tajikText).toContain(TAJIK_FIRM);
    expect(tajikText).toContain(RUSSIAN_OFFICER);
    expect(tajikText).toContain('Душанбе, таможенный терминал');
  }, 60_000);

  it.each(['en', 'ru'] as const)('issues the case file (%s) with a table of contents and every record', async (language) => {
    await loginAs('officer');
    const issued = await expectOk<Issued>(backend.services.invoke('reports.issue', { kind: 'case_file', caseId, language }));
    const pdf = Buffer.from(issued.pdfBase64, 'base64');
    if (!hasPoppler) return;
    const raw = pdfText(pdf, `case-file-${language}`);
    const text = flat(raw);
    expect(text).toContain(language === 'en' ? 'Contents' : 'Содержание');
    expect(text).toContain(TAJIK_WITNESS);
    expect(text).toContain(TAJIK_FIRM);
    expect(text).toContain(OTHER_LETTERS);
    expect(text).toContain(RUSSIAN_OFFICER);
    expect(text).toContain(language === 'en' ? 'Attachments' : 'Вложения');
    expect(pages(raw)).toBeGreaterThan(1);
    pagePng(pdf, `case-file-${language}`);
  }, 60_000);

  it.each(['en', 'ru'] as const)('issues statistics (%s) for supervisors only, and the same as xlsx', async (language) => {
    await loginAs('officer');
    const refused = await backend.services.invoke('reports.issue', { kind: 'statistics', from: '2000-01-01', to: '2100-12-31', language });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.services.invoke('reports.statsXlsx', { from: '2000-01-01', to: '2100-12-31', language })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await loginAs('supervisor');
    const issued = await expectOk<Issued>(backend.services.invoke('reports.issue', { kind: 'statistics', from: '2000-01-01', to: '2100-12-31', language }));
    const xlsx = await expectOk<{ xlsxBase64: string }>(backend.services.invoke('reports.statsXlsx', { from: '2000-01-01', to: '2100-12-31', language }));
    const book = XLSX.read(Buffer.from(xlsx.xlsxBase64, 'base64'), { type: 'buffer' });
    expect(book.SheetNames).toEqual(
      language === 'en' ? ['Summary', 'Seizures', 'Profiles', 'Indicators', 'Partner seizures'] : ['Сводка', 'Изъятия', 'Профили', 'Индикаторы', 'Изъятия партнёров'],
    );
    const summary = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
    const value = (label: string) => summary.find((row) => row[0] === label)?.[1];
    expect(value(language === 'en' ? 'Manifests' : 'Манифесты')).toBe(4);
    expect(Number(value(language === 'en' ? 'With a seizure' : 'С изъятием'))).toBe(1);
    // Columns as wide as their labels, so the sheet reads without widening them by hand.
    const widths = XLSX.read(Buffer.from(xlsx.xlsxBase64, 'base64'), { type: 'buffer', cellStyles: true }).Sheets[book.SheetNames[0]!]!['!cols'];
    const longestLabel = Math.max(...summary.slice(4).map((row) => String(row[0] ?? '').length));
    expect(widths?.[0]?.wch ?? 0).toBeGreaterThanOrEqual(longestLabel);
    // The demo unit exchanged nothing yet: the exchange rows are there, at zero.
    expect(value(language === 'en' ? 'Alerts received from partners' : 'Ориентировок получено от партнёров')).toBe(0);
    const seizures = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets[book.SheetNames[1]!]!, { header: 1 });
    expect(seizures[1]).toEqual([language === 'en' ? 'Cocaine' : 'Кокаин', language === 'en' ? 'Drugs' : 'Наркотики', 1, language === 'en' ? '24.6 kg' : '24.6 кг']);
    if (!hasPoppler) return;
    const pdf = Buffer.from(issued.pdfBase64, 'base64');
    const text = flat(pdfText(pdf, `statistics-${language}`));
    expect(text).toContain(language === 'en' ? 'Hit rate per indicator' : 'Результативность индикаторов');
    expect(text).toContain(language === 'en' ? 'Cocaine' : 'Кокаин');
    pagePng(pdf, `statistics-${language}`);
  }, 60_000);

  it('an officer with a Tajik name signs a Russian report: the signature block gives the name back as written, in Russian with the report’s time zone, and pdfsig says valid', async () => {
    const officerName = 'Ҷӯраев Ғайрат';
    const password = 'Jurayev-Login-2026!';
    const certificatePassword = 'Jurayev-Signing-2026!';
    await loginAs('admin');
    const user = await expectOk<{ id: number }>(backend.services.invoke('users.add', { username: 'gjurayev', displayName: officerName, role: 'officer', password }));
    passwords.set('gjurayev', password);
    await expectOk(backend.services.invoke('signing.unitCa.create', undefined));
    await expectOk(backend.services.invoke('signing.unitCa.issue', { userId: user.id, password: certificatePassword }));
    await loginAs('gjurayev');
    const issued = await expectOk<Issued>(
      backend.services.invoke('reports.issue', { kind: 'examination', caseId, examinationId: tajikExaminationId, language: 'ru', sign: { password: certificatePassword } }),
    );
    expect(issued.signed).toBe(true);
    const pdf = Buffer.from(issued.pdfBase64, 'base64');
    if (!hasPoppler) return;
    const file = path.join(work, 'signed-tajik.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    // The signature block (an annotation appearance in its own font subset) and the report body both carry the name as written.
    // The block speaks the report's language, and gives the time in the zone the report prints its times in (Dushanbe, UTC+05:00).
    expect(text).toContain(`Подписано электронной подписью: ${officerName}`);
    expect(text).toContain('Инспектор, ');
    expect(text).toMatch(/Дата: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+05:00/);
    expect(text).toContain('Сертификат SHA-256:');
    expect(text).not.toContain('Digitally signed by');
    expect(text).not.toContain('Juraev');
    const verdict = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(verdict).toContain('Signature Validation: Signature is Valid.');
    expect(verdict).toContain('Total document signed');
    expect(verdict).not.toContain('Not total document signed');
  }, 60_000);

  it('lists issued reports, hides statistics from officers, and audits each issue', async () => {
    await loginAs('supervisor');
    const all = await expectOk<{ kind: string; signed: boolean }[]>(backend.services.invoke('reports.list', {}));
    expect(new Set(all.map((item) => item.kind))).toEqual(new Set(['examination', 'case_file', 'statistics']));
    await loginAs('officer');
    const mine = await expectOk<{ kind: string }[]>(backend.services.invoke('reports.list', {}));
    expect(mine.some((item) => item.kind === 'statistics')).toBe(false);
    await loginAs('admin');
    const audit = await expectOk<{ action: string; details: Record<string, unknown> }[]>(backend.services.invoke('audit.list', { action: 'report.issued', limit: 100 }));
    expect(audit.length).toBe(all.length);
    expect(audit[0]!.details).toMatchObject({ pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/), dataSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});

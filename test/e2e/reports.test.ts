import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportPrinter } from '../../main/core/reports/report-printer';
import { launchApp, type HarnessApp } from '../harness/app';
import { createDemoUnit, invokeOk, switchUser, type DemoAccount } from './demo-unit';
import { saveScreen, screenshotDir } from './screens';
import { pdfsig } from '../unit/signing/tools';

/**
 * Reports end to end in Chromium over the real services of a demo unit: an
 * officer issues an examination report for the demo case in English and in
 * Russian, finds both in the list, opens one and saves its PDF; asking to
 * sign without a certificate gives the translated refusal; a supervisor
 * with a unit-CA certificate signs one (a wrong password signs nothing) and
 * issues the statistics of a period as PDF and as xlsx, and countersigns an
 * officer's signed report from the report view. Every screen is photographed
 * in English and in Russian.
 */

type ReportItem = {
  id: number;
  reportUid: string;
  kind: string;
  caseReference: string | null;
  language: string;
  signed: boolean;
  pdfSha256: string;
  issuedBy: string;
  countersigns?: { id: number; reportUid: string } | null;
  countersignature?: { id: number; reportUid: string } | null;
};

const heading = (page: Page) => page.locator('main[data-section] h1');
const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const languageSelect = (page: Page) => page.locator('.language-switch select');
const issueForm = (page: Page) => page.getByTestId('report-issue-form');
const statistics = (page: Page) => page.getByTestId('report-statistics');

const logInAs = switchUser;
const invoke = invokeOk;

/** The bytes of a download the page started (the blob link's "save"). */
async function downloaded(page: Page, start: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download') as Promise<Download>, start()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

/** The supervisor's certificate password: chosen at issue, asked at every signature. */
const CERTIFICATE_PASSWORD = 'Signing-Password-2026';
/** The officer's, issued only for the countersignature test (the officer starts without one). */
const OFFICER_CERTIFICATE_PASSWORD = 'Officer-Signing-2026';
const havePoppler = spawnSync('sh', ['-c', 'command -v pdfsig && command -v pdftoppm']).status === 0;
if (!havePoppler) console.log('e2e reports: pdfsig/pdftoppm (poppler-utils) not installed: the countersigned PDF is not checked or rendered');

const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

/**
 * The harness has no Electron, so no system print dialog: it gets a printer
 * port that records each job as the dialog would receive it (the Electron
 * adapter is tested against the fake electron module in test/shell). This
 * proves the whole path the button takes (renderer → contract → handler →
 * SHA-256 re-check → port) with the report's own bytes.
 */
const printJobs: { pdf: Buffer; jobName: string }[] = [];
const printer: ReportPrinter = {
  print: (pdf, jobName) => {
    printJobs.push({ pdf: Buffer.from(pdf), jobName });
    return Promise.resolve('printed');
  },
};

describe('reports: examination report in EN and RU, list, view, save; statistics PDF and xlsx', () => {
  let app: HarnessApp;
  let page: Page;
  let officer: DemoAccount;
  let supervisor: DemoAccount;
  let administrator: DemoAccount;
  let caseReference: string;

  beforeAll(async () => {
    app = await launchApp({ demo: true, viewport: { width: 1400, height: 900 }, printer });
    page = app.page;
    ({ officer, supervisor, administrator } = await createDemoUnit(app));
    // setup.demo logs the administrator in: let the workstation finish loading before switching.
    await page.locator('.target-viewport [role="row"][aria-rowindex="2"]').waitFor();
    // The unit signs with its own CA: the administrator issues the supervisor (not the officer) a certificate.
    const users = await invoke<{ id: number; username: string }[]>(app, 'users.list', undefined);
    const supervisorId = users.find((user) => user.username === supervisor.username)?.id;
    await invoke(app, 'signing.unitCa.create', undefined);
    await invoke(app, 'signing.unitCa.issue', { userId: supervisorId, password: CERTIFICATE_PASSWORD });
    await logInAs(page, officer);
    const cases = await invoke<{ id: number; reference: string; examinations: number }[]>(app, 'cases.list', { limit: 10, offset: 0 });
    const demoCase = cases.find((summary) => summary.examinations > 0);
    if (!demoCase) throw new Error('the demo unit has no case with an examination');
    caseReference = demoCase.reference;
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('an officer issues an examination report in English and saves the PDF', async () => {
    await page.keyboard.press('Control+4');
    await expect.poll(() => heading(page).textContent()).toBe('Reports');
    // Statistics are for supervisors: an officer is not offered them.
    expect(await tab(page, 'Statistics').count()).toBe(0);
    const form = issueForm(page);
    await expect.poll(() => field(form, 'Case').locator('option').count()).toBeGreaterThan(1);
    await field(form, 'Report').selectOption('examination');
    await field(form, 'Case').selectOption({ label: await optionLabel(form, 'Case', caseReference) });
    // The case's examination is chosen for the officer: the newest that stands.
    await expect.poll(() => field(form, 'Examination').inputValue()).not.toBe('');
    await field(form, 'Language').selectOption('en');
    await saveScreen(page, 'en-reports-issue');
    await button(form, 'Issue PDF').click();
    const notice = page.getByTestId('report-issued');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toMatch(/Report [0-9a-f-]{36} issued\./);
    const saved = await downloaded(page, () => button(notice, 'Save PDF…').click());
    expect(isPdf(saved.bytes)).toBe(true);
    expect(saved.name).toMatch(/^examination-report-.+-[0-9a-f]{8}\.pdf$/);

    const [latest] = await invoke<ReportItem[]>(app, 'reports.list', { limit: 1 });
    expect(latest).toMatchObject({ kind: 'examination', caseReference, language: 'en', signed: false });
    const fetched = await invoke<{ pdfBase64: string }>(app, 'reports.get', { id: latest?.id });
    const bytes = Buffer.from(fetched.pdfBase64, 'base64');
    expect(isPdf(bytes)).toBe(true);
    // What the officer saved is the PDF exactly as recorded.
    expect(saved.bytes.equals(bytes)).toBe(true);
  }, 120_000);

  it('asking to sign without a certificate gives the translated refusal and forgets the password', async () => {
    const form = issueForm(page);
    await field(form, 'Sign with my certificate (PAdES)').check();
    await expect.poll(() => form.locator('.notice-warning').textContent()).toContain('You have no signing certificate yet, so this report cannot be signed. Add yours with “Signing certificate”');
    await button(form, 'Issue PDF').click();
    expect(await form.locator('.field-error').textContent()).toBe('Enter the password of your signing certificate.');
    await field(form, 'Password of my signing certificate').fill('not-a-real-password');
    await button(form, 'Issue PDF').click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/certificate/i);
    expect(await field(form, 'Password of my signing certificate').inputValue()).toBe('');
    await saveScreen(page, 'en-reports-sign-refused');
    await field(form, 'Sign with my certificate (PAdES)').uncheck();
  }, 60_000);

  it('the same report in Russian, both in the list, one opened and saved', async () => {
    await languageSelect(page).selectOption('ru');
    await expect.poll(() => heading(page).textContent()).toBe('Отчёты');
    const form = issueForm(page);
    await field(form, 'Язык').selectOption('ru');
    await button(form, 'Выпустить PDF').click();
    const notice = page.getByTestId('report-issued');
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toMatch(/Отчёт [0-9a-f-]{36} выпущен\./);
    await saveScreen(page, 'ru-reports-issue');

    const reports = await invoke<ReportItem[]>(app, 'reports.list', { limit: 10 });
    const russian = reports.find((report) => report.language === 'ru' && report.kind === 'examination');
    if (!russian) throw new Error('no Russian examination report in the list');
    const pdf = Buffer.from((await invoke<{ pdfBase64: string }>(app, 'reports.get', { id: russian.id })).pdfBase64, 'base64');
    expect(isPdf(pdf)).toBe(true);

    await tab(page, 'Выпущенные отчёты').click();
    const table = page.getByTestId('report-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('Русский');
    expect(rows[1]).toContain('English');
    for (const row of rows) {
      expect(row).toContain(caseReference);
      expect(row).toContain('Акт таможенного досмотра');
    }
    expect(rows[0]).toContain(russian.pdfSha256);
    await saveScreen(page, 'ru-reports-list');

    await button(table, `Открыть ${russian.reportUid}`).click();
    const view = page.getByTestId('report-view');
    await expect.poll(() => page.getByTestId('report-pdf-check').textContent()).toContain('%PDF');
    expect(await view.getByTestId('report-pdf-sha256').textContent()).toBe(russian.pdfSha256);
    const saved = await downloaded(page, () => button(view, 'Сохранить PDF…').click());
    expect(saved.bytes.equals(pdf)).toBe(true);

    // One click prints: the printer gets the report exactly as recorded.
    await button(view, 'Печать…').click();
    await expect.poll(() => view.getByTestId('report-print-outcome').textContent()).toBe(`Отчёт ${russian.reportUid} отправлен на принтер.`);
    expect(printJobs).toHaveLength(1);
    expect(printJobs[0]?.pdf.equals(pdf)).toBe(true);
    expect(printJobs[0]?.jobName).toBe(`PCU report ${russian.reportUid}`);
    await saveScreen(page, 'ru-reports-view');
    // Where main has no printer (the CLI, `npm run start:chromium`), the refusal is translated.
    app.faults.set('reports.print', { code: 'PRINT_UNAVAILABLE', message: 'Printing is not available in this runtime' });
    await button(view, 'Печать…').click();
    await expect.poll(() => view.getByTestId('report-print-outcome').textContent()).toBe('Печать здесь недоступна. Сохраните PDF и напечатайте его из программы просмотра PDF.');
    app.faults.delete('reports.print');
    expect(printJobs).toHaveLength(1);
    await button(view, 'Печать…').click();
    await expect.poll(() => view.getByTestId('report-print-outcome').textContent()).toBe(`Отчёт ${russian.reportUid} отправлен на принтер.`);
    expect(printJobs).toHaveLength(2);

    await languageSelect(page).selectOption('en');
    await expect.poll(() => heading(page).textContent()).toBe('Reports');
    await saveScreen(page, 'en-reports-view');
    await tab(page, 'Issued reports').click();
    await expect.poll(() => page.getByTestId('report-table').locator('tbody tr').count()).toBe(2);
    await saveScreen(page, 'en-reports-list');
    // An officer's screens never ask for what main would refuse them.
    expect(app.calls).not.toContain('reports.statsXlsx');
  }, 120_000);

  it('a supervisor with a certificate signs an examination report; a wrong password signs nothing', async () => {
    await logInAs(page, supervisor);
    await page.keyboard.press('Control+4');
    await expect.poll(() => heading(page).textContent()).toBe('Reports');
    const form = issueForm(page);
    await expect.poll(() => field(form, 'Case').locator('option').count()).toBeGreaterThan(1);
    await field(form, 'Case').selectOption({ label: await optionLabel(form, 'Case', caseReference) });
    await field(form, 'Sign with my certificate (PAdES)').check();
    await field(form, 'Password of my signing certificate').fill('wrong-password');
    await button(form, 'Issue PDF').click();
    await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 60_000 }).toBe('Wrong password for the signing certificate. Nothing was signed.');
    // No warning: the supervisor has a certificate.
    expect(await form.locator('.notice-warning').count()).toBe(0);
    const before = await invoke<ReportItem[]>(app, 'reports.list', { limit: 100 });

    await field(form, 'Password of my signing certificate').fill(CERTIFICATE_PASSWORD);
    await button(form, 'Issue PDF').click();
    const notice = page.getByTestId('report-issued');
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toMatch(/Report [0-9a-f-]{36} issued and signed\./);
    const after = await invoke<ReportItem[]>(app, 'reports.list', { limit: 100 });
    expect(after.length).toBe(before.length + 1);
    const signed = after[0];
    expect(signed).toMatchObject({ kind: 'examination', signed: true });
    const pdf = Buffer.from((await invoke<{ pdfBase64: string }>(app, 'reports.get', { id: signed?.id })).pdfBase64, 'base64');
    expect(isPdf(pdf)).toBe(true);
    expect(pdf.toString('latin1')).toContain('ETSI.CAdES.detached');
    await saveScreen(page, 'en-reports-signed');
    await field(form, 'Sign with my certificate (PAdES)').uncheck();
  }, 120_000);

  it('a supervisor issues the statistics of a period as PDF and as xlsx', async () => {
    await tab(page, 'Statistics').click();
    const panel = statistics(page);
    const to = await field(panel, 'To').inputValue();
    expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await field(panel, 'From').fill(to);
    await field(panel, 'To').fill('2000-01-01');
    await button(panel, 'Issue statistics PDF').click();
    expect(await panel.locator('.field-error').textContent()).toBe('The period ends before it starts.');
    await field(panel, 'From').fill('2020-01-01');
    await field(panel, 'To').fill(to);

    await button(panel, 'Issue statistics PDF').click();
    const notice = panel.getByTestId('report-issued');
    await notice.waitFor({ timeout: 60_000 });
    const pdf = await downloaded(page, () => button(notice, 'Save PDF…').click());
    expect(isPdf(pdf.bytes)).toBe(true);
    expect(pdf.name).toMatch(new RegExp(`^statistics-2020-01-01-${to}-[0-9a-f]{8}\\.pdf$`));

    const xlsx = await downloaded(page, () => button(panel, 'Export xlsx').click());
    expect(xlsx.name).toBe(`statistics-2020-01-01-${to}.xlsx`);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await expect.poll(() => panel.getByTestId('report-workbook').textContent()).toContain(xlsx.name);
    await saveScreen(page, 'en-reports-statistics');

    const [latest] = await invoke<ReportItem[]>(app, 'reports.list', { limit: 1 });
    expect(latest).toMatchObject({ kind: 'statistics', caseReference: null });

    await languageSelect(page).selectOption('ru');
    await expect.poll(() => heading(page).textContent()).toBe('Отчёты');
    await saveScreen(page, 'ru-reports-statistics');
    await tab(page, 'Выпущенные отчёты').click();
    await expect.poll(() => page.getByTestId('report-table').locator('tbody tr').count()).toBe(4);
    expect(await page.getByTestId('report-table').locator('tbody tr').first().textContent()).toContain('Статистика');
    await languageSelect(page).selectOption('en');
    expect(app.consoleErrors).toEqual([]);
  }, 120_000);

  it('a supervisor countersigns an officer’s signed report from the report view: both signatures valid, side by side', async () => {
    // Set-up: the officer gets a certificate and issues a signed examination report.
    await logInAs(page, administrator);
    const users = await invoke<{ id: number; username: string }[]>(app, 'users.list', undefined);
    await invoke(app, 'signing.unitCa.issue', { userId: users.find((user) => user.username === officer.username)?.id, password: OFFICER_CERTIFICATE_PASSWORD });
    await logInAs(page, officer);
    const cases = await invoke<{ id: number; reference: string }[]>(app, 'cases.list', { limit: 10, offset: 0 });
    const caseId = cases.find((summary) => summary.reference === caseReference)?.id;
    const signed = await invoke<{ reportId: number; reportUid: string }>(app, 'reports.issue', { kind: 'examination', caseId, language: 'en', sign: { password: OFFICER_CERTIFICATE_PASSWORD } });

    await logInAs(page, supervisor);
    await page.keyboard.press('Control+4');
    await expect.poll(() => heading(page).textContent()).toBe('Reports');
    await tab(page, 'Issued reports').click();
    const table = page.getByTestId('report-table');
    await button(table, `Open ${signed.reportUid}`).click();
    const view = page.getByTestId('report-view');
    await expect.poll(() => page.getByTestId('report-pdf-check').textContent()).toContain('%PDF');
    await button(view, 'Countersign…').click();
    const form = view.getByTestId('report-countersign');
    await button(form, 'Countersign').click();
    expect(await form.locator('.field-error').textContent()).toBe('Enter the password of your signing certificate.');
    await field(form, 'Password of my signing certificate').fill('wrong-password');
    await button(form, 'Countersign').click();
    await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 60_000 }).toBe('Wrong password for the signing certificate. Nothing was signed.');
    expect(await field(form, 'Password of my signing certificate').inputValue()).toBe('');
    await field(form, 'Password of my signing certificate').fill(CERTIFICATE_PASSWORD);
    await saveScreen(page, 'en-reports-countersign');
    await button(form, 'Countersign').click();

    // The view opens on the new record: the countersigned PDF, linked to the report it countersigns.
    const notice = page.getByTestId('report-countersigned');
    await notice.waitFor({ timeout: 60_000 });
    const [copy] = await invoke<ReportItem[]>(app, 'reports.list', { limit: 1 });
    expect(copy).toMatchObject({ kind: 'examination', signed: true, countersigns: { id: signed.reportId, reportUid: signed.reportUid } });
    expect(await notice.textContent()).toBe(`Report ${signed.reportUid} countersigned. This is the countersigned PDF, recorded as report ${copy?.reportUid}: save it for the prosecutor.`);
    expect(await page.getByTestId('report-view').getAttribute('data-uid')).toBe(copy?.reportUid);
    await expect.poll(() => page.getByTestId('report-pdf-check').textContent()).toContain('%PDF');
    // Already countersigned: nothing more to offer.
    expect(await button(page.getByTestId('report-view'), 'Countersign…').count()).toBe(0);
    await saveScreen(page, 'en-reports-countersigned');
    await languageSelect(page).selectOption('ru');
    await expect.poll(() => heading(page).textContent()).toBe('Отчёты');
    await saveScreen(page, 'ru-reports-countersigned');
    await languageSelect(page).selectOption('en');

    const pdf = Buffer.from((await invoke<{ pdfBase64: string }>(app, 'reports.get', { id: copy?.id })).pdfBase64, 'base64');
    if (havePoppler) {
      expect(pdfsig(pdf).map((signature) => [signature.valid, signature.totalDocumentSigned])).toEqual([
        [true, false],
        [true, true],
      ]);
      // The last page, where both blocks sit side by side, kept for a look.
      const work = mkdtempSync(path.join(os.tmpdir(), 'pcu-e2e-countersign-'));
      try {
        const file = path.join(work, 'countersigned.pdf');
        writeFileSync(file, pdf);
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
        mkdirSync(screenshotDir, { recursive: true });
        execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(pages), '-l', String(pages), '-singlefile', file, path.join(screenshotDir, 'countersigned-last-page')]);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
    expect(app.consoleErrors).toEqual([]);
  }, 180_000);
});

/** The visible text of the option whose label starts with `reference` (case options read "reference — title"). */
async function optionLabel(scope: Locator, label: string, reference: string): Promise<string> {
  const labels = await field(scope, label).locator('option').allTextContents();
  const found = labels.find((text) => text.startsWith(reference));
  if (!found) throw new Error(`no option ${reference} in ${JSON.stringify(labels)}`);
  return found;
}

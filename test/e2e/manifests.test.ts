import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type HarnessApp } from '../harness/app';
import { saveScreen } from './screens';

/**
 * The Manifests section end to end in Chromium over the real services: real
 * fixture files through the file input and by drag and drop, the summary per
 * file, the list and a manifest's detail, duplicates, amendments, the mapping
 * wizard for a layout nobody recognised, progress and cancel — in English,
 * then in Russian. The steps share one app and run in order.
 */

const ADMIN = { username: 'dilnoza', displayName: 'Dilnoza Rahimova', password: 'correct horse battery' };
const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const fixture = (relative: string) => path.join(fixtures, relative);

/*
 * Agents' exports whose headers no synonym knows, so the officer maps them.
 * Written as agents write them (capitals, punctuation): the wizard sends header
 * texts as written and main normalises them.
 */
/** A Tajik agent's export. */
const TAJIK_HEADER = 'Рақами контейнер;Борхат;Тавсифи мол;Вазн';
/** An Uzbek agent's workbook (Latin script), for the Russian run of the wizard. */
const UZBEK_HEADER = 'Yuk xati raqami;Konteyner raqami;Yuk tavsifi;Vazn, kg';

const heading = (page: Page) => page.locator('main[data-section] h1');
const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const fileInput = (page: Page) => page.locator('input[type="file"]');
const summary = (page: Page) => page.getByTestId('import-summary');
/** An import runs in worker threads that start from scratch: seconds on a busy two-core machine. */
const IMPORT_WAIT = { timeout: 30_000 } as const;
const card = (page: Page, file: string) => page.locator(`.import-result[data-file="${file}"]`);
const listRow = (page: Page, file: string) => page.locator(`[data-testid="manifest-table"] tbody tr[data-file="${file}"]`);
const detail = (page: Page) => page.getByTestId('manifest-detail');
const wizard = (page: Page) => page.getByTestId('mapping-wizard');
const columnSelect = (page: Page, header: string) => wizard(page).locator(`select[data-header="${header}"]`);
const main = (page: Page) => page.locator('main[data-section]');

async function scrollToTop(page: Page): Promise<void> {
  await main(page).evaluate((element) => element.scrollTo(0, 0));
}

/** The section scrolls inside the window: bring a part to the top before a screenshot. */
async function showAtTop(part: Locator): Promise<void> {
  await part.evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

/** Waits until the import in flight has answered (the summary is re-rendered with this file in it). */
async function importedCard(page: Page, file: string): Promise<Locator> {
  const found = card(page, file);
  await found.waitFor();
  await expect.poll(() => page.getByTestId('import-progress').count(), IMPORT_WAIT).toBe(0);
  return found;
}

/** Drops files on the drop zone the way a file manager does: a DataTransfer built in the page. */
async function dropFiles(page: Page, files: readonly { name: string; base64?: string; zeroBytes?: number }[]): Promise<void> {
  await page.getByTestId('drop-zone').evaluate((zone, list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const bytes = file.base64 !== undefined ? Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0)) : new Uint8Array(file.zeroBytes ?? 0);
      transfer.items.add(new File([bytes], file.name));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, files);
}

describe('manifests: import, list, detail, amendments and the mapping wizard', () => {
  let app: HarnessApp;
  let page: Page;
  let scratch: string;
  const scratchFile = (name: string, content: string) => {
    const file = path.join(scratch, name);
    writeFileSync(file, content);
    return file;
  };

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'pcu-manifests-e2e-'));
    app = await launchApp({ viewport: { width: 1280, height: 900 } });
    page = app.page;
    const created = await app.backend.services.invoke('setup.create', {
      unitName: 'PCU Dushanbe Dry Port',
      country: 'TJ',
      locode: 'TJDYU',
      adminUsername: ADMIN.username,
      adminDisplayName: ADMIN.displayName,
      password: ADMIN.password,
    });
    if (!created.ok) throw new Error(`setup failed: ${JSON.stringify(created.error)}`);
    await app.backend.services.invoke('session.logout', undefined);
    await app.reload();
    await page.locator('.auth-screen[data-screen="login"]').waitFor();
    await page.getByLabel('User name', { exact: true }).fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await heading(page).waitFor();
    await page.locator('nav button[data-section="manifests"]').click();
    await page.locator('main[data-section="manifests"] h1').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('offers a drop zone and a file dialog, and says nothing has been imported yet', async () => {
    expect(await heading(page).textContent()).toBe('Manifests');
    expect(await page.getByTestId('drop-zone').textContent()).toContain('Drop manifest files here or choose files…');
    expect(await fileInput(page).getAttribute('multiple')).not.toBeNull();
    // Detection is by content: no accept filter that would hide a CUSCAR file called .txt.
    expect(await fileInput(page).getAttribute('accept')).toBeNull();
    expect(await page.locator('.manifest-list').textContent()).toContain('No manifests imported');
    await saveScreen(page, 'en-manifests-empty');
  });

  it('imports four real files at once: three imported, the impostor rejected in words that name it', async () => {
    await fileInput(page).setInputFiles([
      fixture('spreadsheets/manifest-msc-anna.xlsx'),
      fixture('spreadsheets/manifest-cp1251-semicolon.csv'),
      fixture('cuscar/a-d96b-unoa-lines.edi'),
      fixture('spreadsheets/impostor-pdf.xlsx'),
    ]);
    await importedCard(page, 'impostor-pdf.xlsx');
    const statuses = await page.locator('.import-result').evaluateAll((cards) => cards.map((element) => [element.getAttribute('data-file'), element.getAttribute('data-status')]));
    expect(statuses).toEqual([
      ['manifest-msc-anna.xlsx', 'imported'],
      ['manifest-cp1251-semicolon.csv', 'imported'],
      ['a-d96b-unoa-lines.edi', 'imported'],
      ['impostor-pdf.xlsx', 'rejected'],
    ]);
    expect(await page.getByTestId('import-counts').textContent()).toBe('3 files imported · 1 file rejected');
    expect(await card(page, 'impostor-pdf.xlsx').locator('.result-error').textContent()).toBe(
      'impostor-pdf.xlsx: not a manifest this program can read (Excel, LibreOffice, CSV or UN/EDIFACT CUSCAR). Nothing was imported.',
    );

    const workbook = card(page, 'manifest-msc-anna.xlsx');
    expect(await workbook.locator('.status-badge').textContent()).toBe('Imported');
    expect(await workbook.locator('.tag').textContent()).toBe('XLSX');
    // The exact sum from main, grouped for reading without ever becoming a float.
    expect(await workbook.locator('.result-facts').textContent()).toBe('VesselMSC ANNAVoyageFE541WLines6Containers6Total gross weight88,669.7 kg');

    const cuscar = card(page, 'a-d96b-unoa-lines.edi');
    expect(await cuscar.getByTestId('bad-check-digits').textContent()).toContain('MSMU7002183');
    expect(await cuscar.locator('.result-problems h5').textContent()).toBe('Problems: 4');
    const checkDigit = cuscar.locator('.problem-group[data-code="CONTAINER_CHECK_DIGIT"]');
    expect(await checkDigit.locator('summary').textContent()).toBe('Container check digit wrong1');
    await checkDigit.locator('summary').click();
    expect(await checkDigit.locator('.occurrences li').textContent()).toBe(
      'segment 60, Container numberContainer number MSMU7002183 fails the ISO 6346 check digit (expected 8)',
    );
    // A CSV for the same vessel call and voyage is an amendment of the workbook.
    expect(await card(page, 'manifest-cp1251-semicolon.csv').locator('.amendment-details summary').textContent()).toBe('Amendment of manifest 1');
    await scrollToTop(page);
    await saveScreen(page, 'en-manifests-summary');

    // The list was refreshed after the import: newest first, the rejected file not in it.
    const rows = page.locator('[data-testid="manifest-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-file')))).toEqual([
      'a-d96b-unoa-lines.edi',
      'manifest-cp1251-semicolon.csv',
      'manifest-msc-anna.xlsx',
    ]);
    const cells = await listRow(page, 'a-d96b-unoa-lines.edi').locator('td').allTextContents();
    expect(cells.slice(0, 1)).toEqual(['3']);
    // Local time on a 24-hour clock.
    expect(cells[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(cells.slice(2)).toEqual(['a-d96b-unoa-lines.edi', 'CUSCAR', 'MSC ANNA', '9454436', '425E', 'PKKHI → IRBND', '2025-03-14', '6', '5', '62,401.25', '4']);
    expect(await listRow(page, 'manifest-cp1251-semicolon.csv').getByTestId('amendment-marker').textContent()).toBe('amends No. 1');
    await showAtTop(page.locator('.manifest-list'));
    await saveScreen(page, 'en-manifests-list');

    // A recognised layout can be checked and corrected in the wizard too: main's reading comes prefilled.
    await scrollToTop(page);
    await button(workbook, 'Map columns…').click();
    await wizard(page).getByTestId('wizard-mapping').waitFor();
    expect(await wizard(page).getByTestId('wizard-rows').count()).toBe(0);
    // Honest about what importing it again would do: its bytes are stored already.
    expect(await wizard(page).getByRole('status').first().textContent()).toContain('This file is already stored as manifest 1.');
    const choices = await wizard(page).locator('[data-testid="wizard-mapping"] select').evaluateAll((selects) =>
      selects.map((select) => [select.getAttribute('data-header'), (select as HTMLSelectElement).value]),
    );
    expect(choices.slice(0, 3)).toEqual([
      ['B/L\nNo', 'blNumber'],
      ['Container\nNo', 'containerNumber'],
      ['Seal\nNo', 'seals'],
    ]);
    expect(choices).toContainEqual(['Volume\n(m3)', '']);
    expect(await wizard(page).getByTestId('wizard-preview').locator('[data-count="lines"]').textContent()).toBe('6');
    await saveScreen(page, 'en-wizard-recognised');
    await button(wizard(page), 'Close').first().click();
    expect(await wizard(page).count()).toBe(0);
    await page.getByTestId('drop-zone').waitFor();
  });

  it('opens a manifest: header facts and its problems by kind, with where they are', async () => {
    await listRow(page, 'a-d96b-unoa-lines.edi').click();
    await detail(page).waitFor();
    expect(await detail(page).locator('h2').textContent()).toBe('Manifest 3: a-d96b-unoa-lines.edi');
    expect(await detail(page).locator('.manifest-facts').textContent()).toContain('Port of loading → port of dischargePKKHI → IRBND');
    const checkDigit = detail(page).locator('.problem-group[data-code="CONTAINER_CHECK_DIGIT"]');
    await checkDigit.locator('summary').click();
    expect(await checkDigit.locator('.problem-message').textContent()).toBe('Container number MSMU7002183 fails the ISO 6346 check digit (expected 8)');
    expect(await checkDigit.locator('.where-list').textContent()).toBe('Where: segment 60');
    const locode = detail(page).locator('.problem-group[data-code="LOCODE_UNKNOWN"]');
    expect(await locode.locator('summary').textContent()).toBe('Location codes not in UN/LOCODE3');
    await locode.locator('summary').click();
    expect(await locode.locator('.where-list').textContent()).toBe('Where: segment 26; segment 26; segment 44');
    await showAtTop(detail(page));
    await saveScreen(page, 'en-manifest-detail');
  });

  it('reports the same file imported again as a duplicate and stores nothing', async () => {
    await scrollToTop(page);
    await fileInput(page).setInputFiles([fixture('cuscar/a-d96b-unoa-lines.edi')]);
    const again = card(page, 'a-d96b-unoa-lines.edi');
    await expect.poll(() => again.getAttribute('data-status'), IMPORT_WAIT).toBe('duplicate');
    expect(await page.locator('.import-result').count()).toBe(1);
    expect(await again.locator('.status-badge').textContent()).toBe('Duplicate');
    expect(await again.textContent()).toContain('The same file was imported before as manifest 3; nothing was stored again.');
    expect(await page.getByTestId('import-counts').textContent()).toBe('1 file imported before');
    await expect.poll(() => page.locator('[data-testid="manifest-table"] tbody tr').count()).toBe(3);
  });

  it('shows what an amendment changed: lines added and removed, fields before and after', async () => {
    await fileInput(page).setInputFiles([fixture('spreadsheets/manifest-ru.xlsx')]);
    const amended = await importedCard(page, 'manifest-ru.xlsx');
    expect(await amended.getAttribute('data-status')).toBe('imported');
    const details = amended.locator('.amendment-details');
    // It amends the latest file of the same call: the CSV (manifest 2), itself an amendment of the workbook.
    expect(await details.locator('summary').textContent()).toBe('Amendment of manifest 2');
    await details.locator('summary').click();
    expect(await details.locator('.amendment-counts').textContent()).toContain('1 line added · 0 lines removed · 5 changes');
    expect(await details.getByTestId('amendment-added').locator('li').allTextContents()).toEqual(['MEDUFE541005 / TGHU9876542']);
    const firstChange = await details.locator('[data-testid="amendment-changes"] tbody tr').first().locator('td').allTextContents();
    expect(firstChange).toEqual(['MEDUFE541001 / MSCU1234566', 'Consignee', 'ООО «Памир Трейд», Душанбе', 'ҶДММ «Ҳамкорӣ Ғарб», Душанбе']);

    await listRow(page, 'manifest-ru.xlsx').click();
    await expect.poll(() => detail(page).getAttribute('data-manifest')).toBe('4');
    expect(await detail(page).locator('h3').allTextContents()).toEqual(['Problems: 0', 'Amendment of manifest 2']);
    expect(await detail(page).locator('[data-testid="amendment-changes"] tbody tr').count()).toBe(5);
    // From the amendment to the manifest it amends.
    await button(detail(page), 'Open manifest 2').click();
    await expect.poll(() => detail(page).getAttribute('data-manifest')).toBe('2');
    await listRow(page, 'manifest-ru.xlsx').click();
    await expect.poll(() => detail(page).getAttribute('data-manifest')).toBe('4');
    await showAtTop(detail(page).locator('h3').last());
    await saveScreen(page, 'en-manifest-amendment');
  });

  it('maps an unknown layout in the wizard with a live preview, and reads the next file of that layout by itself', async () => {
    const first = scratchFile('tajik-agent.csv', `${TAJIK_HEADER}\nMSCU1234566;BL-1;Пахта;1200,5\nTGHU9876542;BL-2;Орд;800\n`);
    await scrollToTop(page);
    await fileInput(page).setInputFiles([first]);
    const refused = await importedCard(page, 'tajik-agent.csv');
    expect(await refused.getAttribute('data-status')).toBe('rejected');
    expect(await refused.locator('.result-error').textContent()).toBe(
      'tajik-agent.csv: no header row with container or B/L columns was found. Map the columns in the import wizard.',
    );

    // The wizard opened by itself, with the file's first rows.
    await wizard(page).waitFor();
    expect(await wizard(page).locator('h3').textContent()).toBe('Map the columns of tajik-agent.csv');
    const rows = wizard(page).getByTestId('wizard-rows');
    // The rows arrive with the preview call: wait for them rather than race it.
    await expect.poll(() => rows.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['Рақами контейнер', 'Борхат', 'Тавсифи мол', 'Вазн']);
    await saveScreen(page, 'en-wizard-rows');

    await rows.getByRole('radio', { name: 'Row 1 is the header' }).check();
    const mapping = wizard(page).getByTestId('wizard-mapping');
    expect(await mapping.locator('tbody tr').count()).toBe(4);
    expect(await columnSelect(page, 'Рақами контейнер').locator('option').count()).toBe(26);
    const preview = wizard(page).getByTestId('wizard-preview');
    expect(await preview.textContent()).toContain('Choose the column with the container number or the B/L number');
    const importButton = button(wizard(page), 'Import with these columns');
    expect(await importButton.isDisabled()).toBe(true);

    await columnSelect(page, 'Рақами контейнер').selectOption({ label: 'Container number' });
    // One column is not yet a header for main: the preview says what it needs.
    await expect.poll(() => preview.getByRole('alert').textContent()).toContain('choose at least three columns');
    await columnSelect(page, 'Борхат').selectOption({ label: 'B/L number' });
    await columnSelect(page, 'Тавсифи мол').selectOption({ label: 'Goods description' });
    await columnSelect(page, 'Вазн').selectOption({ label: 'Gross weight (kg)' });
    await expect.poll(() => preview.locator('[data-count="lines"]').textContent()).toBe('2');
    expect(await preview.locator('[data-count="weight"]').textContent()).toBe('2,000.5 kg');
    expect(await preview.getByTestId('preview-sample').locator('tbody tr').first().locator('td').allTextContents()).toEqual([
      'MSCU1234566',
      'BL-1',
      'Пахта',
      '1200,5',
    ]);
    expect(await wizard(page).textContent()).toContain('the next file with the same columns, e.g. from the same sender, is read without this wizard');
    expect(await importButton.isDisabled()).toBe(false);
    await showAtTop(wizard(page));
    await saveScreen(page, 'en-wizard-mapping');
    await showAtTop(preview);
    await saveScreen(page, 'en-wizard-preview');

    await importButton.click();
    await expect.poll(() => card(page, 'tajik-agent.csv').getAttribute('data-status'), IMPORT_WAIT).toBe('imported');
    expect(await wizard(page).count()).toBe(0);
    expect(await card(page, 'tajik-agent.csv').locator('.result-facts').textContent()).toContain('Lines2');

    // The same sender's next file: the saved choices apply, no wizard.
    const second = scratchFile('tajik-agent-2.csv', `${TAJIK_HEADER}\nMSCU1234567;BL-3;Ангишт;500\nMSDU3007776;BL-4;Семент;700,25\nMEDU7654325;BL-5;Орд;100\n`);
    await fileInput(page).setInputFiles([second]);
    const next = await importedCard(page, 'tajik-agent-2.csv');
    expect(await next.getAttribute('data-status')).toBe('imported');
    expect(await next.locator('.result-facts').textContent()).toContain('Lines3');
    // A problem in a CSV points at the row and the spreadsheet column.
    const wrongDigit = next.locator('.problem-group[data-code="CONTAINER_CHECK_DIGIT"]');
    await wrongDigit.locator('summary').click();
    expect(await wrongDigit.locator('.occurrences li').textContent()).toBe(
      'row 2, column AContainer number MSCU1234567 fails the ISO 6346 check digit (expected 6)',
    );
    expect(await wizard(page).count()).toBe(0);
    await expect.poll(() => listRow(page, 'tajik-agent-2.csv').count()).toBe(1);
  });

  it('shows progress while a large file is read, and cancels it: nothing is stored', async () => {
    const lines = ['B/L No;Container No;Consignee;Goods description;Gross weight'];
    for (let line = 0; line < 150_000; line += 1) lines.push(`BL${line};MSCU1234566;ACME LLC;GOODS ${line};${1000 + line},5`);
    const big = scratchFile('big-manifest.csv', lines.join('\n'));
    await scrollToTop(page);
    await fileInput(page).setInputFiles([big]);
    const progress = page.getByTestId('import-progress');
    // Main reports the file and its stage once its worker has started.
    await expect.poll(() => progress.locator('[role="status"]').textContent(), { timeout: 10_000 }).toMatch(/^File 1 of 1: big-manifest\.csv/);
    await saveScreen(page, 'en-import-progress');
    await button(progress, 'Cancel').click();
    const cancelled = await importedCard(page, 'big-manifest.csv');
    expect(await cancelled.getAttribute('data-status')).toBe('rejected');
    expect(await cancelled.locator('.result-error').textContent()).toBe('big-manifest.csv: import cancelled. Nothing was imported.');
    expect(app.calls).toContain('manifests.cancelImport');
    expect(await listRow(page, 'big-manifest.csv').count()).toBe(0);
  });

  it('takes files dropped on the drop zone, and refuses one over 100 MB without sending it', async () => {
    const importsBefore = app.calls.filter((channel) => channel === 'manifests.import').length;
    await dropFiles(page, [{ name: 'huge-manifest.xlsx', zeroBytes: 100 * 1024 * 1024 + 1 }]);
    const huge = card(page, 'huge-manifest.xlsx');
    await huge.waitFor();
    expect(await huge.locator('.result-error').textContent()).toBe('huge-manifest.xlsx: the file is larger than 100 MB. Nothing was imported.');
    expect(app.calls.filter((channel) => channel === 'manifests.import').length).toBe(importsBefore);

    const portal = readFileSync(fixture('spreadsheets/manifest-utf8-bom-comma.csv')).toString('base64');
    const koi8 = readFileSync(fixture('spreadsheets/manifest-koi8r-semicolon.csv')).toString('base64');
    await dropFiles(page, [
      { name: 'manifest-utf8-bom-comma.csv', base64: portal },
      { name: 'manifest-koi8r-semicolon.csv', base64: koi8 },
    ]);
    await importedCard(page, 'manifest-koi8r-semicolon.csv');
    expect(await page.locator('.import-result').evaluateAll((cards) => cards.map((element) => element.getAttribute('data-status')))).toEqual(['imported', 'imported']);
    await expect.poll(() => listRow(page, 'manifest-utf8-bom-comma.csv').count()).toBe(1);
  });

  it('speaks Russian: summary, list, detail, amendment and the wizard', async () => {
    await page.locator('.language-switch select').selectOption('ru');
    await expect.poll(() => heading(page).textContent()).toBe('Манифесты');
    expect(await page.locator('#import-title').textContent()).toBe('Импорт манифестов');
    expect(await page.locator('#import-summary-title').textContent()).toBe('Результат импорта');
    expect(await page.getByTestId('import-counts').textContent()).toBe('импортировано 2 файла');

    // Main words its refusals in the language the officer chose.
    await fileInput(page).setInputFiles([fixture('spreadsheets/manifest-msc-anna.xlsx'), fixture('spreadsheets/impostor-pdf.xlsx')]);
    const impostor = await importedCard(page, 'impostor-pdf.xlsx');
    expect(await page.getByTestId('import-counts').textContent()).toBe('1 файл уже был импортирован · отклонён 1 файл');
    expect(await card(page, 'manifest-msc-anna.xlsx').locator('.status-badge').textContent()).toBe('Повтор');
    expect(await impostor.locator('.status-badge').textContent()).toBe('Отклонён');
    expect(await impostor.locator('.result-error').textContent()).toBe(
      'impostor-pdf.xlsx: это не манифест, который программа может прочитать (Excel, LibreOffice, CSV или UN/EDIFACT CUSCAR). Ничего не импортировано.',
    );
    expect(await page.locator('#manifest-list-title').textContent()).toBe('Полученные манифесты');
    expect(await page.locator('[data-testid="manifest-table"] thead th').allTextContents()).toEqual([
      '№',
      'Получен',
      'Файл',
      'Формат',
      'Судно',
      'ИМО',
      'Рейс',
      'Погрузка → выгрузка',
      'Прибытие',
      'Строк',
      'Контейнеров',
      'Вес брутто, кг',
      'Замечаний',
    ]);
    // Russian groups thousands with a no-break space and writes a decimal comma.
    expect(await listRow(page, 'a-d96b-unoa-lines.edi').locator('td').nth(11).textContent()).toBe('62\u00a0401,25');
    await scrollToTop(page);
    await saveScreen(page, 'ru-manifests-summary');
    await showAtTop(page.locator('.manifest-list'));
    await saveScreen(page, 'ru-manifests-list');

    await listRow(page, 'a-d96b-unoa-lines.edi').click();
    await expect.poll(() => detail(page).locator('h2').textContent()).toBe('Манифест № 3: a-d96b-unoa-lines.edi');
    const checkDigit = detail(page).locator('.problem-group[data-code="CONTAINER_CHECK_DIGIT"]');
    expect(await checkDigit.locator('summary').textContent()).toBe('Неверная контрольная цифра контейнера1');
    await checkDigit.locator('summary').click();
    expect(await checkDigit.locator('.where-list').textContent()).toBe('Где: сегмент 60');
    expect(await checkDigit.locator('.problem-message').textContent()).toContain('MSMU7002183');
    await showAtTop(detail(page));
    await saveScreen(page, 'ru-manifest-detail');

    await listRow(page, 'manifest-ru.xlsx').click();
    await expect.poll(() => detail(page).getAttribute('data-manifest')).toBe('4');
    expect(await detail(page).locator('h3').last().textContent()).toBe('Корректировка манифеста № 2');
    expect(await detail(page).locator('.amendment-counts').textContent()).toContain('добавлена 1 строка · удалено 0 строк · 5 изменений');
    expect(await detail(page).locator('[data-testid="amendment-changes"] thead th').allTextContents()).toEqual(['Строка (коносамент / контейнер)', 'Поле', 'Было', 'Стало']);
    await showAtTop(detail(page).locator('h3').last());
    await saveScreen(page, 'ru-manifest-amendment');

    await scrollToTop(page);
    await button(page, 'Очистить').click();
    expect(await summary(page).count()).toBe(0);
    await saveScreen(page, 'ru-manifests-import');

    // A workbook with a cover letter in front of the manifest sheet: the officer picks the sheet, then the row.
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['Hurmatli bojxona xodimlari!'], ['Ilova: yuk manifesti, MSC ANNA.']]), 'Xat');
    XLSX.utils.book_append_sheet(
      workbook,
      XLSX.utils.aoa_to_sheet([
        ['Yuk manifesti'],
        [],
        UZBEK_HEADER.split(';'),
        ['MEDUFE541001', 'MSCU1234566', 'Paxta tolasi', '20000'],
        ['MEDUFE541002', 'TGHU9876542', 'Un', '1500.5'],
      ]),
      'Manifest',
    );
    const uzbek = path.join(scratch, 'uzbek-agent.xlsx');
    writeFileSync(uzbek, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await fileInput(page).setInputFiles([uzbek]);
    await wizard(page).waitFor();
    expect(await card(page, 'uzbek-agent.xlsx').locator('.result-error').textContent()).toBe(
      'uzbek-agent.xlsx: не найдена строка заголовков со столбцами контейнера или коносамента. Сопоставьте столбцы в мастере импорта.',
    );
    expect(await wizard(page).locator('h3').textContent()).toBe('Сопоставление столбцов: uzbek-agent.xlsx');
    const sheet = wizard(page).getByLabel('Лист', { exact: true });
    // The wizard asks main for the file's first rows when it opens: wait for them (allTextContents does not).
    await expect.poll(() => sheet.locator('option').allTextContents()).toEqual(['Xat', 'Manifest']);
    await sheet.selectOption({ label: 'Manifest' });
    await wizard(page).getByRole('radio', { name: 'Строка 3 — заголовок' }).waitFor();
    await saveScreen(page, 'ru-wizard-rows');
    await wizard(page).getByRole('radio', { name: 'Строка 3 — заголовок' }).check();
    await columnSelect(page, 'Yuk xati raqami').selectOption({ label: 'Номер коносамента' });
    await columnSelect(page, 'Konteyner raqami').selectOption({ label: 'Номер контейнера' });
    await columnSelect(page, 'Yuk tavsifi').selectOption({ label: 'Описание товара' });
    await columnSelect(page, 'Vazn, kg').selectOption({ label: 'Вес брутто (кг)' });
    const preview = wizard(page).getByTestId('wizard-preview');
    await expect.poll(() => preview.locator('[data-count="lines"]').textContent()).toBe('2');
    expect(await preview.locator('[data-count="weight"]').textContent()).toBe('21\u00a0500,5 кг');
    await showAtTop(wizard(page));
    await saveScreen(page, 'ru-wizard-mapping');
    await showAtTop(preview);
    await saveScreen(page, 'ru-wizard-preview');
    await button(wizard(page), 'Импортировать с этими столбцами').click();
    // The card keeps the first refusal until the re-import answers (an import worker starting on a busy machine takes seconds).
    await expect.poll(() => card(page, 'uzbek-agent.xlsx').getAttribute('data-status'), IMPORT_WAIT).toBe('imported');
    expect(await card(page, 'uzbek-agent.xlsx').locator('.status-badge').textContent()).toBe('Импортирован');
    expect(app.consoleErrors).toEqual([]);
  });
});

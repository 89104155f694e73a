import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type HarnessApp } from '../harness/app';
import { createBackend, type Backend } from '../harness/backend';
import { fastKdf } from '../harness/fast-kdf';
import { demoPhotoPng } from '../../main/core/demo/demo-photo';
import { createDemoUnit, invokeOk, switchUser, type DemoAccount } from './demo-unit';
import { saveScreen } from './screens';

/**
 * Exchange between two units end to end. Unit B is the app in the page (the
 * demo unit); unit A is a second set of real services in another data
 * directory (PCU Karachi), driven through its contract. B's administrator
 * trusts A from A's certificate file in the Partners tab, and B's own
 * certificate (saved from "This unit") is trusted at A. A sends B an alert
 * about a container B knows, encrypted to B; B's officer imports the file in
 * the Inbox (active, with watch-list entries, the reason in the detail); the
 * same file again and a tampered copy are refused, each naming its file; the
 * next manifest B imports with that container puts it first in targeting with
 * the alert as reason. B sends a seizure notice (personal data masked, shown in
 * the preview) and an alert back, both read by A. Every screen is photographed
 * in English and in Russian.
 */

const heading = (page: Page) => page.locator('main[data-section] h1');
const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const languageSelect = (page: Page) => page.locator('.language-switch select');
const openExchange = (page: Page) => page.locator('nav button[data-section="exchange"]').click();
const outcomes = (page: Page) => page.getByTestId('package-outcomes').locator('li');

type ReceivedRow = { id: number; kind: string; state: string; subject: string; watchEntries: number; partnerName: string };
type Partner = { id: number; name: string; fingerprint: string; state: string };
type Exported = { fileName: string; packageBase64: string; encrypted: boolean; personalData: string };

/**
 * A screen whole: the section (or the open dialog) scrolls inside the window,
 * so the window is made as tall as what it holds for the picture, then put back.
 */
async function saveWhole(page: Page, name: string): Promise<void> {
  const hidden = await page.evaluate(() => {
    const dialog = document.querySelector('dialog[open]');
    const scroller = dialog ?? document.querySelector('main[data-section]');
    if (!scroller) return 0;
    scroller.scrollTo(0, 0);
    return scroller.scrollHeight - scroller.clientHeight;
  });
  const size = page.viewportSize();
  if (!size || hidden <= 0) {
    await saveScreen(page, name);
    return;
  }
  await page.setViewportSize({ width: size.width, height: size.height + hidden + 40 });
  try {
    await saveScreen(page, name);
  } finally {
    await page.setViewportSize(size);
  }
}

/** The bytes of a download the page started (a blob link's "save"). */
async function downloaded(page: Page, start: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download') as Promise<Download>, start()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Calls unit A's services (its administrator is logged in there). */
async function atA<T>(unit: Backend, channel: string, input: unknown): Promise<T> {
  const result = await unit.services.invoke(channel, input);
  if (!result.ok) throw new Error(`unit A: ${channel} refused: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A manifest as a forwarder's spreadsheet exports it: the title rows, then one line carrying the alerted container. */
function manifestWith(container: string): Buffer {
  return Buffer.from(
    [
      'Vessel: MSC ANNA,Voyage: FE777W',
      'B/L No,Container No,Shipper,Consignee,Goods description,HS Code,Gross weight (kg)',
      `MEDUFE777001,${container},Karachi Agro Exports Pvt Ltd,Dushanbe Food Trade LLC,Frozen mixed vegetables,0710,21400`,
      '',
    ].join('\r\n'),
    'utf8',
  );
}

/** A copy with one byte changed in the middle of the signed content. */
function tampered(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const at = Math.floor(copy.length / 2);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

describe('exchange between units: partners, an alert A→B, refusals, the alert in targeting, a seizure notice B→A', () => {
  let app: HarnessApp;
  let page: Page;
  let unitA: Backend;
  let officer: DemoAccount;
  let administrator: DemoAccount;
  let alertFile: { name: string; bytes: Buffer };
  let container: string;
  let consignmentAId: number;
  const REASON = 'Cover load of frozen vegetables from Karachi; same consignee as our cocaine seizure in March (PK alert 2026/41)';

  beforeAll(async () => {
    app = await launchApp({ demo: true, viewport: { width: 1280, height: 800 } });
    page = app.page;
    // setup.demo leaves its administrator logged in: the partner steps are theirs.
    ({ officer, administrator } = await createDemoUnit(app));
    await page.locator('.target-viewport [role="row"][aria-rowindex="2"]').waitFor();

    // Unit A: a unit of its own, with one of the manifests B also received.
    unitA = createBackend({ kdf: fastKdf });
    await atA(unitA, 'setup.create', {
      unitName: 'PCU Karachi',
      country: 'PK',
      locode: 'PKKHI',
      adminUsername: 'amina',
      adminDisplayName: 'Amina Qureshi',
      password: 'correct horse battery',
    });
    const sample = readFileSync(path.resolve(import.meta.dirname, '../../resources/samples/msc-anna-FE541W.xlsx'));
    await atA(unitA, 'manifests.import', { files: [{ name: 'msc-anna-FE541W.xlsx', dataBase64: sample.toString('base64') }] });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await unitA?.dispose();
  });

  it("B's administrator saves B's certificate and trusts A's from its file; an officer sees the partners read-only", async () => {
    await openExchange(page);
    await expect.poll(() => heading(page).textContent()).toBe('Exchange');
    await tab(page, 'This unit').click();
    const unit = page.getByTestId('exchange-unit');
    await unit.waitFor();
    const own = await invokeOk<{ fingerprint: string; certificatePem: string; fileName: string }>(app, 'exchange.unitCertificate', undefined);
    expect(await unit.getByTestId('unit-fingerprint').textContent()).toBe(own.fingerprint);
    const saved = await downloaded(page, () => button(unit, 'Save certificate').click());
    expect(saved.name).toBe(own.fileName);
    expect(saved.bytes.toString('utf8')).toBe(own.certificatePem);
    await saveScreen(page, 'en-exchange-unit');

    // A trusts B from the file B's administrator saved.
    await atA(unitA, 'exchange.partners.add', { name: 'PCU Dushanbe', certificateBase64: saved.bytes.toString('base64') });

    const certificateA = await atA<{ certificatePem: string; fileName: string; fingerprint: string }>(unitA, 'exchange.unitCertificate', undefined);
    await tab(page, 'Partners').click();
    const add = page.getByTestId('add-partner');
    await button(add, 'Add partner').click();
    expect(await add.locator('.field-error').allTextContents()).toEqual(['Enter the name of the partner unit.', 'Choose the partner’s certificate file.']);
    await field(add, 'Name of the partner unit').fill('PCU Karachi');
    await page.getByTestId('partner-certificate-input').setInputFiles({ name: certificateA.fileName, mimeType: 'application/x-pem-file', buffer: Buffer.from(certificateA.certificatePem) });
    expect(await add.textContent()).toContain(`Certificate file: ${certificateA.fileName}`);
    await button(add, 'Add partner').click();
    await expect.poll(() => page.locator('main').getByRole('status').first().textContent()).toContain(`PCU Karachi was added as a partner unit. Fingerprint: ${certificateA.fingerprint}`);
    const row = page.getByTestId('partner-table').locator('tbody tr', { hasText: 'PCU Karachi' });
    expect(await row.textContent()).toContain('Trusted');
    expect(await row.getByTestId('partner-fingerprint').textContent()).toBe(certificateA.fingerprint);
    await saveScreen(page, 'en-exchange-partners');
    // The same certificate twice is refused with the partner's name.
    await field(add, 'Name of the partner unit').fill('Karachi again');
    await page.getByTestId('partner-certificate-input').setInputFiles({ name: certificateA.fileName, mimeType: 'application/x-pem-file', buffer: Buffer.from(certificateA.certificatePem) });
    await button(add, 'Add partner').click();
    await expect.poll(() => add.getByRole('alert').textContent()).toBe('This certificate is already registered as partner “PCU Karachi”.');
    await saveScreen(page, 'en-exchange-partner-refused');

    await switchUser(page, officer);
    await openExchange(page);
    await tab(page, 'Partners').click();
    await page.getByTestId('partner-table').waitFor();
    expect(await page.locator('main').textContent()).toContain('Only an administrator can add or revoke partner units.');
    expect(await page.getByTestId('add-partner').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Revoke partner/ }).count()).toBe(0);
  }, 120_000);

  it("B's officer imports A's alert: active, with watch-list entries, and the reason in the detail", async () => {
    // The container A alerts on: one B also has, ranked low at B (not on B's watch list).
    const inA = unitA.services.sessions.store().db.prepare('SELECT id, container_number AS container FROM consignments WHERE container_number IS NOT NULL').all() as { id: number; container: string }[];
    const rankedAtB = app.backend.services.sessions
      .store()
      .db.prepare('SELECT c.container_number AS container, s.total FROM consignments c JOIN scores s ON s.consignment_id = c.id WHERE c.container_number IS NOT NULL ORDER BY s.total ASC, c.id')
      .all() as { container: string; total: number }[];
    const shared = rankedAtB.find((line) => line.container !== 'MSCU1234566' && inA.some((candidate) => candidate.container === line.container));
    if (!shared) throw new Error('no container in both units');
    container = shared.container;
    const consignmentA = inA.find((line) => line.container === container);
    consignmentAId = consignmentA?.id ?? 0;
    const partnerB = (await atA<Partner[]>(unitA, 'exchange.partners.list', undefined)).find((partner) => partner.name === 'PCU Dushanbe');
    const exported = await atA<Exported>(unitA, 'exchange.export', {
      kind: 'alert',
      consignmentId: consignmentA?.id,
      recipients: [partnerB?.id],
      severity: 'critical',
      reason: REASON,
      requestedAction: 'examine',
      expectedArrival: null,
      validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(exported.encrypted).toBe(true);
    alertFile = { name: exported.fileName, bytes: Buffer.from(exported.packageBase64, 'base64') };

    await tab(page, 'Inbox').click();
    await page.getByTestId('package-input').setInputFiles({ name: alertFile.name, mimeType: 'application/octet-stream', buffer: alertFile.bytes });
    await expect.poll(() => outcomes(page).first().getAttribute('data-state'), { timeout: 30_000 }).toBe('accepted');
    const [received] = await invokeOk<ReceivedRow[]>(app, 'exchange.inbox', undefined);
    expect(received).toMatchObject({ kind: 'alert', state: 'active', partnerName: 'PCU Karachi' });
    expect(received?.watchEntries).toBeGreaterThan(0);
    expect(await outcomes(page).first().textContent()).toContain(`${alertFile.name}: Alert from PCU Karachi imported`);
    expect(await outcomes(page).first().textContent()).toContain(`${received?.watchEntries} watch-list entries created.`);

    const row = page.getByTestId('received-table').locator(`tr[data-received="${received?.id}"]`);
    expect(await row.getByTestId('received-state').textContent()).toBe('Active');
    expect(await row.getByTestId('received-watch-entries').textContent()).toBe(String(received?.watchEntries));
    const detail = page.getByTestId('received-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('alert-reason').textContent()).toBe(REASON);
    expect(await detail.getByTestId('exchange-consignment').textContent()).toContain(container);
    expect(await detail.textContent()).toContain('Signed and encrypted to this unit');
    expect(await detail.textContent()).toContain('Critical');
    await saveWhole(page, 'en-exchange-inbox');
  }, 120_000);

  it('refuses the same file again and a tampered copy, each naming its file, and stores nothing', async () => {
    const copy = `copy-of-${alertFile.name}`;
    const broken = `tampered-${alertFile.name}`;
    await page.getByTestId('package-input').setInputFiles([
      { name: copy, mimeType: 'application/octet-stream', buffer: alertFile.bytes },
      { name: broken, mimeType: 'application/octet-stream', buffer: tampered(alertFile.bytes) },
    ]);
    await expect.poll(() => outcomes(page).evaluateAll((items) => items.map((item) => item.getAttribute('data-state'))), { timeout: 30_000 }).toEqual(['refused', 'refused']);
    const texts = await outcomes(page).allTextContents();
    expect(texts[0]).toMatch(new RegExp(`^${copy.replace(/\./g, '\\.')} was already imported on .+ \\(package [0-9a-f-]{36}\\)\\. Nothing was stored twice\\.$`));
    expect(texts[1]).toMatch(new RegExp(`^${broken.replace(/\./g, '\\.')} (was changed after it was signed|is not a signed exchange package)`));
    expect(await invokeOk<ReceivedRow[]>(app, 'exchange.inbox', undefined)).toHaveLength(1);
    await saveScreen(page, 'en-exchange-inbox-refused');
  }, 60_000);

  it("A's seizure notice with a photo: stored, the driver withheld, the photo shown", async () => {
    // A examines the alerted consignment itself, finds cocaine with the driver, and tells B.
    const hours = (count: number) => new Date(Date.now() - count * 3_600_000).toISOString();
    const examination = await atA<{ id: number; caseId: number }>(unitA, 'examinations.record', {
      consignmentId: consignmentAId,
      method: 'physical_full',
      location: 'Karachi South Asia Pakistan Terminal, bay 4',
      startedAt: hours(5),
      endedAt: hours(3),
      timeZone: 'Asia/Karachi',
      participants: [{ name: 'Amina Qureshi', agency: 'Pakistan Customs', role: 'Examining officer' }],
      sealsFound: [],
      condition: { doors: 'ok', floor: 'ok', roof: 'ok', walls: 'ok', frontWall: 'ok', undercarriage: 'not_checked', refrigerationUnit: 'modified' },
      samples: [],
      result: 'seizure',
    });
    const photo = demoPhotoPng();
    await atA(unitA, 'attachments.add', {
      caseId: examination.caseId,
      examinationId: examination.id,
      fileName: 'evaporator-panel.png',
      mediaType: 'image/png',
      dataBase64: photo.toString('base64'),
      caption: 'Bricks behind the evaporator panel',
    });
    const seizureA = await atA<{ id: number }>(unitA, 'seizures.record', {
      caseId: examination.caseId,
      examinationId: examination.id,
      category: 'drugs.cocaine',
      description: '18 taped bricks',
      quantity: '20.4',
      quantityUnit: 'kg',
      concealmentMethod: 'False panel in the refrigeration unit',
      parties: [{ name: 'Imran Baloch', role: 'driver' }],
    });
    const partnerB = (await atA<Partner[]>(unitA, 'exchange.partners.list', undefined)).find((partner) => partner.name === 'PCU Dushanbe');
    const notice = await atA<Exported>(unitA, 'exchange.export', {
      kind: 'seizure-notice',
      seizureId: seizureA.id,
      recipients: [partnerB?.id],
      includePersonalData: false,
      includePhotos: true,
      note: 'Found after your colleagues’ alert; same reefer pattern',
    });
    expect(notice.personalData).toBe('masked');

    await page.getByTestId('package-input').setInputFiles({ name: notice.fileName, mimeType: 'application/octet-stream', buffer: Buffer.from(notice.packageBase64, 'base64') });
    await expect.poll(() => outcomes(page).first().getAttribute('data-state'), { timeout: 30_000 }).toBe('accepted');
    expect(await outcomes(page).first().textContent()).toContain(`${notice.fileName}: Seizure notice from PCU Karachi imported`);
    const detail = page.getByTestId('received-detail');
    await expect.poll(() => detail.getAttribute('data-kind')).toBe('seizure-notice');
    const facts = detail.getByTestId('notice-facts');
    expect(await facts.textContent()).toContain('Cocaine');
    expect(await facts.textContent()).toContain('Private persons masked');
    expect(await detail.getByTestId('exchange-parties').first().textContent()).toContain('private person, withheld');
    expect(await detail.textContent()).not.toContain('Imran Baloch');
    const image = detail.getByTestId('received-photo').locator('img');
    await expect.poll(() => image.getAttribute('src'), { timeout: 30_000 }).toMatch(/^data:image\/png;base64,/);
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(480);
    expect(await image.getAttribute('alt')).toBe('Bricks behind the evaporator panel');
    const row = page.getByTestId('received-table').locator('tbody tr').first();
    expect(await row.getByTestId('received-state').textContent()).toBe('Stored');
    await saveWhole(page, 'en-exchange-inbox-seizure');
  }, 120_000);

  it('the next manifest with the container puts it first in targeting, with the alert as reason', async () => {
    await invokeOk(app, 'manifests.import', { files: [{ name: 'msc-anna-FE777W.csv', dataBase64: manifestWith(container).toString('base64') }] });
    await page.keyboard.press('Control+1');
    await expect.poll(() => heading(page).textContent()).toBe('Targeting');
    const first = page.locator('.target-viewport [role="row"][aria-rowindex="2"]');
    await expect.poll(() => first.locator('.col-container').textContent(), { timeout: 30_000 }).toContain(container);
    const detail = page.locator('.target-detail');
    await expect.poll(() => detail.locator('.watch-reason').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(REASON)]));
    await saveScreen(page, 'en-exchange-targeting');
  }, 120_000);

  it('B sends A an alert from the consignment detail; the preview comes first and A reads the package', async () => {
    const detail = page.locator('.target-detail');
    await button(detail, 'Send alert to partner units…').click();
    const dialog = page.getByTestId('alert-export-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('not-encrypted-warning').textContent()).toBe('Signed but not encrypted: anyone holding the file can read it.');
    await button(dialog, 'Preview…').click();
    expect(await dialog.locator('.field-error').textContent()).toBe('Give the reason the partner unit will read.');
    await field(dialog, 'Reason').fill('Alert received from PCU Karachi confirmed by our own profile');
    await field(dialog, 'Severity').selectOption('high');
    await field(dialog, 'Requested action').selectOption('scan');
    expect(await field(dialog, 'Valid until').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await dialog.getByRole('checkbox', { name: /^PCU Karachi/ }).check();
    expect(await dialog.getByTestId('not-encrypted-warning').count()).toBe(0);
    await saveScreen(page, 'en-exchange-alert-form');
    await button(dialog, 'Preview…').click();
    const preview = dialog.getByTestId('export-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Signed and encrypted to: PCU Karachi');
    expect(await preview.getByTestId('exchange-consignment').textContent()).toContain(container);
    await saveWhole(page, 'en-exchange-alert-export');
    const file = await downloaded(page, () => button(dialog, 'Create package').click());
    await expect.poll(() => dialog.getByTestId('export-done').textContent()).toContain(`Package ${file.name} created.`);
    await button(dialog, 'Close').click();
    await dialog.waitFor({ state: 'detached' });

    const atKarachi = await atA<ReceivedRow>(unitA, 'exchange.import', { fileName: file.name, packageBase64: file.bytes.toString('base64') });
    expect(atKarachi).toMatchObject({ kind: 'alert', partnerName: 'PCU Dushanbe', state: 'active' });
  }, 120_000);

  it('B sends a seizure notice with private persons masked, shown in the preview; A receives it masked', async () => {
    const cases = await invokeOk<{ id: number; reference: string }[]>(app, 'cases.list', { limit: 10, offset: 0 });
    const demoCase = cases[0];
    if (!demoCase) throw new Error('the demo unit has no case');
    // The demo seizure names only a company (the consignee): the driver found with the goods is recorded on a second one.
    const seizure = await invokeOk<{ id: number; parties: { name: string }[] }>(app, 'seizures.record', {
      caseId: demoCase.id,
      category: 'drugs.cocaine',
      description: 'Two bricks in the driver’s cab',
      quantity: '2.2',
      quantityUnit: 'kg',
      concealmentMethod: 'Under the passenger seat',
      parties: [
        { name: 'Rustam Davlatov', role: 'driver' },
        { name: 'Tajtrans Service LLC', role: 'carrier' },
      ],
    });

    await page.keyboard.press('Control+3');
    await tab(page, 'Cases').click();
    await button(page.getByTestId('case-table'), demoCase.reference).click();
    const view = page.getByTestId('case-view');
    await view.waitFor();
    // A case's consignment can be sent as an alert too, with the same dialog as in targeting.
    const firstLine = view.getByTestId('case-consignments').locator('tbody tr').first();
    const container = (await firstLine.locator('td').first().textContent())?.trim() ?? '';
    await button(firstLine, `Send alert to partner units about ${container}…`).click();
    const alertDialog = page.getByTestId('alert-export-dialog');
    await alertDialog.waitFor();
    expect(await alertDialog.textContent()).toContain(container);
    await page.keyboard.press('Escape');
    await alertDialog.waitFor({ state: 'detached' });
    await button(view, `Send seizure notice for Seizure No. ${seizure.id}…`).click();
    const dialog = page.getByTestId('seizure-export-dialog');
    await dialog.waitFor();
    const personal = field(dialog, 'Include personal data of private persons');
    expect(await personal.isChecked()).toBe(false);
    await dialog.getByRole('checkbox', { name: /^PCU Karachi/ }).check();
    await field(dialog, 'Note for the partner unit').fill('Same concealment as your alert 2026/41');
    await saveWhole(page, 'en-exchange-seizure-form');
    await button(dialog, 'Preview…').click();
    const preview = dialog.getByTestId('export-preview');
    await preview.waitFor();
    type Party = { masked: boolean; name: string | null };
    const shown = await invokeOk<{ privatePersons: number; parties: Party[]; consignment: { parties: Party[] } | null }>(app, 'exchange.preview', {
      kind: 'seizure-notice',
      seizureId: seizure.id,
      recipients: [],
      includePersonalData: false,
      includePhotos: false,
      note: '',
    });
    // The seizure's own parties, and those of its consignment, each shown as the partner will read them.
    const masked = [...shown.parties, ...(shown.consignment?.parties ?? [])].filter((party) => party.masked).length;
    expect(await preview.locator('.party.masked').count()).toBe(masked);
    expect(await preview.getByTestId('preview-private-persons').textContent()).toMatch(/^\d+ private persons? (is|are) withheld/);
    expect(await preview.locator('.party.masked').first().textContent()).toContain('private person, withheld');
    expect(shown.privatePersons).toBeGreaterThan(0);
    expect(await preview.textContent()).not.toContain('Rustam Davlatov');
    expect(await preview.textContent()).toContain('Tajtrans Service LLC');
    await saveWhole(page, 'en-exchange-seizure-export');
    const file = await downloaded(page, () => button(dialog, 'Create package').click());
    await dialog.getByTestId('export-done').waitFor();
    await button(dialog, 'Close').click();

    const atKarachi = await atA<ReceivedRow>(unitA, 'exchange.import', { fileName: file.name, packageBase64: file.bytes.toString('base64') });
    expect(atKarachi).toMatchObject({ kind: 'seizure-notice', state: 'stored' });
    const opened = await atA<{ payload: { seizure: { personalData: string; parties: { name: string | null; masked: boolean }[] } } }>(unitA, 'exchange.received', { id: atKarachi.id });
    expect(opened.payload.seizure.personalData).toBe('masked');
    expect(opened.payload.seizure.parties.map((party) => party.name)).not.toContain('Rustam Davlatov');

    await openExchange(page);
    await tab(page, 'Sent').click();
    const sent = page.getByTestId('sent-table');
    await sent.waitFor();
    expect(await sent.locator('tbody tr').count()).toBe(2);
    expect(await sent.locator('tbody tr').first().textContent()).toContain('Seizure notice');
    expect(await sent.locator('tbody tr').first().textContent()).toContain('PCU Karachi');
    await saveScreen(page, 'en-exchange-sent');
  }, 120_000);

  it('speaks Russian on every exchange screen', async () => {
    await languageSelect(page).selectOption('ru');
    await expect.poll(() => heading(page).textContent()).toBe('Обмен');
    await tab(page, 'Входящие').click();
    const alertRow = (await invokeOk<ReceivedRow[]>(app, 'exchange.inbox', undefined)).find((row) => row.kind === 'alert');
    await button(page.getByTestId('received-table'), `Открыть: Ориентировка ${alertRow?.subject}`).click();
    const detail = page.getByTestId('received-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('Подписан и зашифрован для этого подразделения');
    expect(await detail.textContent()).toContain('Критический');
    expect(await detail.textContent()).toContain('Провести физический досмотр');
    await saveWhole(page, 'ru-exchange-inbox');
    await tab(page, 'Партнёры').click();
    await page.getByTestId('partner-table').waitFor();
    expect(await page.getByTestId('partner-table').textContent()).toContain('Доверенный');
    await saveScreen(page, 'ru-exchange-partners');
    await tab(page, 'Это подразделение').click();
    await page.getByTestId('exchange-unit').waitFor();
    await saveScreen(page, 'ru-exchange-unit');
    await tab(page, 'Отправленные').click();
    await page.getByTestId('sent-table').waitFor();
    await saveScreen(page, 'ru-exchange-sent');

    await page.keyboard.press('Control+1');
    await button(page.locator('.target-detail'), 'Отправить ориентировку партнёрам…').click();
    const alert = page.getByTestId('alert-export-dialog');
    await field(alert, 'Основание').fill('Проверка перевода');
    await button(alert, 'Предпросмотр…').click();
    await alert.getByTestId('export-preview').waitFor();
    expect(await alert.textContent()).toContain('Подписан, но не зашифрован: прочитать его может любой, у кого есть файл.');
    await saveWhole(page, 'ru-exchange-alert-export');
    await page.keyboard.press('Escape');
    await alert.waitFor({ state: 'detached' });

    await page.keyboard.press('Control+3');
    await tab(page, 'Дела').click();
    const cases = await invokeOk<{ id: number; reference: string }[]>(app, 'cases.list', { limit: 10, offset: 0 });
    const demoCase = cases[0];
    await button(page.getByTestId('case-table'), demoCase?.reference ?? '').click();
    const view = page.getByTestId('case-view');
    await view.waitFor();
    await view.getByRole('button', { name: /^Отправить уведомление об изъятии: / }).first().click();
    const notice = page.getByTestId('seizure-export-dialog');
    await notice.waitFor();
    await saveWhole(page, 'ru-exchange-seizure-form');
    await button(notice, 'Предпросмотр…').click();
    await notice.getByTestId('export-preview').waitFor();
    await saveWhole(page, 'ru-exchange-seizure-export');
    await page.keyboard.press('Escape');
    await notice.waitFor({ state: 'detached' });

    await languageSelect(page).selectOption('en');
    await expect.poll(() => heading(page).textContent()).toBe('Cases');
    expect(app.consoleErrors).toEqual([]);
    // The officer's screens never asked for what only an administrator may do.
    expect(app.calls).not.toContain('exchange.partners.revoke');
  }, 120_000);
  it('an administrator revokes the partner with a reason; its next package is refused and nothing is stored', async () => {
    await switchUser(page, administrator);
    await openExchange(page);
    await tab(page, 'Partners').click();
    await button(page.getByTestId('partner-table'), 'Revoke partner PCU Karachi…').click();
    const dialog = page.getByTestId('revoke-partner-dialog');
    await button(dialog, 'Revoke partner').click();
    expect(await dialog.locator('.field-error').count()).toBe(1);
    await dialog.locator('textarea').fill('Certificate reported lost by PCU Karachi');
    await button(dialog, 'Revoke partner').click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('partner-table').locator('tbody tr', { hasText: 'PCU Karachi' });
    await expect.poll(() => row.textContent()).toContain('Revoked');
    expect(await row.textContent()).toContain('Certificate reported lost by PCU Karachi');
    expect(await button(row, 'Revoke partner PCU Karachi…').count()).toBe(0);
    await saveScreen(page, 'en-exchange-partners-revoked');

    const inA = unitA.services.sessions.store().db.prepare('SELECT id FROM consignments WHERE container_number IS NOT NULL AND id <> ? ORDER BY id LIMIT 1').get(consignmentAId) as { id: number };
    const exported = await atA<Exported>(unitA, 'exchange.export', {
      kind: 'alert',
      consignmentId: inA.id,
      recipients: [],
      severity: 'medium',
      reason: 'Sent after the revocation',
      requestedAction: 'monitor',
      expectedArrival: null,
      validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    });
    const before = (await invokeOk<ReceivedRow[]>(app, 'exchange.inbox', undefined)).length;
    await tab(page, 'Inbox').click();
    await page.getByTestId('package-input').setInputFiles({ name: exported.fileName, mimeType: 'application/octet-stream', buffer: Buffer.from(exported.packageBase64, 'base64') });
    await expect.poll(() => outcomes(page).first().getAttribute('data-state'), { timeout: 30_000 }).toBe('refused');
    expect(await outcomes(page).first().textContent()).toMatch(new RegExp(`^${exported.fileName.replace(/\./g, '\\.')} comes from PCU Karachi, whose partnership was revoked on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\. Nothing was stored\\.$`));
    expect(await invokeOk<ReceivedRow[]>(app, 'exchange.inbox', undefined)).toHaveLength(before);
    expect(app.consoleErrors).toEqual([]);
  }, 120_000);
});

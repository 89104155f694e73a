import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallClock } from '../../renderer/src/features/cases/time';
import { launchApp, type HarnessApp } from '../harness/app';
import { createDemoUnit, invokeOk, switchUser, type DemoAccount } from './demo-unit';
import { saveScreen } from './screens';

/**
 * Casework end to end in Chromium over the real services of a demo unit:
 * an officer selects a line in Targeting (S, with a reason), finds it in the
 * examination queue, records the examination with two photos (their SHA-256
 * shown as main took it), a cocaine seizure and two custody hand-overs; a
 * supervisor approves the examination and refers the case to the prosecutor.
 * The targeting hit rates of the line's indicators follow. Every screen is
 * photographed in English and in Russian. The steps share one app and run in
 * order, as a day at the port does.
 */

let OFFICER: DemoAccount;
let SUPERVISOR: DemoAccount;

/** What only a supervisor may call: an officer's casework screens must never ask (main would audit the refusal). */
const supervisorChannels = ['examinations.approve', 'cases.assign', 'records.void'];

const heading = (page: Page) => page.locator('main[data-section] h1');
const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const languageSelect = (page: Page) => page.locator('.language-switch select');
const examForm = (page: Page) => page.getByTestId('examination-form');
const caseView = (page: Page) => page.getByTestId('case-view');

/** The section scrolls inside the window: start each picture from the top. */
async function scrollToTop(page: Page): Promise<void> {
  await page.locator('main[data-section]').evaluate((element) => element.scrollTo(0, 0));
}

/** A long screen whole: the window is made as tall as the section for the picture, then put back. */
async function saveWhole(page: Page, name: string): Promise<void> {
  await scrollToTop(page);
  const hidden = await page.locator('main[data-section]').evaluate((element) => element.scrollHeight - element.clientHeight);
  const size = page.viewportSize();
  if (!size || hidden <= 0) {
    await saveScreen(page, name);
    return;
  }
  await page.setViewportSize({ width: size.width, height: size.height + hidden });
  try {
    await saveScreen(page, name);
  } finally {
    await page.setViewportSize(size);
  }
}

const logInAs = (app: HarnessApp, user: DemoAccount) => switchUser(app.page, user);
const invoke = invokeOk;

// ── A tiny PNG encoder: two distinct photos without fixtures on disk ─────────────

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** An RGB picture of `width`×`height` whose pixels `paint` decides: a stand-in for a camera photo. */
function png(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x += 1) raw.set(paint(x, y), row + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
// Container doors (blue-grey, a seal in red) and a false floor with packages (brown, white bricks).
const doorsPhoto = png(480, 360, (x, y) => (Math.abs(x - 240) < 4 ? [40, 40, 40] : x > 300 && x < 316 && y > 170 && y < 190 ? [200, 30, 30] : [70 + (y % 40), 95 + (x % 30), 120]));
const floorPhoto = png(400, 300, (x, y) => ((x % 80 < 60 && y % 50 < 35 && y > 150) ? [235, 235, 228] : [120 + (x % 20), 80, 40 + (y % 25)]));
const HOUR = 3_600_000;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Funnel {
  scored: number;
  selected: number;
  examined: number;
  seizures: number;
}
type HitRates = { profile: Funnel; indicators: (Funnel & { indicatorId: string })[] };

describe('casework: queue, examination with photos, seizure, custody, approval, referral', () => {
  let app: HarnessApp;
  let page: Page;
  let consignmentId: number;
  let container: string;
  let firedIndicators: string[];
  let versionId: number;
  let before: HitRates;
  let timeZone: string;
  let caseReference: string;

  beforeAll(async () => {
    app = await launchApp({ demo: true, viewport: { width: 1500, height: 1000 } });
    page = app.page;
    ({ officer: OFFICER, supervisor: SUPERVISOR } = await createDemoUnit(app));
    // setup.demo logs the administrator in: let the workstation finish loading before switching.
    await page.locator('.target-viewport [role="row"][aria-rowindex="2"]').waitFor();
    await logInAs(app, OFFICER);
    timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('officer selects the riskiest undecided line in Targeting with S and a reason', async () => {
    await expect.poll(() => heading(page).textContent()).toBe('Targeting');
    // The line and its indicators, as the backend sees them, to follow the hit rates later.
    const list = await invoke<{ rows: { id: number; container: string | null }[] }>(app, 'targets.list', { filter: { decision: 'none' }, sort: 'score', limit: 1, offset: 0 });
    const top = list.rows[0];
    if (!top?.container) throw new Error('the demo unit has no undecided container line');
    consignmentId = top.id;
    container = top.container;
    const detail = await invoke<{ fired: { id: string }[] }>(app, 'targets.detail', { consignmentId });
    firedIndicators = detail.fired.map((indicator) => indicator.id);
    expect(firedIndicators.length).toBeGreaterThan(0);
    const profiles = await invoke<{ id: number; active: boolean }[]>(app, 'profiles.list', undefined);
    versionId = profiles.find((profile) => profile.active)?.id ?? 0;
    before = await invoke<HitRates>(app, 'profiles.hitRates', { versionId });

    await page.locator('form.target-filters label', { hasText: 'Decision' }).locator('select').selectOption('none');
    await button(page.locator('form.target-filters'), 'Apply').click();
    const first = page.locator('.target-viewport [role="row"][aria-rowindex="2"]');
    await expect.poll(() => first.locator('.col-container').textContent()).toBe(container);
    await page.getByTestId('target-viewport').focus();
    await page.keyboard.press('s');
    const dialog = page.locator('dialog.decision-dialog');
    await dialog.waitFor();
    await dialog.locator('textarea').fill('Cover load for cocaine: vague goods, first-time consignee, transshipment via a high-risk port');
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
  });

  it('the selected line waits in the examination queue with the reason and who selected it', async () => {
    await page.keyboard.press('Control+3');
    await expect.poll(() => heading(page).textContent()).toBe('Cases');
    await tab(page, 'Examination queue').click();
    const row = page.locator(`[data-testid="queue-table"] tbody tr[data-consignment="${consignmentId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Cover load for cocaine');
    expect(await row.textContent()).toContain(OFFICER.username);
    expect(await row.locator('.tag').first().textContent()).toBe('targeted');
    await saveScreen(page, 'en-cases-queue');
  });

  it('examination form: defaults, validation next to the fields, then recorded with two photos and their SHA-256', async () => {
    await button(page, `Examine ${container}`).click();
    const form = examForm(page);
    await form.waitFor();
    await expect.poll(() => tab(page, `Examination: ${container}`).getAttribute('aria-selected')).toBe('true');

    // Sensible defaults: start now in this workstation's zone, the officer listed first, the declared seals ready.
    expect(await field(form, 'Time zone').inputValue()).toBe(timeZone);
    expect(await field(form, 'Started').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const people = form.locator('[data-row="participant"]');
    expect(await people.count()).toBe(1);
    expect(await field(people.first(), 'Person 1').inputValue()).not.toBe('');
    // The cursor starts in the first field: the keyboard is enough.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');

    // Examined yesterday evening: the evidence then waits overnight, which the custody log will flag.
    const start = wallClock(new Date(Date.now() - 30 * HOUR), timeZone);
    const tooEarlyEnd = wallClock(new Date(Date.now() - 31 * HOUR), timeZone);
    const end = wallClock(new Date(Date.now() - 28.5 * HOUR), timeZone);
    await field(form, 'Method').selectOption('physical_full');
    await field(form, 'Location').fill('Dry port examination shed, bay 3');
    await field(form, 'Started').fill(start);
    await field(form, 'Ended').fill(tooEarlyEnd);
    await button(form, 'Record examination').click();
    // Refused here, before any call: the end before the start, and no result chosen.
    await expect.poll(() => form.locator('.field.invalid').count()).toBeGreaterThanOrEqual(2);
    expect(await form.getByRole('alert').textContent()).toBe('Correct the highlighted fields.');
    expect(await form.locator('.field.invalid .field-error').allTextContents()).toEqual(
      expect.arrayContaining(['The examination cannot end before it starts.', 'Choose the result.']),
    );
    expect(await field(form, 'Ended').getAttribute('aria-invalid')).toBe('true');
    expect(app.calls).not.toContain('examinations.record');
    await saveWhole(page, 'en-examination-form-refused');

    await field(form, 'Ended').fill(end);
    await button(form, 'Add a person').click();
    const witness = people.nth(1);
    await field(witness, 'Person 2').fill('Jamshed Qodirov');
    await field(witness, 'Agency').fill('Drug Control Agency');
    await field(witness, 'Role').fill('Witness');
    const declaredSeals = form.locator('[data-row="seal"][data-declared="true"]');
    for (let index = 0; index < (await declaredSeals.count()); index += 1) {
      expect(await declaredSeals.nth(index).locator('select').inputValue()).toBe('match');
    }
    await field(form, 'New customs seal').fill('TJ-CUS 0004711');
    await button(form, 'Mark the parts not checked as OK').click();
    await form.locator('fieldset[data-part="floor"]').getByLabel('modified', { exact: true }).check();
    await button(form, 'Add a sample').click();
    const sample = form.locator('[data-row="sample"]').first();
    await field(sample, 'Sample 1: bag number').fill('EV-2026-0001');
    await field(sample, 'Seal number').fill('S-778812');
    await field(sample, 'What was sampled').fill('White powder from a brick under the floor, about 5 g');
    await field(sample, 'Taken at').fill(end);

    await form.getByTestId('photo-input').setInputFiles([
      { name: 'doors.png', mimeType: 'image/png', buffer: doorsPhoto },
      { name: 'false-floor.png', mimeType: 'image/png', buffer: floorPhoto },
    ]);
    const photos = form.getByTestId('photo-item');
    await expect.poll(() => photos.count()).toBe(2);
    await expect.poll(() => form.locator('img.photo-thumb').count()).toBe(2);
    // The thumbnail is drawn here, small, as JPEG.
    const thumb = await form.locator('img.photo-thumb').first().getAttribute('src');
    expect(thumb).toMatch(/^data:image\/jpeg;base64,/);
    await field(form, 'Caption of photo 1').fill('Doors on arrival, seal intact');
    await field(form, 'Caption of photo 2').fill('False floor opened: bricks wrapped in tape');
    await field(form, 'Result').selectOption('seizure');
    await field(form, 'Notes').fill('Floor panels re-welded; 20 bricks found under the floor between pallets 3 and 5.');
    await saveWhole(page, 'en-examination-form');

    await field(form, 'Notes').focus();
    await page.keyboard.press('Control+Enter');
    const recorded = page.getByTestId('exam-recorded');
    await recorded.waitFor();
    await expect.poll(() => form.getByTestId('photo-sha256').count(), { timeout: 20_000 }).toBe(2);
    const hashes = await form.getByTestId('photo-sha256').locator('code').allTextContents();
    expect(hashes).toEqual([sha256(doorsPhoto), sha256(floorPhoto)]);
    expect(await recorded.textContent()).toMatch(/Examination No\. \d+ recorded in case \S+\./);
    expect(await recorded.textContent()).toContain('Photos stored: 2 of 2.');
    await saveWhole(page, 'en-examination-recorded');
    await button(recorded, 'Open the case').click();
    await caseView(page).waitFor();
  });

  it('case view: the examination with its photos; a click shows the original', async () => {
    const view = caseView(page);
    caseReference = (await view.getByTestId('case-reference').textContent()) ?? '';
    expect(caseReference).toMatch(/\S+-\d{4}-\d{4}/);
    // Recording the examination moved the case on by itself.
    expect(await view.getByTestId('case-header').locator('.case-status').getAttribute('data-status')).toBe('under_examination');
    const card = view.getByTestId('examination-card');
    expect(await card.count()).toBe(1);
    expect(await card.getByTestId('approval-state').textContent()).toBe('awaiting approval');
    expect(await card.textContent()).toContain('Jamshed Qodirov — Drug Control Agency, Witness');
    expect(await card.textContent()).toContain('Floor: modified');
    const attachments = card.getByTestId('attachment');
    expect(await attachments.count()).toBe(2);
    expect(await attachments.getByTestId('attachment-sha256').allTextContents()).toEqual([sha256(doorsPhoto), sha256(floorPhoto)]);
    // An officer is offered no approval and no voiding.
    expect(await button(card, 'Approve').count()).toBe(0);
    expect(await button(card, 'Void').count()).toBe(0);

    await attachments.first().getByRole('button', { name: 'Open Doors on arrival, seal intact full size' }).click();
    const viewer = page.getByTestId('attachment-viewer');
    await viewer.waitFor();
    await expect.poll(() => viewer.locator('img.attachment-full').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await viewer.locator('code.hash').textContent()).toBe(sha256(doorsPhoto));
    await saveScreen(page, 'en-case-photo');
    await button(viewer, 'Close').click();
    await viewer.waitFor({ state: 'detached' });
  });

  it('seizure form refuses a seizure without quantity and unit, then records 24.6 kg of cocaine', async () => {
    const view = caseView(page);
    await button(view, 'Record a seizure').click();
    const form = page.getByTestId('seizure-form');
    await form.waitFor();
    await field(form, 'Category').selectOption('drugs.cocaine');
    await button(form, 'Record seizure').click();
    expect(await form.locator('.field.invalid .field-error').allTextContents()).toEqual(['A seizure needs a quantity.', 'A seizure needs a unit.']);
    expect(app.calls).not.toContain('seizures.record');
    // Categories are grouped by their WCO CEN reporting group.
    expect(await form.locator('optgroup').first().getAttribute('label')).toBe('Drugs');
    await saveWhole(page, 'en-seizure-form-refused');

    await field(form, 'Quantity').fill('24,6');
    await field(form, 'Unit').selectOption('kg');
    await field(form, 'Estimated value').fill('1476000');
    await field(form, 'Currency').fill('usd');
    await field(form, 'Concealment method').fill('hidden compartment / false wall');
    await field(form, 'Location in the container').fill('Under the floor panels between pallets 3 and 5');
    const linkConsignee = form.getByRole('button', { name: /^Link consignee / });
    if ((await linkConsignee.count()) > 0) {
      await linkConsignee.first().click();
      expect(await form.locator('[data-row="party"]').count()).toBe(1);
    }
    await saveWhole(page, 'en-seizure-form');
    await button(form, 'Record seizure').click();
    await form.waitFor({ state: 'detached' });
    const table = view.getByTestId('seizure-table');
    await table.waitFor();
    expect(await table.textContent()).toContain('Cocaine');
    expect(await table.textContent()).toContain('CEN: Drugs');
    expect(await table.textContent()).toMatch(/24\.6 kg/);
    await expect.poll(() => view.getByTestId('case-header').locator('.case-status').getAttribute('data-status')).toBe('seizure');
  });

  it('custody log: two hand-overs, the second continuing from the first; both parties required', async () => {
    const view = caseView(page);
    await button(view, 'Record hand-over').click();
    let form = page.getByTestId('custody-form');
    await form.waitFor();
    // The first hand-over is from the examining officer, of the seizure.
    expect(await field(form, 'Person handing over').inputValue()).not.toBe('');
    expect(await field(form, 'Item').locator('option:checked').textContent()).toMatch(/^Seizure No\. \d+: Cocaine, 24\.6 kg$/);
    await field(form, 'Handed over at').fill(wallClock(new Date(Date.now() - 28 * HOUR), timeZone));
    await field(form, 'Place').fill('Dry port examination shed, bay 3');
    await field(form, 'Bag numbers').fill('EV-2026-0001, EV-2026-0002');
    await field(form, 'Seal numbers').fill('S-778812, S-778813');
    await button(form, 'Record hand-over').click();
    expect(await form.locator('.field.invalid .field-error').allTextContents()).toEqual([
      'Say who received: person and agency.',
      'Say who received: person and agency.',
    ]);
    await saveWhole(page, 'en-custody-form-refused');
    await field(form, 'Person receiving').fill('Zarina Saidova');
    await field(form, 'Agency receiving').fill('Customs evidence room');
    await field(form, 'Condition').fill('Bags sealed, intact');
    await saveWhole(page, 'en-custody-form');
    await button(form, 'Record hand-over').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => view.getByTestId('custody-table').locator('tbody tr').count()).toBe(1);

    await button(view, 'Record hand-over').click();
    form = page.getByTestId('custody-form');
    await form.waitFor();
    // The chain continues: whoever received last hands over now, with the same bags and seals.
    expect(await field(form, 'Person handing over').inputValue()).toBe('Zarina Saidova');
    expect(await field(form, 'Agency handing over').inputValue()).toBe('Customs evidence room');
    expect(await field(form, 'Bag numbers').inputValue()).toBe('EV-2026-0001, EV-2026-0002');
    await field(form, 'Handed over at').fill(wallClock(new Date(Date.now() - HOUR), timeZone));
    await field(form, 'Person receiving').fill('Bakhtiyor Rakhimov');
    await field(form, 'Agency receiving').fill('Drug Control Agency forensic laboratory');
    await field(form, 'Condition').fill('Seals checked on receipt, intact');
    await page.keyboard.press('Control+Enter');
    await form.waitFor({ state: 'detached' });
    const rows = view.getByTestId('custody-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain('Bakhtiyor Rakhimov');
    // A night without a hand-over: the gap is marked on the entry that ends it.
    expect(await rows.nth(1).getAttribute('data-gap')).toBe('true');
    expect(await rows.nth(1).getByTestId('custody-gap').textContent()).toMatch(/^gap of 2\d(\.\d)? h$/);
    expect(await rows.nth(0).getAttribute('data-gap')).toBeNull();

    // A correction is a new entry naming the one it corrects, only with a reason; the original stays.
    const firstId = await rows.nth(0).getAttribute('data-custody');
    await button(rows.nth(0), `Correct hand-over No. ${firstId}`).click();
    form = page.getByTestId('custody-form');
    await form.waitFor();
    expect(await field(form, 'Person receiving').inputValue()).toBe('Zarina Saidova');
    await field(form, 'Condition').fill('Bags sealed, intact; bag EV-2026-0002 torn at one corner, resealed in EV-2026-0003');
    await button(form, 'Record correction').click();
    expect(await form.locator('.field.invalid .field-error').allTextContents()).toEqual(['Say why the entry is corrected.']);
    await field(form, 'Reason for the correction').fill('The torn bag was not noted at the hand-over');
    await button(form, 'Record correction').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => rows.count()).toBe(3);
    const original = view.locator(`[data-testid="custody-table"] tr[data-custody="${firstId}"]`);
    expect(await original.textContent()).toMatch(/Corrected by No\. \d+\./);
    expect(await view.getByTestId('custody-table').textContent()).toContain(`Corrects No. ${firstId}.`);
    expect(await view.getByTestId('custody-table').textContent()).toContain('reason: The torn bag was not noted at the hand-over');

    await field(view, 'New note').fill('Consignee’s director summoned for questioning on Monday.');
    await button(view, 'Add note').click();
    await expect.poll(() => view.getByTestId('case-note').count()).toBe(1);
    await saveWhole(page, 'en-case-view-officer');
    for (const channel of supervisorChannels) expect(app.calls).not.toContain(channel);
  });

  it('the case list finds the case by words and filters', async () => {
    await tab(page, 'Cases').click();
    const list = page.getByTestId('case-list');
    await list.waitFor();
    await field(list, 'Words').fill(container);
    await button(list, 'Show').click();
    const table = page.getByTestId('case-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr').first().textContent()).toContain(caseReference);
    await field(list, 'Year').fill('19');
    await button(list, 'Show').click();
    expect(await list.locator('.field-error').textContent()).toBe('Enter a year such as 2026.');
    await field(list, 'Year').fill(String(new Date().getFullYear()));
    await button(list, 'Show').click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await button(list, 'Clear').click();
    // The demo unit's own case is there too.
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(1);
    await saveScreen(page, 'en-cases-list');
  });

  it('supervisor approves the examination, voids the note with a reason, and refers the case', async () => {
    await logInAs(app, SUPERVISOR);
    await page.keyboard.press('Control+3');
    await tab(page, 'Cases').click();
    const list = page.getByTestId('case-list');
    await field(list, 'Awaiting approval').check();
    await button(list, 'Show').click();
    const row = page.locator('[data-testid="case-table"] tbody tr', { hasText: caseReference });
    await row.waitFor();
    await button(row, caseReference).click();
    const view = caseView(page);
    await view.waitFor();
    await expect.poll(() => view.getByTestId('case-reference').textContent()).toBe(caseReference);

    // No referral before approval: the button says why it is not available.
    const refer = view.locator('[data-status-action="referred"]');
    expect(await refer.isDisabled()).toBe(true);
    expect(await view.locator('#status-blocked').textContent()).toBe('A referral needs an examination approved by a supervisor.');
    await saveWhole(page, 'en-case-view-supervisor');

    const card = view.getByTestId('examination-card');
    await button(card, 'Approve').click();
    await expect.poll(() => card.getByTestId('approval-state').textContent()).toMatch(new RegExp(`^approved by ${SUPERVISOR.username}, `));

    const note = view.getByTestId('case-note');
    await button(note, 'Void').click();
    const voiding = page.getByTestId('void-dialog');
    await voiding.waitFor();
    await button(voiding, 'Void the record').click();
    expect(await voiding.locator('.field-error').textContent()).toBe('Give a reason.');
    await voiding.locator('textarea').fill('Entered in the wrong case: the summons belongs to case of the consignee’s other shipment');
    await saveScreen(page, 'en-void-dialog');
    await button(voiding, 'Void the record').click();
    await voiding.waitFor({ state: 'detached' });
    await expect.poll(() => note.getByTestId('voided-note').textContent()).toContain('Entered in the wrong case');
    expect(await note.evaluate((element) => element.classList.contains('voided'))).toBe(true);

    await expect.poll(() => refer.isDisabled()).toBe(false);
    await refer.click();
    const dialog = page.getByTestId('status-dialog');
    await dialog.waitFor();
    await dialog.locator('textarea').fill('Prosecutor’s office of the Sughd region, letter 14/2-311');
    await button(dialog, 'Refer to prosecutor').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => view.getByTestId('case-header').locator('.case-status').textContent()).toBe('referred to prosecutor');
    const timeline = view.getByTestId('case-timeline');
    expect(await timeline.textContent()).toContain('Examination approved');
    expect(await timeline.textContent()).toContain('Seizure');
    expect(await timeline.textContent()).toContain('Hand-over');
    await saveWhole(page, 'en-case-view-referred');
  });

  it('the hit rates of the line’s indicators count its selection, examination and seizure', async () => {
    const after = await invoke<HitRates>(app, 'profiles.hitRates', { versionId });
    expect(after.profile.seizures).toBe(before.profile.seizures + 1);
    for (const id of firedIndicators) {
      const was = before.indicators.find((row) => row.indicatorId === id) ?? { selected: 0, examined: 0, seizures: 0 };
      const now = after.indicators.find((row) => row.indicatorId === id);
      expect(now, id).toBeDefined();
      expect({ id, selected: now?.selected, examined: now?.examined, seizures: now?.seizures }).toEqual({
        id,
        selected: was.selected + 1,
        examined: was.examined + 1,
        seizures: was.seizures + 1,
      });
    }
    // And the Profiles tab shows it.
    await page.keyboard.press('Control+1');
    await tab(page, 'Profiles').click();
    await page.getByTestId('profile-hit-rates').waitFor();
    await expect.poll(() => page.locator(`[data-testid="profile-hit-table"] tr[data-indicator="${firedIndicators[0]}"]`).count()).toBe(1);
  });

  it('several queued consignments open one case together', async () => {
    const list = await invoke<{ rows: { id: number; container: string | null }[] }>(app, 'targets.list', { filter: { decision: 'none' }, sort: 'score', limit: 2, offset: 0 });
    expect(list.rows.length).toBe(2);
    for (const row of list.rows) {
      await invoke(app, 'targets.decide', { consignmentId: row.id, choice: 'select', reason: 'Same consignee and route as the seizure in ' + caseReference });
    }
    await page.keyboard.press('Control+3');
    await tab(page, 'Examination queue').click();
    const queue = page.getByTestId('queue-table');
    for (const row of list.rows) await queue.locator(`tr[data-consignment="${row.id}"] input[type="checkbox"]`).check();
    await saveScreen(page, 'en-cases-queue-chosen');
    await button(page.getByTestId('examination-queue'), 'Open a case for 2 chosen consignments').click();
    const view = caseView(page);
    await expect.poll(() => view.locator('[data-testid="case-consignments"] tbody tr').count()).toBe(2);
    expect(await view.getByTestId('case-reference').textContent()).not.toBe(caseReference);
    expect(await view.getByTestId('case-header').locator('.case-status').getAttribute('data-status')).toBe('open');
    // Back in the queue, the two wait for examination under their new case.
    await tab(page, 'Examination queue').click();
    await expect.poll(() => queue.locator(`tr[data-consignment="${list.rows[0]?.id}"] td`).nth(8).textContent()).toMatch(/\S+-\d{4}-\d{4}/);
  });

  it('speaks Russian on every casework screen', async () => {
    await languageSelect(page).selectOption('ru');
    await page.keyboard.press('Control+3');
    await expect.poll(() => heading(page).textContent()).toBe('Дела');
    await tab(page, 'Очередь досмотра').click();
    await page.locator('[data-testid="examination-queue"], .empty-state').first().waitFor();
    await saveScreen(page, 'ru-cases-queue');

    await tab(page, 'Дела').click();
    await button(page.getByTestId('case-list'), 'Сбросить').click();
    await page.getByTestId('case-table').waitFor();
    expect(await page.getByTestId('case-table').textContent()).toContain('передано в прокуратуру');
    await saveScreen(page, 'ru-cases-list');

    await button(page.getByTestId('case-table'), caseReference).click();
    const view = caseView(page);
    await view.waitFor();
    await expect.poll(() => view.getByTestId('case-header').locator('.case-status').textContent()).toBe('передано в прокуратуру');
    expect(await view.getByTestId('examination-card').getByTestId('approval-state').textContent()).toMatch(/^утвердил\(а\) /);
    expect(await view.getByTestId('seizure-table').textContent()).toContain('Кокаин');
    expect(await view.getByTestId('case-timeline').textContent()).toContain('Акт досмотра утверждён');
    await saveWhole(page, 'ru-case-view');

    // The forms, in Russian (opened and left without recording).
    await button(view, 'Оформить изъятие').click();
    const seizure = page.getByTestId('seizure-form');
    await button(seizure, 'Оформить изъятие').click();
    expect(await seizure.locator('.field-error').first().textContent()).toBe('Выберите категорию.');
    await saveWhole(page, 'ru-seizure-form');
    await button(seizure, 'Отмена').click();

    await button(view, 'Зарегистрировать передачу').click();
    const custody = page.getByTestId('custody-form');
    await field(custody, 'Кто принимает').fill('');
    await button(custody, 'Зарегистрировать передачу').click();
    expect(await custody.locator('.field-error').first().textContent()).toBe('Укажите, кто принимает: лицо и ведомство.');
    await saveWhole(page, 'ru-custody-form');
    await button(custody, 'Отмена').click();

    await view.locator('[data-consignment] button').first().click();
    const form = examForm(page);
    await form.waitFor();
    await field(form, 'Окончание').fill(wallClock(new Date(Date.now() - 3 * 3600_000), timeZone));
    await button(form, 'Оформить досмотр').click();
    expect(await form.locator('.field.invalid .field-error').allTextContents()).toEqual(
      expect.arrayContaining(['Досмотр не может окончиться раньше, чем начался.', 'Выберите результат.']),
    );
    await saveWhole(page, 'ru-examination-form');
    await button(form, 'Отмена').click();
    await languageSelect(page).selectOption('en');
  });

  it('a correction of the examination is a new record, linked both ways, only with a reason', async () => {
    await tab(page, 'Cases').click();
    await button(page.getByTestId('case-table'), caseReference).click();
    const view = caseView(page);
    await expect.poll(() => view.getByTestId('case-reference').textContent()).toBe(caseReference);
    const original = view.getByTestId('examination-card').first();
    const originalId = await original.getAttribute('data-examination');
    await button(original, 'Correct').click();
    const form = examForm(page);
    await form.waitFor();
    // The correction starts from the record as it was, in the zone it was taken in.
    expect(await field(form, 'Location').inputValue()).toBe('Dry port examination shed, bay 3');
    expect(await field(form, 'Result').inputValue()).toBe('seizure');
    expect(await form.getByTestId('photo-item').count()).toBe(0);
    await field(form, 'New customs seal').fill('TJ-CUS 0004712');
    await button(form, 'Record correction').click();
    expect(await form.locator('.field.invalid .field-error').allTextContents()).toEqual(['Say why the record is corrected.']);
    await field(form, 'Reason for the correction').fill('Seal number misread: the seal applied is 0004712');
    await button(form, 'Record correction').click();
    const recorded = page.getByTestId('exam-recorded');
    await recorded.waitFor();
    expect(await recorded.textContent()).toContain('the original stays on file');
    await button(recorded, 'Open the case').click();
    const cards = caseView(page).getByTestId('examination-card');
    await expect.poll(() => cards.count()).toBe(2);
    const first = caseView(page).locator(`[data-examination="${originalId}"]`);
    expect(await first.textContent()).toMatch(/Corrected by examination No\. \d+: that record counts\./);
    expect(await cards.nth(1).textContent()).toContain(`Corrects examination No. ${originalId}.`);
    expect(await cards.nth(1).textContent()).toContain('reason: Seal number misread');
    await saveWhole(page, 'en-examination-corrected');
  });

  it('leaves nothing broken in the page', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});

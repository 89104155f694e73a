import crypto from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput, ImportFileResult } from '../../shared/ipc/contract';
import { readIdentity } from '../../main/core/exchange/exchange-store';
import { sealPackage, type ExchangeKeyPair } from '../../main/core/exchange/package';
import { demoPhotoPng } from '../../main/core/demo/demo-photo';
import { createServices, type Services } from '../../main/core/services';
import { headerOf } from '../../main/core/reports/report-data';
import { statisticsData } from '../../main/core/reports/statistics-data';
import { expectOk } from '../db/unit-fixture';
import { fastKdf } from '../harness/fast-kdf';

/**
 * Two (three) units in their own data directories exchange packages through
 * the real services and the IPC contract: partners, an alert from A to B that
 * puts B's next matching line on top, every refusal with nothing stored, and
 * the masking of private persons in seizure notices.
 */

const ADMIN = { username: 'admin', password: 'exchange admin password 1' };
const header = 'B/L No;Container No;Seal;Shipper;Consignee;Notify;Goods description;HS code;Packages;Gross weight, kg;Port of loading;Port of discharge;Country of origin';
const ALERT_CONTAINER = 'MSCU1234566';
const linesA = [
  'KHI001;MSCU1234566;SL1001;Al-Noor Rice Mills (Pvt) Ltd;Pamir Trade LLC;Pamir Trade LLC;Basmati rice;100630;800;16400.250;PKKHI;IRBND;PK',
  'KHI002;MEDU7654325;SL1002;Karachi Textile Pvt Ltd;Dushanbe Electro LLC;Dushanbe Electro LLC;Cotton fabric;520812;300;9000;PKKHI;IRBND;PK',
];
// B's later call: the alerted container under another B/L, among ordinary lines.
const linesB = [
  'TRM101;TGHU1234560;SL2001;Istanbul Textile AS;Termez Trade LLC;Termez Trade LLC;Cotton fabric;520812;300;9000;TRIST;IRBND;TR',
  'TRM102;MSCU1234566;SL2002;Al-Noor Rice Mills (Pvt) Ltd;Surkhan Food LLC;Surkhan Food LLC;Basmati rice;100630;800;16400;PKKHI;IRBND;PK',
  'TRM103;CMAU1234563;SL2003;Shanghai Tea Co;Termez Tea LLC;Termez Tea LLC;Green tea in bags;090220;1000;20000;CNSHA;IRBND;CN',
];
const manifest = (voyage: string, body: readonly string[]) => ({
  name: `call-${voyage}.csv`,
  dataBase64: Buffer.from([`Vessel: MSC TEST;;`, `Voyage: ${voyage};;`, header, ...body].join('\r\n')).toString('base64'),
});

interface Unit {
  dataDir: string;
  services: Services;
  clock: { now: Date };
}

const units: Unit[] = [];
async function createUnit(unitName: string, country: string, locode: string): Promise<Unit> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pcu-exchange-'));
  const clock = { now: new Date() };
  const services = createServices({ dataDir, appVersion: '0.0.0-test', kdf: fastKdf, locale: 'en-GB', clock: () => clock.now });
  await expectOk(services.invoke('setup.create', { unitName, country, locode, adminUsername: ADMIN.username, adminDisplayName: 'Unit Administrator', password: ADMIN.password }));
  const unit = { dataDir, services, clock };
  units.push(unit);
  return unit;
}

const invoke = <T>(unit: Unit, channel: string, input?: unknown) => expectOk<T>(unit.services.invoke(channel, input));
async function refusal(unit: Unit, channel: string, input: unknown) {
  const result = await unit.services.invoke(channel, input);
  if (result.ok) throw new Error(`expected ${channel} to be refused`);
  return result.error;
}
const db = (unit: Unit) => unit.services.sessions.store().db;
const count = (unit: Unit, table: string) => (db(unit).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const keyPairOf = (unit: Unit): ExchangeKeyPair => {
  const identity = readIdentity(db(unit));
  if (!identity) throw new Error('no identity');
  return { certificate: identity.certificate, privateKey: crypto.createPrivateKey({ key: identity.privateKey, format: 'der', type: 'pkcs8' }) };
};
const fingerprintHex = (display: string) => display.replace(/:/g, '').toLowerCase();
const base64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');

let A: Unit;
let B: Unit;
let C: Unit;
const certs: Record<'A' | 'B' | 'C', ChannelOutput<'exchange.unitCertificate'>> = {} as never;
const partnerIds: { bAtA: number; cAtA: number; aAtB: number } = { bAtA: 0, cAtA: 0, aAtB: 0 };
let alertConsignmentId = 0;
let firstAlert: ChannelOutput<'exchange.export'>;

/** Imports on B and checks the refusal's code, that nothing was stored, and that the refusal was audited. */
async function expectRefusedAtB(fileName: string, bytes: Buffer, code: string) {
  const before = { received: count(B, 'exchange_received'), entries: count(B, 'watch_list_entries'), attachments: count(B, 'exchange_received_attachments') };
  const error = await refusal(B, 'exchange.import', { fileName, packageBase64: base64(bytes) });
  expect(error.code, JSON.stringify(error)).toBe(code);
  expect(error.details).toMatchObject({ file: fileName });
  expect({ received: count(B, 'exchange_received'), entries: count(B, 'watch_list_entries'), attachments: count(B, 'exchange_received_attachments') }).toEqual(before);
  const [latest] = await invoke<ChannelOutput<'audit.list'>>(B, 'audit.list', { limit: 1 });
  expect(latest).toMatchObject({ action: 'exchange.import-refused', details: { file: fileName, code, sha256: crypto.createHash('sha256').update(bytes).digest('hex') } });
  return error;
}

async function exportAlert(to: number[], reason = 'Heroin route via Bandar Abbas, consignee unknown') {
  return invoke<ChannelOutput<'exchange.export'>>(A, 'exchange.export', {
    kind: 'alert',
    consignmentId: alertConsignmentId,
    recipients: to,
    severity: 'high',
    reason,
    requestedAction: 'examine',
    expectedArrival: inDays(10),
    validUntil: inDays(30),
  });
}

beforeAll(async () => {
  A = await createUnit('PCU Karachi', 'PK', 'PKKHI');
  B = await createUnit('PCU Termez', 'UZ', 'UZTER');
  C = await createUnit('PCU Almaty', 'KZ', 'KZALA');
  certs.A = await invoke(A, 'exchange.unitCertificate');
  certs.B = await invoke(B, 'exchange.unitCertificate');
  certs.C = await invoke(C, 'exchange.unitCertificate');
  partnerIds.bAtA = (await invoke<ChannelOutput<'exchange.partners.add'>>(A, 'exchange.partners.add', { name: 'PCU Termez', certificateBase64: base64(certs.B.certificatePem) })).id;
  partnerIds.cAtA = (await invoke<ChannelOutput<'exchange.partners.add'>>(A, 'exchange.partners.add', { name: 'PCU Almaty', certificateBase64: base64(certs.C.certificatePem) })).id;
  partnerIds.aAtB = (await invoke<ChannelOutput<'exchange.partners.add'>>(B, 'exchange.partners.add', { name: 'PCU Karachi', certificateBase64: base64(certs.A.certificatePem) })).id;
  const [imported] = await invoke<ImportFileResult[]>(A, 'manifests.import', { files: [manifest('KHI01', linesA)] });
  expect(imported?.status).toBe('imported');
  const page = await invoke<ChannelOutput<'targets.list'>>(A, 'targets.list', {});
  alertConsignmentId = page.rows.find((row) => row.container === ALERT_CONTAINER)!.id;
}, 120_000);

afterAll(async () => {
  for (const unit of units) {
    await unit.services.close();
    rmSync(unit.dataDir, { recursive: true, force: true });
  }
});

describe('exchange between units', () => {
  it('gives each unit a permanent certificate and keeps partners by name and fingerprint, refusing its own, duplicates and non-certificates', async () => {
    expect(certs.A.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(certs.A.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(await invoke(A, 'exchange.unitCertificate')).toEqual(certs.A);
    const partners = await invoke<ChannelOutput<'exchange.partners.list'>>(B, 'exchange.partners.list');
    expect(partners).toEqual([expect.objectContaining({ id: partnerIds.aAtB, name: 'PCU Karachi', fingerprint: certs.A.fingerprint, state: 'trusted', addedBy: 'admin' })]);

    expect((await refusal(B, 'exchange.partners.add', { name: 'Karachi again', certificateBase64: base64(certs.A.certificatePem) })).code).toBe('EXCHANGE_PARTNER_EXISTS');
    expect((await refusal(B, 'exchange.partners.add', { name: 'Myself', certificateBase64: base64(certs.B.certificatePem) })).code).toBe('EXCHANGE_OWN_CERTIFICATE');
    expect((await refusal(B, 'exchange.partners.add', { name: 'Junk', certificateBase64: base64('not a certificate at all') })).code).toBe('EXCHANGE_CERTIFICATE_INVALID');
    const audit = await invoke<ChannelOutput<'audit.list'>>(B, 'audit.list', { limit: 50 });
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['exchange.identity-created', 'exchange.partner-added']));
  });

  it('sends an alert from A encrypted to B; B makes watch-list entries from it and puts the matching line of its next manifest first, with the alert as reason', async () => {
    await invoke(A, 'targets.decide', { consignmentId: alertConsignmentId, choice: 'select', reason: 'Rice from Karachi to an unknown consignee' });
    const preview = await invoke<ChannelOutput<'exchange.preview'>>(A, 'exchange.preview', {
      kind: 'alert', consignmentId: alertConsignmentId, recipients: [partnerIds.bAtA], severity: 'high', reason: 'x', requestedAction: 'examine', expectedArrival: null, validUntil: inDays(30),
    });
    expect(preview).toMatchObject({ kind: 'alert', encrypted: true, recipients: [{ partnerId: partnerIds.bAtA, name: 'PCU Termez' }] });
    expect(preview.consignment).toMatchObject({ containerNumber: ALERT_CONTAINER, blNumber: 'KHI001', goods: { grossWeightKg: '16400.25', hsCode: '100630' } });

    firstAlert = await exportAlert([partnerIds.bAtA]);
    expect(firstAlert).toMatchObject({ kind: 'alert', encrypted: true, recipients: ['PCU Termez'], personalData: 'none', createdBy: 'admin' });
    expect(await invoke<ChannelOutput<'exchange.sent'>>(A, 'exchange.sent')).toEqual([expect.objectContaining({ packageId: firstAlert.packageId })]);

    const received = await invoke<ChannelOutput<'exchange.import'>>(B, 'exchange.import', { fileName: firstAlert.fileName, packageBase64: firstAlert.packageBase64 });
    expect(received).toMatchObject({ kind: 'alert', packageId: firstAlert.packageId, partnerId: partnerIds.aAtB, partnerName: 'PCU Karachi', senderUnit: 'PCU Karachi', encrypted: true, state: 'active' });
    const entries = await invoke<ChannelOutput<'watchlist.list'>>(B, 'watchlist.list', {});
    const fromAlert = entries.filter((entry) => entry.source === 'PCU Karachi');
    expect(fromAlert.map((entry) => [entry.kind, entry.value]).sort()).toEqual(
      [['container', ALERT_CONTAINER], ['bl', 'KHI001'], ['vessel', 'MSC TEST'], ['party', 'Al-Noor Rice Mills (Pvt) Ltd'], ['party', 'Pamir Trade LLC']].sort(),
    );
    expect(received.watchEntries).toBe(fromAlert.length);
    for (const entry of fromAlert) {
      // The vessel only nudges the other lines of its call; the rest carry the alert's severity.
      expect(entry).toMatchObject({ severity: entry.kind === 'vessel' ? 'low' : 'high', expiresAt: inDays(30), reason: 'PCU Karachi (Examine physically): Heroin route via Bandar Abbas, consignee unknown' });
    }

    const detail = await invoke<ChannelOutput<'exchange.received'>>(B, 'exchange.received', { id: received.id });
    expect(detail.payload).toMatchObject({ schema: 'pcu-exchange/1', kind: 'alert', sender: { name: 'PCU Karachi', locode: 'PKKHI' } });
    expect(await invoke<ChannelOutput<'exchange.inbox'>>(B, 'exchange.inbox')).toEqual([expect.objectContaining({ id: received.id, state: 'active' })]);

    const [call] = await invoke<ImportFileResult[]>(B, 'manifests.import', { files: [manifest('TRM01', linesB)] });
    expect(call?.status).toBe('imported');
    const page = await invoke<ChannelOutput<'targets.list'>>(B, 'targets.list', {});
    expect(page.rows[0]).toMatchObject({ container: ALERT_CONTAINER, bl: 'TRM102' });
    const target = await invoke<ChannelOutput<'targets.detail'>>(B, 'targets.detail', { consignmentId: page.rows[0]!.id });
    expect(target.watchHits).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'container', source: 'PCU Karachi', reason: expect.stringContaining('Heroin route via Bandar Abbas') })]));
    // The risk history counts a partner's container entry as an alert.
    expect(target.fired.map((fired) => fired.id)).toContain('equipment.container-flagged');
  });

  it('refuses a tampered, an unsigned, a foreign, a misaddressed and a replayed package, storing nothing', async () => {
    const fresh = await exportAlert([partnerIds.bAtA], 'Second alert');
    const bytes = Buffer.from(fresh.packageBase64, 'base64');
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 20] = tampered[tampered.length - 20]! ^ 0x01;
    await expectRefusedAtB('tampered.p7m', tampered, 'EXCHANGE_TAMPERED');

    await expectRefusedAtB('alert.json', Buffer.from(JSON.stringify({ schema: 'pcu-exchange/1', kind: 'alert' })), 'EXCHANGE_NOT_A_PACKAGE');
    await expectRefusedAtB('report.pdf', Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'), 'EXCHANGE_NOT_A_PACKAGE');

    const foreign = sealPackage(Buffer.from('{}'), keyPairOf(C), [], new Date());
    const unknown = await expectRefusedAtB('from-almaty.p7m', foreign, 'EXCHANGE_UNKNOWN_SENDER');
    expect(unknown.details).toMatchObject({ fingerprint: certs.C.fingerprint });

    const toC = await exportAlert([partnerIds.cAtA], 'For Almaty only');
    await expectRefusedAtB('for-almaty.p7m', Buffer.from(toC.packageBase64, 'base64'), 'EXCHANGE_NOT_FOR_THIS_UNIT');

    const replay = await expectRefusedAtB(firstAlert.fileName, Buffer.from(firstAlert.packageBase64, 'base64'), 'EXCHANGE_ALREADY_IMPORTED');
    expect(replay.details).toMatchObject({ packageId: firstAlert.packageId, receivedAt: expect.any(String) });

    const own = sealPackage(Buffer.from('{}'), keyPairOf(B), [], new Date());
    await expectRefusedAtB('own.p7m', own, 'EXCHANGE_OWN_PACKAGE');

    // The untampered package still goes in, once, even offered twice at the same moment (two windows, a double click).
    const before = count(B, 'exchange_received');
    const both = await Promise.all([1, 2].map(() => B.services.invoke('exchange.import', { fileName: fresh.fileName, packageBase64: fresh.packageBase64 })));
    expect(both.filter((result) => result.ok)).toEqual([expect.objectContaining({ value: expect.objectContaining({ packageId: fresh.packageId }) })]);
    expect(both.flatMap((result) => (result.ok ? [] : [result.error.code]))).toEqual(['EXCHANGE_ALREADY_IMPORTED']);
    expect(count(B, 'exchange_received')).toBe(before + 1);
  });

  it('refuses validly signed packages with an unknown schema, a payload that is not valid, or another sender named inside', async () => {
    const payload = (await invoke<ChannelOutput<'exchange.received'>>(B, 'exchange.received', { id: 1 })).payload as Record<string, unknown> & { sender: Record<string, unknown> };
    const signedByA = (document: unknown, recipients: Buffer[] = []) =>
      sealPackage(Buffer.from(typeof document === 'string' ? document : JSON.stringify(document)), keyPairOf(A), recipients, new Date());
    const fresh = () => ({ ...payload, packageId: crypto.randomUUID() });

    const v2 = await expectRefusedAtB('v2.p7m', signedByA({ ...fresh(), schema: 'pcu-exchange/2' }), 'EXCHANGE_SCHEMA_UNKNOWN');
    expect(v2.details).toMatchObject({ schema: 'pcu-exchange/2' });
    await expectRefusedAtB('not-json.p7m', signedByA('{"schema": "pcu-exchange/1", '), 'EXCHANGE_PAYLOAD_INVALID');
    const wrongType = await expectRefusedAtB('wrong-type.p7m', signedByA({ ...fresh(), alert: { ...(payload.alert as object), severity: 42 } }), 'EXCHANGE_PAYLOAD_INVALID');
    expect(wrongType.details).toMatchObject({ field: 'alert.severity' });
    await expectRefusedAtB('huge.p7m', signedByA({ ...fresh(), sentBy: { fullName: 'x'.repeat(1_000_000), role: 'officer' } }), 'EXCHANGE_PAYLOAD_INVALID');
    await expectRefusedAtB('null.p7m', signedByA('null'), 'EXCHANGE_PAYLOAD_INVALID');
    const deep = JSON.stringify({ ...fresh(), alert: { ...(payload.alert as object), indicators: [{ id: 'x', weight: 1, evidence: { deep: '__DEEP__' } }] } });
    await expectRefusedAtB('deep.p7m', signedByA(deep.replace('"__DEEP__"', `${'['.repeat(200_000)}${']'.repeat(200_000)}`)), 'EXCHANGE_PAYLOAD_INVALID');
    await expectRefusedAtB('mismatch.p7m', signedByA({ ...fresh(), sender: { ...payload.sender, certificateSha256: fingerprintHex(certs.C.fingerprint) } }), 'EXCHANGE_SENDER_MISMATCH');
    // Encrypted to B, but the payload says it is for C only.
    await expectRefusedAtB(
      'inner-recipient.p7m',
      signedByA({ ...fresh(), recipients: [fingerprintHex(certs.C.fingerprint)] }, [Buffer.from(certs.B.certificatePem.replace(/-----[^-]+-----|\s/g, ''), 'base64')]),
      'EXCHANGE_NOT_FOR_THIS_UNIT',
    );
  });

  it('sends a seizure notice with private persons masked unless personal data is included, photos checked on arrival, and the choice audited', async () => {
    const exam = await invoke<ChannelOutput<'examinations.record'>>(A, 'examinations.record', {
      consignmentId: alertConsignmentId,
      method: 'physical_full',
      location: 'Karachi terminal, bay 4',
      startedAt: new Date(Date.now() - 5 * 3_600_000).toISOString(),
      endedAt: new Date(Date.now() - 4 * 3_600_000).toISOString(),
      timeZone: 'Asia/Karachi',
      participants: [{ name: 'Asif Khan', agency: 'Customs', role: 'Examining officer' }],
      sealsFound: [{ seal: 'SL1001', status: 'match' }],
      condition: { doors: 'ok', floor: 'modified', roof: 'ok', walls: 'ok', frontWall: 'ok', undercarriage: 'not_checked', refrigerationUnit: 'ok' },
      samples: [],
      result: 'seizure',
    });
    const png = demoPhotoPng(32, 24);
    await invoke(A, 'attachments.add', {
      caseId: exam.caseId, examinationId: exam.id, fileName: 'floor.png', mediaType: 'image/png', dataBase64: base64(png),
      thumbnailDataUrl: `data:image/png;base64,${base64(png)}`, caption: 'False floor', capturedAt: new Date(Date.now() - 4 * 3_600_000).toISOString(),
    });
    const seizure = await invoke<ChannelOutput<'seizures.record'>>(A, 'seizures.record', {
      caseId: exam.caseId, examinationId: exam.id, category: 'drugs.heroin', quantity: '12.5', quantityUnit: 'kg', concealmentMethod: 'False floor',
      parties: [{ name: 'Muhammad Asif', role: 'driver' }, { name: 'Pamir Trade LLC', role: 'consignee' }],
    });

    const request = { kind: 'seizure-notice', seizureId: seizure.id, recipients: [partnerIds.bAtA], includePersonalData: false, includePhotos: true, note: 'Driver detained' };
    const preview = await invoke<ChannelOutput<'exchange.preview'>>(A, 'exchange.preview', request);
    expect(preview.privatePersons).toBe(1);
    expect(preview.parties).toEqual([
      { role: 'other', roleText: 'driver', name: null, address: null, country: null, masked: true },
      expect.objectContaining({ role: 'consignee', name: 'Pamir Trade LLC', masked: false }),
    ]);
    expect(preview.attachments).toEqual([{ fileName: 'floor.png', caption: 'False floor', sizeBytes: png.length }]);

    const masked = await invoke<ChannelOutput<'exchange.export'>>(A, 'exchange.export', request);
    expect(masked).toMatchObject({ kind: 'seizure-notice', personalData: 'masked' });
    const included = await invoke<ChannelOutput<'exchange.export'>>(A, 'exchange.export', { ...request, includePersonalData: true, includePhotos: false });
    expect(included).toMatchObject({ personalData: 'included' });
    const audit = await invoke<ChannelOutput<'audit.list'>>(A, 'audit.list', { limit: 2 });
    expect(audit.map((entry) => [entry.action, entry.details.personalData, entry.details.seizureId])).toEqual([
      ['exchange.exported', 'included', seizure.id],
      ['exchange.exported', 'masked', seizure.id],
    ]);

    const entriesBefore = count(B, 'watch_list_entries');
    const first = await invoke<ChannelOutput<'exchange.import'>>(B, 'exchange.import', { fileName: masked.fileName, packageBase64: masked.packageBase64 });
    expect(first).toMatchObject({ kind: 'seizure-notice', state: 'stored', watchEntries: 0 });
    expect(count(B, 'watch_list_entries')).toBe(entriesBefore);
    const detail = await invoke<ChannelOutput<'exchange.received'>>(B, 'exchange.received', { id: first.id });
    const notice = detail.payload as { seizure: { personalData: string; parties: { name: string | null; masked: boolean }[]; place: unknown; seizedAt: string }; attachments: Record<string, unknown>[] };
    // Seized when the examination ended, not when the seizure was typed in.
    expect(notice.seizure.seizedAt).toBe(exam.endedAt);
    expect(notice.seizure.personalData).toBe('masked');
    expect(notice.seizure.parties.map((party) => [party.name, party.masked])).toEqual([[null, true], ['Pamir Trade LLC', false]]);
    expect(notice.seizure.place).toEqual({ locode: 'PKKHI', text: 'Karachi terminal, bay 4' });
    expect(notice.attachments[0]).not.toHaveProperty('dataBase64');
    expect(detail.attachments).toEqual([expect.objectContaining({ fileName: 'floor.png', sizeBytes: png.length })]);
    const photo = await invoke<ChannelOutput<'exchange.attachment'>>(B, 'exchange.attachment', { receivedId: first.id, attachmentId: detail.attachments[0]!.id });
    expect(Buffer.from(photo.dataBase64, 'base64').equals(png)).toBe(true);

    const second = await invoke<ChannelOutput<'exchange.import'>>(B, 'exchange.import', { fileName: included.fileName, packageBase64: included.packageBase64 });
    const withNames = (await invoke<ChannelOutput<'exchange.received'>>(B, 'exchange.received', { id: second.id })).payload as typeof notice;
    expect(withNames.seizure.personalData).toBe('included');
    expect(withNames.seizure.parties[0]).toMatchObject({ name: 'Muhammad Asif', masked: false });
  });

  it("counts the exchange in both units' statistics: packages each way, the line an alert flagged, the partner's seizures", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const figures = (unit: Unit) => statisticsData(db(unit), { from: today, to: today }, headerOf(db(unit), { language: 'en', issuedAt: new Date(), issuedBy: 'test', timeZone: 'UTC' })).exchange;
    const atB = figures(B);
    // Two alerts accepted (the first, and the fresh one of the refusals test); of B's call only the line with the container is flagged, not its vessel mates.
    expect(atB).toMatchObject({ alertsSent: 0, noticesSent: 0, alertsReceived: 2, noticesReceived: 2, linesFlaggedByAlerts: 1 });
    // The same seizure came twice (masked, then with names): both notices count, quantities added exactly.
    expect(atB.partnerSeizures).toEqual([{ category: 'drugs.heroin', name: 'Heroin', count: 2, quantities: [{ unit: 'kg', quantity: '25' }] }]);
    expect(figures(A)).toMatchObject({ alertsReceived: 0, noticesReceived: 0, noticesSent: 2, linesFlaggedByAlerts: 0 });
    expect(figures(A).alertsSent).toBeGreaterThanOrEqual(1);
    // Another period has none of it.
    const before = statisticsData(db(B), { from: '2020-01-01', to: '2020-01-31' }, headerOf(db(B), { language: 'en', issuedAt: new Date(), issuedBy: 'test', timeZone: 'UTC' })).exchange;
    expect(before).toEqual({ alertsSent: 0, noticesSent: 0, alertsReceived: 0, noticesReceived: 0, linesFlaggedByAlerts: 0, partnerSeizures: [] });
  });

  it('refuses packages from a revoked partner and, later, from a partner whose certificate has expired', async () => {
    const next = await exportAlert([partnerIds.bAtA], 'Third alert');
    const revokedEarlier = await exportAlert([partnerIds.bAtA], 'Fourth alert');
    // Expiry first, on a second set of services over B's data with the clock past A's certificate.
    const partner = (await invoke<ChannelOutput<'exchange.partners.list'>>(B, 'exchange.partners.list'))[0]!;
    B.clock.now = new Date(Date.parse(partner.notAfter) + 86_400_000);
    await B.services.invoke('session.logout', undefined);
    await invoke(B, 'session.login', ADMIN);
    expect((await invoke<ChannelOutput<'exchange.partners.list'>>(B, 'exchange.partners.list'))[0]).toMatchObject({ state: 'expired' });
    const expired = await expectRefusedAtB('late.p7m', Buffer.from(next.packageBase64, 'base64'), 'EXCHANGE_CERTIFICATE_EXPIRED');
    expect(expired.details).toMatchObject({ notBefore: partner.notBefore, notAfter: partner.notAfter });
    B.clock.now = new Date();
    await B.services.invoke('session.logout', undefined);
    await invoke(B, 'session.login', ADMIN);

    const revoked = await invoke<ChannelOutput<'exchange.partners.revoke'>>(B, 'exchange.partners.revoke', { partnerId: partnerIds.aAtB, reason: 'Key handed to the wrong office' });
    expect(revoked).toMatchObject({ state: 'revoked', revokeReason: 'Key handed to the wrong office', revokedBy: 'admin' });
    const refused = await expectRefusedAtB('revoked.p7m', Buffer.from(revokedEarlier.packageBase64, 'base64'), 'EXCHANGE_PARTNER_REVOKED');
    expect(refused.details).toMatchObject({ partner: 'PCU Karachi', revokedAt: revoked.revokedAt });
    // What was received before stays.
    expect((await invoke<ChannelOutput<'exchange.inbox'>>(B, 'exchange.inbox')).length).toBe(4);
  });
});

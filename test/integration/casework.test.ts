import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput, ImportFileResult } from '../../shared/ipc/contract';
import { errorMessage } from '../../shared/i18n/error-message';
import type { AppError } from '../../shared/ipc/errors';
import { demoPhotoPng } from '../../main/core/demo/demo-photo';
import { ADMIN, expectOk, setUpUnit, type UnitFixture } from '../db/unit-fixture';

/**
 * Casework through the real services and the IPC contract: a selected line
 * is examined (with photos), a seizure is recorded and handed over twice,
 * the referral waits for a supervisor's approval, and the outcome reaches the
 * targeting hit rates. Corrections append, voids mark, refusals name the
 * field or the record.
 */

const header = 'B/L No;Container No;Seal;Shipper;Consignee;Notify;Goods description;HS code;Packages;Gross weight, kg;Port of loading;Port of discharge;Country of origin';
const lines = [
  'BL001;MSCU1234566;SL1001;Shanghai Tea Co;Pamir Trade LLC;Pamir Trade LLC;Green tea in bags;090220;800;16400;CNSHA;IRBND;CN',
  'BL002;MEDU7654325;SL1002;Guayaquil Fruit SA;OOO ROMASHKA;OOO ROMASHKA;Fresh bananas;080390;1200;21000;ECGYE;IRBND;EC',
  'BL003;TGHU1234560;SL1003;Istanbul Textile AS;Dushanbe Electro LLC;Dushanbe Electro LLC;Cotton fabric;520812;300;9000;TRIST;IRBND;TR',
];
const manifest = {
  name: 'call-201W.csv',
  dataBase64: Buffer.from(['Vessel: MSC TEST;;', 'Voyage: 201W;;', header, ...lines].join('\r\n')).toString('base64'),
};

const OFFICER = { username: 'aziz', password: 'officer password 1', role: 'officer', displayName: 'Aziz Karimov' };
const SUPERVISOR = { username: 'farrukh', password: 'supervisor password 1', role: 'supervisor', displayName: 'Farrukh Nazarov' };
const SECOND_SUPERVISOR = { username: 'bahrom', password: 'supervisor password 2', role: 'supervisor', displayName: 'Bahrom Saidov' };

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const allParts = { doors: 'ok', floor: 'ok', roof: 'ok', walls: 'ok', frontWall: 'ok', undercarriage: 'not_checked', refrigerationUnit: 'ok' };
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF photo of the container doors'), Buffer.from([0xff, 0xd9])]);
const png = demoPhotoPng(64, 40);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let unit: UnitFixture;
beforeEach(async () => {
  unit = await setUpUnit();
  for (const user of [OFFICER, SUPERVISOR, SECOND_SUPERVISOR]) {
    await expectOk(unit.services.invoke('users.add', { username: user.username, displayName: user.displayName, role: user.role, password: user.password }));
  }
  const [imported] = await expectOk<ImportFileResult[]>(unit.services.invoke('manifests.import', { files: [manifest] }));
  expect(imported?.status).toBe('imported');
  await logInAs(OFFICER);
});
afterEach(async () => {
  await unit.dispose();
});

const invoke = <T>(channel: string, input?: unknown) => expectOk<T>(unit.services.invoke(channel, input));
async function refusal(channel: string, input?: unknown): Promise<AppError> {
  const result = await unit.services.invoke(channel, input);
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}
async function logInAs(user: { username: string; password: string }): Promise<void> {
  await unit.services.invoke('session.logout', undefined);
  await invoke('session.login', { username: user.username, password: user.password });
}

async function lineOf(bl: string) {
  const page = await invoke<ChannelOutput<'targets.list'>>('targets.list', {});
  const row = page.rows.find((candidate) => candidate.bl === bl);
  if (!row) throw new Error(`no line ${bl}`);
  return row;
}

/** What an examination says (also the body of a correction). */
function examinationContent(overrides: Record<string, unknown> = {}) {
  return {
    method: 'physical_full',
    location: 'Dushanbe customs terminal, bay 2',
    startedAt: hoursAgo(50),
    endedAt: hoursAgo(47),
    timeZone: 'Asia/Dushanbe',
    participants: [
      { name: 'Aziz Karimov', agency: 'Customs', role: 'Examining officer', userId: 2 },
      { name: 'Sherzod Aliev', agency: 'Drug Control Agency', role: 'Dog handler' },
    ],
    sealsFound: [{ seal: 'SL 1002', status: 'match' }],
    newSeal: 'TJ-CUS 100',
    condition: { ...allParts, frontWall: 'modified' },
    samples: [{ bagNumber: 'S-1', sealNumber: 'TJ-CUS 101', description: 'White powder, 10 g', takenAt: hoursAgo(48) }],
    result: 'seizure',
    notes: 'Bricks behind the front wall',
    ...overrides,
  };
}
const examination = (consignmentId: number, overrides: Record<string, unknown> = {}) => ({ consignmentId, ...examinationContent(overrides) });

const handOver = (caseId: number, seizureId: number, at: string, overrides: Record<string, unknown> = {}) => ({
  caseId,
  seizureId,
  fromPerson: 'Aziz Karimov',
  fromAgency: 'Customs',
  toPerson: 'Malika Yusupova',
  toAgency: 'Customs, evidence room',
  handedOverAt: at,
  place: 'PCU evidence room',
  bagNumbers: 'EB-1',
  sealNumbers: 'TJ-CUS 102',
  condition: 'intact',
  ...overrides,
});

/** Select → examine → seize: the common start of most tests here. */
async function seizedCase() {
  const line = await lineOf('BL002');
  await invoke('targets.decide', { consignmentId: line.id, choice: 'select', reason: 'Bananas from Ecuador: cocaine cover load' });
  const exam = await invoke<ChannelOutput<'examinations.record'>>('examinations.record', examination(line.id));
  const seizure = await invoke<ChannelOutput<'seizures.record'>>('seizures.record', {
    caseId: exam.caseId,
    examinationId: exam.id,
    category: 'drugs.cocaine',
    quantity: '12.5',
    quantityUnit: 'kg',
    concealmentMethod: 'False front wall',
    parties: [{ name: 'OOO ROMASHKA', role: 'consignee' }],
  });
  return { line, exam, seizure };
}

describe('casework through the contract', () => {
  it('carries a selected line through examination, photos, seizure, custody, approval and referral into the hit rates', async () => {
    const line = await lineOf('BL002');
    await invoke('targets.decide', { consignmentId: line.id, choice: 'select', reason: 'Bananas from Ecuador: cocaine cover load' });
    const queue = await invoke<ChannelOutput<'examinations.queue'>>('examinations.queue', {});
    expect(queue.map((row) => row.consignmentId)).toEqual([line.id]);
    expect(queue[0]).toMatchObject({ bl: 'BL002', decision: expect.stringMatching(/^(targeted|random)$/), decidedBy: 'aziz', caseId: null });

    // Recorded straight from the queue: a case is opened for the line, with the next reference of the year.
    const exam = await invoke<ChannelOutput<'examinations.record'>>('examinations.record', examination(line.id));
    expect(exam).toMatchObject({ consignmentId: line.id, sealsDeclared: ['SL1002'], recordedBy: 'aziz', approvedBy: null, correctedBy: null, voided: null });
    expect(exam.samples).toEqual([expect.objectContaining({ id: expect.any(Number), bagNumber: 'S-1' })]);
    const opened = await invoke<ChannelOutput<'cases.get'>>('cases.get', { id: exam.caseId });
    expect(opened.case).toMatchObject({ reference: `TJDYU-${new Date().getUTCFullYear()}-0001`, status: 'under_examination', assignedTo: 'aziz', consignments: 1, examinations: 1 });
    expect(await invoke('examinations.queue', {})).toEqual([]);

    // Two photos: bytes in the encrypted database, SHA-256 taken on arrival.
    const photos = [];
    for (const [name, type, bytes] of [['doors.jpg', 'image/jpeg', jpeg], ['front-wall.png', 'image/png', png]] as const) {
      const added = await invoke<ChannelOutput<'attachments.add'>>('attachments.add', {
        caseId: exam.caseId,
        examinationId: exam.id,
        fileName: name,
        mediaType: type,
        dataBase64: bytes.toString('base64'),
        thumbnailDataUrl: `data:image/png;base64,${png.toString('base64')}`,
        caption: `Photo ${name}`,
        capturedAt: hoursAgo(49),
      });
      expect(added).toMatchObject({ fileName: name, mediaType: type, byteLength: bytes.length, sha256: sha256(bytes), addedBy: 'aziz' });
      expect(added.thumbnail).toMatch(/^data:image\/png;base64,/);
      const stored = await invoke<ChannelOutput<'attachments.get'>>('attachments.get', { id: added.id });
      expect(Buffer.from(stored.dataBase64, 'base64').equals(bytes)).toBe(true);
      expect(stored.sha256).toBe(sha256(bytes));
      photos.push(added);
    }

    const seizure = await invoke<ChannelOutput<'seizures.record'>>('seizures.record', {
      caseId: exam.caseId,
      category: 'drugs.cocaine',
      description: '10 bricks',
      quantity: '12.5',
      quantityUnit: 'kg',
      concealmentMethod: 'False front wall',
      concealmentLocation: 'Front wall, behind the panel',
      estimatedValue: '625000',
      currency: 'USD',
      parties: [{ name: 'OOO ROMASHKA', role: 'consignee' }, { name: 'Ivan Petrov', role: 'driver' }],
    });
    // Without naming one, the seizure comes from the case's only examination (hit rates count through it).
    expect(seizure).toMatchObject({ examinationId: exam.id, quantity: '12.5', quantityUnit: 'kg', category: 'drugs.cocaine', recordedBy: 'aziz' });
    expect(seizure.parties.map((party) => [party.name, party.role])).toEqual([
      ['OOO ROMASHKA', 'consignee'],
      ['Ivan Petrov', 'driver'],
    ]);

    const first = await invoke<ChannelOutput<'custody.record'>>('custody.record', handOver(exam.caseId, seizure.id, hoursAgo(46)));
    const second = await invoke<ChannelOutput<'custody.record'>>(
      'custody.record',
      handOver(exam.caseId, seizure.id, hoursAgo(16), { fromPerson: 'Malika Yusupova', fromAgency: 'Customs, evidence room', toPerson: 'Major Saidov', toAgency: 'Drug Control Agency' }),
    );
    expect(first.gapHours).toBeNull();
    expect(second.gapHours).toBeCloseTo(30, 1);

    expect((await invoke<ChannelOutput<'cases.get'>>('cases.get', { id: exam.caseId })).case.status).toBe('seizure');
    const early = await refusal('cases.setStatus', { caseId: exam.caseId, status: 'referred' });
    expect(early).toMatchObject({ code: 'REFERRAL_NEEDS_APPROVAL', details: { reference: opened.case.reference } });
    expect(errorMessage('en', early)).toContain(opened.case.reference);
    expect(await refusal('examinations.approve', { examinationId: exam.id })).toMatchObject({ code: 'FORBIDDEN' });

    await logInAs(SUPERVISOR);
    const approved = await invoke<ChannelOutput<'examinations.approve'>>('examinations.approve', { examinationId: exam.id });
    expect(approved).toMatchObject({ approvedBy: 'farrukh', approvedAt: expect.any(String) });
    expect(await refusal('examinations.approve', { examinationId: exam.id })).toMatchObject({ code: 'EXAMINATION_ALREADY_APPROVED', details: { approvedBy: 'farrukh', record: 'examination no. 1' } });

    await logInAs(OFFICER);
    const referred = await invoke<ChannelOutput<'cases.setStatus'>>('cases.setStatus', { caseId: exam.caseId, status: 'referred' });
    expect(referred).toMatchObject({ status: 'referred', examinations: 1, seizures: 1, awaitingApproval: 0 });

    // The outcome reaches targeting: the line was selected, examined and ended in a seizure.
    const [active] = await invoke<ChannelOutput<'profiles.list'>>('profiles.list');
    const rates = await invoke<ChannelOutput<'profiles.hitRates'>>('profiles.hitRates', { versionId: active!.id });
    expect(rates.profile).toMatchObject({ scored: 3, selected: 1, examined: 1, seizures: 1 });
    const detail = await invoke<ChannelOutput<'targets.detail'>>('targets.detail', { consignmentId: line.id });
    expect(detail.fired.length).toBeGreaterThan(0);
    for (const fired of detail.fired) {
      expect(rates.indicators.find((row) => row.indicatorId === fired.id)).toMatchObject({ selected: 1, examined: 1, seizures: 1 });
    }

    const file = await invoke<ChannelOutput<'cases.get'>>('cases.get', { id: exam.caseId });
    expect(file.attachments.map((attachment) => attachment.sha256)).toEqual(photos.map((photo) => photo.sha256));
    expect(file.custody.map((event) => event.gapHours)).toEqual([null, second.gapHours]);
    const audited = file.timeline.filter((entry) => entry.kind === 'audit').map((entry) => entry.summary);
    expect(audited).toEqual([
      'target.selected',
      'case.opened',
      'case.status',
      'examination.recorded',
      'attachment.added',
      'attachment.added',
      'case.status',
      'seizure.recorded',
      'custody.recorded',
      'custody.recorded',
      'examination.approved',
      'case.status',
    ]);
    const records = file.timeline.filter((entry) => entry.kind === 'record').map((entry) => entry.summary);
    expect(records).toEqual(['examination', 'attachment', 'attachment', 'seizure', 'custody', 'custody']);
    const times = file.timeline.map((entry) => Date.parse(entry.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    await logInAs(SUPERVISOR);
    expect(await invoke<ChannelOutput<'audit.verify'>>('audit.verify')).toMatchObject({ ok: true });
    // The CLI's list: the fields of the issue.
    const list = await invoke<ChannelOutput<'cases.list'>>('cases.list', {});
    expect(list).toEqual([expect.objectContaining({ id: exam.caseId, reference: opened.case.reference, status: 'referred', consignments: 1, examinations: 1, seizures: 1 })]);
  });

  it('corrects an examination with a new record; the original stays, stops counting and cannot be approved', async () => {
    const { exam } = await seizedCase();
    const content = examinationContent();
    const correction = await invoke<ChannelOutput<'examinations.correct'>>('examinations.correct', {
      examinationId: exam.id,
      correction: { ...content, location: 'Dushanbe customs terminal, bay 3' },
      reason: 'Wrong inspection bay written down',
    });
    expect(correction).toMatchObject({ correctsExaminationId: exam.id, correctionReason: 'Wrong inspection bay written down', location: 'Dushanbe customs terminal, bay 3', approvedBy: null });
    const file = await invoke<ChannelOutput<'cases.get'>>('cases.get', { id: exam.caseId });
    expect(file.examinations.map((record) => [record.id, record.location, record.correctedBy])).toEqual([
      [exam.id, 'Dushanbe customs terminal, bay 2', correction.id],
      [correction.id, 'Dushanbe customs terminal, bay 3', null],
    ]);
    expect(file.case).toMatchObject({ examinations: 1, awaitingApproval: 1, seizures: 1 });

    expect(await refusal('examinations.correct', { examinationId: exam.id, correction: content, reason: 'again' })).toMatchObject({
      code: 'RECORD_SUPERSEDED',
      details: { correctedBy: correction.id, record: `examination no. ${exam.id}` },
    });
    await logInAs(SUPERVISOR);
    // The UI speaks Russian: the record is named in Russian too.
    await invoke('settings.set', { language: 'ru' });
    const superseded = await refusal('examinations.approve', { examinationId: exam.id });
    expect(superseded.code).toBe('RECORD_SUPERSEDED');
    expect(errorMessage('ru', superseded)).toBe(`Запись «досмотр № ${exam.id}» уже исправлена более поздней записью (№ ${correction.id}): работайте с последней записью.`);
    await invoke('examinations.approve', { examinationId: correction.id });
    await invoke('cases.setStatus', { caseId: exam.caseId, status: 'referred' });
    // The seizure still counts for the line: it happened, whatever was corrected about the examination.
    const [active] = await invoke<ChannelOutput<'profiles.list'>>('profiles.list');
    expect((await invoke<ChannelOutput<'profiles.hitRates'>>('profiles.hitRates', { versionId: active!.id })).profile).toMatchObject({ examined: 1, seizures: 1 });
    // Nothing in the database can edit the original.
    expect(() => unit.services.sessions.store().db.prepare("UPDATE examinations SET location = 'x' WHERE id = ?").run(exam.id)).toThrow(/append-only/);
  });

  it('corrects a custody entry with a new entry and a reason; the chain and its gaps follow the correction', async () => {
    const { exam, seizure } = await seizedCase();
    const first = await invoke<ChannelOutput<'custody.record'>>('custody.record', handOver(exam.caseId, seizure.id, hoursAgo(46)));
    const second = await invoke<ChannelOutput<'custody.record'>>('custody.record', handOver(exam.caseId, seizure.id, hoursAgo(10), { fromPerson: 'Malika Yusupova', fromAgency: 'Customs, evidence room', toPerson: 'Major Saidov', toAgency: 'Drug Control Agency' }));
    expect(second.gapHours).toBeCloseTo(36, 1);

    const noReason = await refusal('custody.record', { ...handOver(exam.caseId, seizure.id, hoursAgo(30)), correctsEventId: second.id });
    expect(noReason).toMatchObject({ code: 'CORRECTION_REASON_REQUIRED', details: { field: 'correctionReason' } });
    const corrected = await invoke<ChannelOutput<'custody.record'>>('custody.record', {
      ...handOver(exam.caseId, seizure.id, hoursAgo(40), { fromPerson: 'Malika Yusupova', fromAgency: 'Customs, evidence room', toPerson: 'Major Saidov', toAgency: 'Drug Control Agency' }),
      correctsEventId: second.id,
      correctionReason: 'Hand-over time copied from the wrong register line',
    });
    expect(corrected).toMatchObject({ correctsEventId: second.id, correctionReason: 'Hand-over time copied from the wrong register line', gapHours: null });
    const file = await invoke<ChannelOutput<'cases.get'>>('cases.get', { id: exam.caseId });
    expect(file.custody.map((event) => [event.id, event.correctedBy, event.gapHours])).toEqual([
      [first.id, null, null],
      [corrected.id, null, null],
      [second.id, corrected.id, null],
    ]);
    expect(await refusal('custody.record', { ...handOver(exam.caseId, seizure.id, hoursAgo(30)), correctsEventId: second.id, correctionReason: 'again' })).toMatchObject({ code: 'RECORD_SUPERSEDED' });
    expect(() => unit.services.sessions.store().db.prepare('DELETE FROM custody_events').run()).toThrow(/append-only/);
  });

  it('lets a supervisor void a record with a reason, never an officer; voided records stay, marked, and stop counting', async () => {
    const { exam, seizure } = await seizedCase();
    expect(await refusal('records.void', { kind: 'seizure', id: seizure.id, reason: 'Entered twice' })).toMatchObject({ code: 'FORBIDDEN' });

    await logInAs(SUPERVISOR);
    await invoke('examinations.approve', { examinationId: exam.id });
    expect(await invoke('records.void', { kind: 'seizure', id: seizure.id, reason: 'Laboratory: sugar, not cocaine' })).toEqual({ kind: 'seizure', id: seizure.id });
    expect(await refusal('records.void', { kind: 'seizure', id: seizure.id, reason: 'again' })).toMatchObject({ code: 'RECORD_VOIDED', details: { record: `seizure no. ${seizure.id}` } });
    expect(await refusal('records.void', { kind: 'note', id: 999, reason: 'x' })).toMatchObject({ code: 'NOT_FOUND' });

    const file = await invoke<ChannelOutput<'cases.get'>>('cases.get', { id: exam.caseId });
    expect(file.seizures).toEqual([expect.objectContaining({ id: seizure.id, voided: { reason: 'Laboratory: sugar, not cocaine', by: 'farrukh', at: expect.any(String) } })]);
    expect(file.case.seizures).toBe(0);
    expect(file.timeline.find((entry) => entry.summary === 'record.voided')?.details).toMatchObject({ kind: 'seizure', recordId: seizure.id, reason: 'Laboratory: sugar, not cocaine' });
    const [active] = await invoke<ChannelOutput<'profiles.list'>>('profiles.list');
    expect((await invoke<ChannelOutput<'profiles.hitRates'>>('profiles.hitRates', { versionId: active!.id })).profile).toMatchObject({ selected: 1, examined: 1, seizures: 0 });
    expect(await refusal('custody.record', handOver(exam.caseId, seizure.id, hoursAgo(5)))).toMatchObject({ code: 'RECORD_VOIDED' });

    // With the seizure voided the finding can change, with a reason; the voided examination takes the referral basis away.
    expect(await refusal('cases.setStatus', { caseId: exam.caseId, status: 'no_finding' })).toMatchObject({ code: 'CASE_REASON_REQUIRED' });
    await invoke('cases.setStatus', { caseId: exam.caseId, status: 'no_finding', reason: 'Laboratory result negative' });
    await invoke('records.void', { kind: 'examination', id: exam.id, reason: 'Recorded on the wrong container' });
    expect(await refusal('cases.setStatus', { caseId: exam.caseId, status: 'referred' })).toMatchObject({ code: 'REFERRAL_NEEDS_APPROVAL' });
    expect((await invoke<ChannelOutput<'profiles.hitRates'>>('profiles.hitRates', { versionId: active!.id })).profile).toMatchObject({ selected: 1, examined: 0, seizures: 0 });
    // A voided examination sends the line back to the queue: it still has to be examined.
    expect((await invoke<ChannelOutput<'examinations.queue'>>('examinations.queue', {})).map((row) => row.consignmentId)).toEqual([exam.consignmentId]);
  });

  it('refuses an examination that ends before it starts, naming the field, in English and Russian', async () => {
    const line = await lineOf('BL001');
    const error = await refusal('examinations.record', examination(line.id, { sealsFound: [], startedAt: '2026-03-02T10:00:00+05:00', endedAt: '2026-03-02T09:15:00+05:00' }));
    expect(error).toMatchObject({ code: 'EXAMINATION_END_BEFORE_START', details: { field: 'endedAt', startedAt: '2026-03-02 10:00', endedAt: '2026-03-02 09:15' } });
    expect(errorMessage('en', error)).toBe(
      'An examination cannot end before it starts: the end (field “Ended”, 2026-03-02 09:15) is earlier than the start (field “Started”, 2026-03-02 10:00).',
    );
    expect(errorMessage('ru', error)).toContain('поле «Окончание», 2026-03-02 09:15');
    // Nothing was stored: no case was opened for the refused examination.
    expect(await invoke('cases.list', {})).toEqual([]);
  });

  it('refuses seals that contradict the manifest, a seizure without a quantity, and a hand-over without both parties', async () => {
    const line = await lineOf('BL003');
    expect(await refusal('examinations.record', examination(line.id, { sealsFound: [{ seal: 'XX 999', status: 'match' }] }))).toMatchObject({
      code: 'SEAL_CHECK_INCONSISTENT',
      details: { seal: 'XX 999', field: 'sealsFound' },
    });
    const { exam, seizure } = await seizedCase();
    const seizureInput = { caseId: exam.caseId, category: 'drugs.cocaine', quantityUnit: 'kg' };
    const missing = await refusal('seizures.record', seizureInput);
    expect(missing.code).toBe('INVALID_INPUT');
    expect((missing.details as { issues: { path: string[] }[] }).issues.map((issue) => issue.path[0])).toContain('quantity');
    expect(await refusal('seizures.record', { ...seizureInput, quantity: '0' })).toMatchObject({ code: 'SEIZURE_QUANTITY_REQUIRED', details: { field: 'quantity' } });
    const noUnit = await refusal('seizures.record', { caseId: exam.caseId, category: 'drugs.cocaine', quantity: '1' });
    expect((noUnit.details as { issues: { path: string[] }[] }).issues.map((issue) => issue.path[0])).toContain('quantityUnit');
    expect(await refusal('seizures.record', { ...seizureInput, quantity: '1', category: 'drugs.chocolate' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await refusal('seizures.record', { ...seizureInput, quantity: '1', parties: [{ role: 'driver' }] })).toMatchObject({ code: 'SEIZURE_PARTY_INVALID', details: { index: 1 } });

    const noReceiver = await refusal('custody.record', handOver(exam.caseId, seizure.id, hoursAgo(5), { toPerson: '  ' }));
    expect(noReceiver.code).toBe('INVALID_INPUT');
    expect((noReceiver.details as { issues: { path: string[] }[] }).issues.map((issue) => issue.path[0])).toEqual(['toPerson']);
    expect(await refusal('custody.record', handOver(exam.caseId, seizure.id, hoursAgo(5), { toPerson: 'Aziz Karimov', toAgency: 'Customs' }))).toMatchObject({ code: 'CUSTODY_SAME_PERSON' });
    expect(await refusal('custody.record', { ...handOver(exam.caseId, seizure.id, hoursAgo(5)), seizureId: undefined })).toMatchObject({ code: 'CUSTODY_ITEM_REQUIRED' });
    expect(await refusal('custody.record', handOver(exam.caseId, seizure.id, hoursAgo(-5)))).toMatchObject({ code: 'TIME_IN_FUTURE', details: { field: 'handedOverAt', fieldName: 'Handed over' } });
    // A sample is an item too, and its hand-overs keep their own chain.
    const sample = await invoke<ChannelOutput<'custody.record'>>('custody.record', { ...handOver(exam.caseId, seizure.id, hoursAgo(45)), seizureId: null, sampleId: exam.samples[0]!.id });
    expect(sample).toMatchObject({ sampleId: exam.samples[0]!.id, seizureId: null, gapHours: null });
  });

  it('refuses photos that lie about being images and files over 25 MB, naming the file', async () => {
    const { exam } = await seizedCase();
    const upload = { caseId: exam.caseId, examinationId: exam.id, fileName: 'doors.jpg', mediaType: 'image/jpeg' };
    const lying = await refusal('attachments.add', { ...upload, dataBase64: Buffer.from('MZ\u0090 not a photo').toString('base64') });
    expect(lying).toMatchObject({ code: 'ATTACHMENT_TYPE_MISMATCH', details: { fileName: 'doors.jpg' } });
    expect(errorMessage('ru', lying)).toContain('«doors.jpg»');
    const big = Buffer.alloc(25 * 1024 * 1024 + 10);
    jpeg.copy(big);
    const tooLarge = await refusal('attachments.add', { ...upload, dataBase64: big.toString('base64') });
    expect(errorMessage('en', tooLarge)).toBe('“doors.jpg” is larger than 25 MB and was not stored.');
    expect((await invoke<ChannelOutput<'cases.get'>>('cases.get', { id: exam.caseId })).attachments).toEqual([]);
  });

  it('numbers cases per unit and year, keeps one open case per line, filters the list, and moves statuses by the rules', async () => {
    const [bl1, bl2, bl3] = [await lineOf('BL001'), await lineOf('BL002'), await lineOf('BL003')];
    expect(await refusal('cases.open', { consignmentIds: [bl1.id], assignedTo: 1 })).toMatchObject({ code: 'FORBIDDEN' });
    const first = await invoke<ChannelOutput<'cases.open'>>('cases.open', { consignmentIds: [bl1.id], title: 'Tea from Shanghai' });
    const second = await invoke<ChannelOutput<'cases.open'>>('cases.open', { consignmentIds: [bl2.id, bl3.id] });
    const year = new Date().getUTCFullYear();
    expect([first.reference, second.reference]).toEqual([`TJDYU-${year}-0001`, `TJDYU-${year}-0002`]);
    expect(second).toMatchObject({ title: 'MEDU7654325 / BL002, TGHU1234560 / BL003', consignments: 2, status: 'open', assignedTo: 'aziz' });
    expect(await refusal('cases.open', { consignmentIds: [bl2.id] })).toMatchObject({ code: 'CONSIGNMENT_ALREADY_IN_CASE', details: { reference: second.reference, consignment: 'MEDU7654325 / BL002' } });
    // An examination of a line that is not in the named case is refused, naming both.
    const wrongCase = await refusal('examinations.record', { ...examination(bl2.id), caseId: first.id });
    expect(errorMessage('en', wrongCase)).toBe(`The consignment no. ${bl2.id} (field “Consignment”) does not belong to case ${first.reference}.`);

    await invoke('examinations.record', { ...examination(bl2.id), caseId: second.id, result: 'nothing_found', sealsFound: [] });
    const list = (input: Record<string, unknown>) => invoke<ChannelOutput<'cases.list'>>('cases.list', input).then((cases) => cases.map((item) => item.reference));
    expect(await list({})).toEqual([second.reference, first.reference]);
    expect(await list({ status: 'under_examination' })).toEqual([second.reference]);
    expect(await list({ text: 'tghu1234' })).toEqual([second.reference]);
    expect(await list({ text: 'shanghai' })).toEqual([first.reference]);
    expect(await list({ awaitingApproval: true })).toEqual([second.reference]);
    expect(await list({ year: year - 1 })).toEqual([]);
    expect(await list({ assignedToMe: true })).toEqual([second.reference, first.reference]);

    // Status rules: close without a finding needs a reason; only a supervisor moves back.
    expect(await refusal('cases.setStatus', { caseId: first.id, status: 'closed' })).toMatchObject({ code: 'CASE_REASON_REQUIRED' });
    await invoke('cases.setStatus', { caseId: first.id, status: 'closed', reason: 'Opened for the wrong line' });
    expect(await refusal('examinations.record', { ...examination(bl1.id), caseId: first.id, sealsFound: [] })).toMatchObject({ code: 'CASE_CLOSED', details: { reference: first.reference } });
    expect(await refusal('cases.setStatus', { caseId: first.id, status: 'open', reason: 'Needed after all' })).toMatchObject({ code: 'FORBIDDEN' });
    await invoke('cases.setStatus', { caseId: second.id, status: 'no_finding' });
    await invoke('cases.addNote', { caseId: second.id, text: 'Documents in order' });

    await logInAs(SUPERVISOR);
    expect(await invoke<ChannelOutput<'cases.setStatus'>>('cases.setStatus', { caseId: first.id, status: 'open', reason: 'Needed after all' })).toMatchObject({ status: 'open', closedAt: null });
    const assigned = await invoke<ChannelOutput<'cases.assign'>>('cases.assign', { caseId: first.id, userId: 3 });
    expect(assigned.assignedTo).toBe('farrukh');
    const people = await invoke<ChannelOutput<'cases.people'>>('cases.people');
    expect(people.map((person) => person.username).sort()).toEqual(['aziz', 'bahrom', 'dilnoza', 'farrukh']);
    const timeline = (await invoke<ChannelOutput<'cases.get'>>('cases.get', { id: first.id })).timeline;
    expect(timeline.filter((entry) => entry.summary === 'case.status').map((entry) => entry.details)).toEqual([
      expect.objectContaining({ from: 'open', to: 'closed', reason: 'Opened for the wrong line' }),
      expect.objectContaining({ from: 'closed', to: 'open', reason: 'Needed after all' }),
    ]);
  });

  it('asks another supervisor to approve an examination a supervisor recorded, and only a finished one', async () => {
    await logInAs(SUPERVISOR);
    const line = await lineOf('BL003');
    const unfinished = await invoke<ChannelOutput<'examinations.record'>>('examinations.record', examination(line.id, { endedAt: null, sealsFound: [], result: 'nothing_found', samples: [] }));
    expect(await refusal('examinations.approve', { examinationId: unfinished.id })).toMatchObject({ code: 'EXAMINATION_OWN_APPROVAL' });
    await logInAs(SECOND_SUPERVISOR);
    expect(await refusal('examinations.approve', { examinationId: unfinished.id })).toMatchObject({ code: 'EXAMINATION_NOT_FINISHED', details: { field: 'endedAt' } });
    const content = examinationContent({ sealsFound: [], result: 'nothing_found', samples: [] });
    const finished = await invoke<ChannelOutput<'examinations.correct'>>('examinations.correct', { examinationId: unfinished.id, correction: content, reason: 'End time added' });
    await logInAs(SUPERVISOR);
    expect(await invoke<ChannelOutput<'examinations.approve'>>('examinations.approve', { examinationId: finished.id })).toMatchObject({ approvedBy: 'farrukh' });
    await logInAs({ username: ADMIN.username, password: ADMIN.password });
    expect((await invoke<ChannelOutput<'cases.get'>>('cases.get', { id: finished.caseId })).case.awaitingApproval).toBe(0);
  });
});

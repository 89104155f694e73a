import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { validateCustody, newCustodyDraft, custodyInput, type CustodyEvent } from '../../renderer/src/features/cases/custody/custody-model';
import {
  examinationFields,
  newDraft,
  sealStatusesFor,
  serverFieldPaths,
  validateExamination,
  type ExaminationDraft,
} from '../../renderer/src/features/cases/examination/exam-model';
import { newSeizureDraft, normaliseDecimal, seizureInput, validateSeizure } from '../../renderer/src/features/cases/seizure/seizure-model';
import { statusMoves } from '../../renderer/src/features/cases/status';
import { timelineTarget } from '../../renderer/src/features/cases/text';
import { parseWallClock, wallClock, wallToInstant } from '../../renderer/src/features/cases/time';

/**
 * The casework screens' own checks (renderer code without a DOM): what the
 * forms refuse before sending, and what they send. Main enforces the same
 * rules again; these keep the screens honest about them.
 */

const now = new Date('2026-03-02T12:00:00Z');

function draft(patch: Partial<ExaminationDraft> = {}): ExaminationDraft {
  return {
    ...newDraft({
      now: '2026-03-02 15:00',
      timeZone: 'Asia/Dushanbe',
      location: 'Examination shed, bay 3',
      officer: { name: 'Officer One', agency: 'Dushanbe PCU', role: 'Examining officer', userId: 3 },
      declaredSeals: ['ML-4455120'],
    }),
    result: 'nothing_found',
    ...patch,
  };
}

describe('time on the officer’s wall clock', () => {
  it('reads 24-hour wall-clock times in a named zone and writes them back', () => {
    expect(wallToInstant('2026-03-02 14:30', 'Asia/Dushanbe')).toBe('2026-03-02T09:30:00.000Z');
    expect(wallToInstant('2026-07-01T08:05', 'Europe/Berlin')).toBe('2026-07-01T06:05:00.000Z');
    expect(wallClock('2026-03-02T09:30:00.000Z', 'Asia/Dushanbe')).toBe('2026-03-02 14:30');
  });

  it('refuses what is no real date or time, or no zone', () => {
    expect(parseWallClock('2026-02-30 10:00')).toBeNull();
    expect(parseWallClock('2026-03-02 24:00')).toBeNull();
    expect(parseWallClock('02.03.2026 10:00')).toBeNull();
    expect(wallToInstant('2026-03-02 10:00', 'Mars/Olympus')).toBeNull();
  });
});

describe('examination form', () => {
  it('starts with the officer present and the declared seals to check', () => {
    const fresh = draft();
    expect(fresh.participants).toMatchObject([{ name: 'Officer One', userId: 3 }]);
    expect(fresh.seals).toMatchObject([{ seal: 'ML-4455120', status: 'match', declared: 'ML-4455120' }]);
    expect(sealStatusesFor(fresh.seals[0]!)).toEqual(['match', 'missing', 'broken']);
    expect(sealStatusesFor({ declared: null })).toEqual(['mismatch', 'broken']);
    expect(validateExamination(fresh, false, now)).toEqual({});
  });

  it('refuses an end before the start, times in the future, a missing place and result', () => {
    expect(validateExamination(draft({ endedAt: '2026-03-02 14:59' }), false, now)).toEqual({ endedAt: 'examination.validation.endBeforeStart' });
    expect(validateExamination(draft({ startedAt: '2026-03-02 18:00' }), false, now)).toEqual({ startedAt: 'examination.validation.future' });
    expect(validateExamination(draft({ location: ' ', result: '' }), false, now)).toEqual({ location: 'validation.required', result: 'examination.validation.result' });
    expect(validateExamination(draft({ startedAt: '2.3.2026' }), false, now)).toEqual({ startedAt: 'examination.validation.time' });
  });

  it('names incomplete people, seals and samples by row, and wants a reason for a correction', () => {
    const problems = validateExamination(
      draft({
        participants: [{ key: 1, name: 'Officer One', agency: '', role: 'Examining officer', userId: 3 }],
        seals: [{ key: 2, seal: 'ml 4455120', status: 'mismatch', declared: null }],
        samples: [{ key: 3, bagNumber: '', sealNumber: '', description: 'white powder', takenAt: '2026-03-02 15:10' }],
      }),
      true,
      now,
    );
    expect(problems).toEqual({
      'participants.0.agency': 'validation.required',
      'samples.0.bagNumber': 'validation.required',
      correctionReason: 'examination.validation.reason',
    });
    // The same seal spelt otherwise is still the declared one: "mismatch" would contradict the manifest.
    const declaredTwice = draft({ seals: [...draft().seals, { key: 9, seal: 'ml 4455120', status: 'mismatch', declared: null }] });
    expect(validateExamination(declaredTwice, false, now)).toEqual({ 'sealsFound.1.seal': 'examination.validation.sealDeclared' });
  });

  it('sends UTC instants with the zone, every condition part, and no empty optional text', () => {
    const fields = examinationFields(draft({ endedAt: '2026-03-02 16:15', newSeal: ' ' }));
    expect(fields).toMatchObject({
      startedAt: '2026-03-02T10:00:00.000Z',
      endedAt: '2026-03-02T11:15:00.000Z',
      timeZone: 'Asia/Dushanbe',
      newSeal: undefined,
      sealsFound: [{ seal: 'ML-4455120', status: 'match' }],
    });
    expect(Object.keys(fields.condition).sort()).toEqual(['doors', 'floor', 'frontWall', 'refrigerationUnit', 'roof', 'undercarriage', 'walls']);
  });

  it('places main’s INVALID_INPUT issues on the form’s fields, corrections included', () => {
    expect(serverFieldPaths({ issues: [{ path: ['participants', 1, 'role'] }, { path: ['correction', 'location'] }, { path: 'x' }] })).toEqual([
      'participants.1.role',
      'location',
    ]);
  });
});

describe('seizure form', () => {
  it('needs a category, a quantity above zero and a unit; a value needs its currency', () => {
    expect(validateSeizure(newSeizureDraft(null, 'USD'))).toEqual({
      category: 'seizure.validation.category',
      quantity: 'seizure.validation.quantity',
      quantityUnit: 'seizure.validation.unit',
    });
    const cocaine = { ...newSeizureDraft(4, 'USD'), category: 'drugs.cocaine' as const, quantity: '0', quantityUnit: 'kg' as const };
    expect(validateSeizure(cocaine)).toEqual({ quantity: 'seizure.validation.positive' });
    expect(validateSeizure({ ...cocaine, quantity: '12,5', estimatedValue: '1 000', currency: 'US' })).toEqual({ currency: 'seizure.validation.currency' });
  });

  it('sends exact decimals as typed in either language, and a currency only with a value', () => {
    expect(normaliseDecimal('1 250,5')).toBe('1250.5');
    expect(normaliseDecimal('12.5.1')).toBeNull();
    const input = seizureInput(7, { ...newSeizureDraft(4, 'USD'), category: 'drugs.cocaine', quantity: '24,6', quantityUnit: 'kg' });
    expect(input).toMatchObject({ caseId: 7, examinationId: 4, category: 'drugs.cocaine', quantity: '24.6', quantityUnit: 'kg', estimatedValue: undefined, currency: undefined });
  });
});

describe('custody form', () => {
  const event = (patch: Partial<CustodyEvent>): CustodyEvent => ({
    id: 1,
    caseId: 7,
    seizureId: 3,
    sampleId: null,
    fromPerson: 'Officer One',
    fromAgency: 'Customs',
    toPerson: 'Evidence Clerk',
    toAgency: 'Customs evidence room',
    handedOverAt: '2026-03-02T10:00:00.000Z',
    place: 'Shed 3',
    bagNumbers: 'EV-1',
    sealNumbers: 'S-1',
    condition: '',
    recordedBy: 'officer',
    recordedAt: '2026-03-02T10:05:00.000Z',
    correctedBy: null,
    gapHours: null,
    voided: null,
    ...patch,
  });

  it('continues the chain from whoever received the item last', () => {
    const next = newCustodyDraft({ custody: [event({})], item: 'seizure:3', officer: { name: 'Officer One', agency: 'Customs' }, now: '2026-03-02 16:00', place: 'PCU' });
    expect(next).toMatchObject({ fromPerson: 'Evidence Clerk', fromAgency: 'Customs evidence room', place: 'Shed 3', bagNumbers: 'EV-1', toPerson: '' });
  });

  it('needs an item, both parties, two different people, a time not ahead, and a reason for a correction', () => {
    const base = newCustodyDraft({ custody: [], item: '', officer: { name: 'Officer One', agency: 'Customs' }, now: '2026-03-02 16:00', place: 'PCU' });
    expect(validateCustody(base, 'Asia/Dushanbe', true, now)).toEqual({
      item: 'custody.validation.item',
      toPerson: 'custody.validation.to',
      toAgency: 'custody.validation.to',
      correctionReason: 'custody.validation.reason',
    });
    const self = { ...base, item: 'seizure:3', toPerson: 'officer one', toAgency: 'Customs', handedOverAt: '2026-03-02 20:00' };
    expect(validateCustody(self, 'Asia/Dushanbe', false, now)).toEqual({ toPerson: 'custody.validation.samePerson', handedOverAt: 'custody.validation.future' });
  });

  it('sends a correction as a new entry naming the one it corrects', () => {
    const draft = { ...newCustodyDraft({ custody: [], item: 'sample:5', officer: { name: 'A', agency: 'B' }, now: '2026-03-02 16:00', place: 'P' }), toPerson: 'C', toAgency: 'D', correctionReason: 'wrong bag' };
    expect(custodyInput(7, draft, 'Asia/Dushanbe', event({ id: 12 }))).toMatchObject({ seizureId: null, sampleId: 5, handedOverAt: '2026-03-02T11:00:00.000Z', correctsEventId: 12, correctionReason: 'wrong bag' });
  });
});

describe('case status buttons', () => {
  type CaseDetail = ChannelOutput<'cases.get'>;
  const detail = (status: CaseDetail['case']['status'], approved: boolean, seizures = 1): CaseDetail =>
    ({
      case: { id: 1, status },
      examinations: [{ id: 4, approvedAt: approved ? '2026-03-02T12:00:00Z' : null, voided: null, correctedBy: null }],
      seizures: Array.from({ length: seizures }, (_, index) => ({ id: index + 1, voided: null })),
    }) as unknown as CaseDetail;

  it('offers the referral only with an approved examination, and closing without referral only with a reason', () => {
    expect(statusMoves(detail('seizure', false), 'officer')).toEqual([
      { to: 'referred', blocked: 'referNeedsApproval', reasonRequired: false },
      { to: 'closed', blocked: null, reasonRequired: true },
    ]);
    expect(statusMoves(detail('seizure', true), 'supervisor')[0]).toEqual({ to: 'referred', blocked: null, reasonRequired: false });
    expect(statusMoves(detail('under_examination', false, 0), 'officer').map((move) => move.to)).toEqual(['no_finding', 'closed']);
    expect(statusMoves(detail('referred', true), 'officer')).toEqual([{ to: 'closed', blocked: null, reasonRequired: false }]);
    expect(statusMoves(detail('closed', true), 'officer')).toEqual([]);
    expect(statusMoves(detail('closed', true), 'supervisor')).toEqual([{ to: 'open', blocked: null, reasonRequired: true }]);
  });
});

describe('timeline', () => {
  it('jumps from an entry to the record it is about', () => {
    expect(timelineTarget({ kind: 'record', summary: 'examination', recordId: 4 })).toBe('examination-4');
    expect(timelineTarget({ kind: 'audit', summary: 'custody.recorded', recordId: 9 })).toBe('custody-9');
    expect(timelineTarget({ kind: 'audit', summary: 'case.note-added', recordId: 2 })).toBe('note-2');
    expect(timelineTarget({ kind: 'audit', summary: 'case.status', recordId: null })).toBeNull();
  });
});

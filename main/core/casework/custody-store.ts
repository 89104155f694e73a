import type { z } from 'zod';
import type { CustodyEvent, CustodyInput } from '../../../shared/ipc/casework-contract';
import { DomainError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { custodyGaps, CUSTODY_GAP_HOURS } from './custody-gaps';
import { toUtc } from './examination-rules';
import { notVoided } from './live-records';
import { voidMarks } from './void-store';

export type CustodyRecord = z.output<typeof CustodyEvent>;
export type CustodyContent = z.output<typeof CustodyInput>;

/** Person and agency as one comparable key: "A. Karimov, Customs" handing over to "a. karimov , customs" is no hand-over. */
const partyKey = (person: string, agency: string) => `${person}\u0000${agency}`.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Both sides of a hand-over are required (the contract checks presence), and they must be two different parties. */
export function assertTwoParties(content: Pick<CustodyContent, 'fromPerson' | 'fromAgency' | 'toPerson' | 'toAgency'>): void {
  if (partyKey(content.fromPerson, content.fromAgency) === partyKey(content.toPerson, content.toAgency)) {
    throw new DomainError('CUSTODY_SAME_PERSON', `${content.fromPerson} cannot hand over to themselves`, { field: 'toPerson', person: content.fromPerson });
  }
}

export interface CustodyState {
  readonly id: number;
  readonly caseId: number;
  readonly correctedBy: number | null;
}

export function custodyState(db: Db, id: number): CustodyState | null {
  const row = db
    .prepare(
      `SELECT k.id, k.case_id, (SELECT max(c.id) FROM custody_events c WHERE c.corrects_event_id = k.id AND ${notVoided('custody', 'c')}) AS corrected_by
       FROM custody_events k WHERE k.id = ?`,
    )
    .get(id) as { id: number; case_id: number; corrected_by: number | null } | undefined;
  return row ? { id: row.id, caseId: row.case_id, correctedBy: row.corrected_by } : null;
}

export function insertCustodyEvent(db: Db, input: { content: CustodyContent; recordedBy: number; recordedAt: string }): number {
  const { content } = input;
  return Number(
    db
      .prepare(
        `INSERT INTO custody_events (case_id, seizure_id, sample_id, from_person, from_agency, to_person, to_agency, handed_over_at, place,
           bag_numbers, seal_numbers, condition, recorded_by, recorded_at, corrects_event_id, correction_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        content.caseId,
        content.seizureId ?? null,
        content.sampleId ?? null,
        content.fromPerson,
        content.fromAgency,
        content.toPerson,
        content.toAgency,
        toUtc(content.handedOverAt),
        content.place,
        content.bagNumbers,
        content.sealNumbers,
        content.condition,
        input.recordedBy,
        input.recordedAt,
        content.correctsEventId ?? null,
        content.correctsEventId ? (content.correctionReason ?? null) : null,
      ).lastInsertRowid,
  );
}

/**
 * The custody log of a case in the order things happened, every entry kept:
 * corrected ones name their correction, voided ones carry the void, and each
 * entry that still counts shows the gap since the item's previous hand-over
 * when it exceeds the threshold.
 */
export function custodyOfCase(db: Db, caseId: number, gapHours = CUSTODY_GAP_HOURS): CustodyRecord[] {
  const rows = db
    .prepare(
      `SELECT k.id, k.case_id, k.seizure_id, k.sample_id, k.from_person, k.from_agency, k.to_person, k.to_agency, k.handed_over_at, k.place,
              k.bag_numbers, k.seal_numbers, k.condition, u.username, k.recorded_at, k.corrects_event_id, k.correction_reason,
              (SELECT max(c.id) FROM custody_events c WHERE c.corrects_event_id = k.id AND ${notVoided('custody', 'c')}) AS corrected_by
       FROM custody_events k JOIN users u ON u.id = k.recorded_by WHERE k.case_id = ? ORDER BY k.handed_over_at, k.id`,
    )
    .all(caseId) as {
    id: number;
    case_id: number;
    seizure_id: number | null;
    sample_id: number | null;
    from_person: string;
    from_agency: string;
    to_person: string;
    to_agency: string;
    handed_over_at: string;
    place: string;
    bag_numbers: string;
    seal_numbers: string;
    condition: string;
    username: string;
    recorded_at: string;
    corrects_event_id: number | null;
    correction_reason: string | null;
    corrected_by: number | null;
  }[];
  const voided = voidMarks(db, 'custody', caseId);
  const gaps = custodyGaps(
    rows.map((row) => ({
      id: row.id,
      item: row.seizure_id !== null ? `seizure:${row.seizure_id}` : `sample:${row.sample_id ?? 0}`,
      handedOverAt: row.handed_over_at,
      replaced: voided.has(row.id) || row.corrected_by !== null,
    })),
    gapHours,
  );
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    seizureId: row.seizure_id,
    sampleId: row.sample_id,
    fromPerson: row.from_person,
    fromAgency: row.from_agency,
    toPerson: row.to_person,
    toAgency: row.to_agency,
    handedOverAt: row.handed_over_at,
    place: row.place,
    bagNumbers: row.bag_numbers,
    sealNumbers: row.seal_numbers,
    condition: row.condition,
    ...(row.corrects_event_id !== null ? { correctsEventId: row.corrects_event_id } : {}),
    ...(row.correction_reason !== null ? { correctionReason: row.correction_reason } : {}),
    recordedBy: row.username,
    recordedAt: row.recorded_at,
    correctedBy: row.corrected_by,
    gapHours: gaps.get(row.id) ?? null,
    voided: voided.get(row.id) ?? null,
  }));
}

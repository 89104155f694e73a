import type { z } from 'zod';
import type { Examination, ExaminationInput } from '../../../shared/ipc/casework-contract';
import { DomainError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { notVoided } from './live-records';
import { voidMarks } from './void-store';
import { toUtc } from './examination-rules';

export type ExaminationRecord = z.output<typeof Examination>;
/** What an examination says, whether first recorded or corrected. */
export type ExaminationContent = Omit<z.output<typeof ExaminationInput>, 'caseId' | 'consignmentId'>;

export interface ExaminationState {
  readonly id: number;
  readonly caseId: number;
  readonly consignmentId: number | null;
  readonly recordedBy: number;
  readonly approvedBy: string | null;
  readonly endedAt: string | null;
  /** The later record that corrects this one and counts, if any. */
  readonly correctedBy: number | null;
}

export function examinationState(db: Db, id: number): ExaminationState {
  const row = db
    .prepare(
      `SELECT e.id, e.case_id, e.consignment_id, e.recorded_by, u.username AS approved_by, e.ended_at,
              (SELECT max(c.id) FROM examinations c WHERE c.corrects_examination_id = e.id AND ${notVoided('examination', 'c')}) AS corrected_by
       FROM examinations e LEFT JOIN users u ON u.id = e.approved_by WHERE e.id = ?`,
    )
    .get(id) as
    | { id: number; case_id: number; consignment_id: number | null; recorded_by: number; approved_by: string | null; ended_at: string | null; corrected_by: number | null }
    | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `There is no examination ${id}`, { what: 'examination', id });
  return {
    id: row.id,
    caseId: row.case_id,
    consignmentId: row.consignment_id,
    recordedBy: row.recorded_by,
    approvedBy: row.approved_by,
    endedAt: row.ended_at,
    correctedBy: row.corrected_by,
  };
}

/** Refuses to build on a record that a later one corrects: the correction is what counts. */
export function assertNotSuperseded(state: ExaminationState): void {
  if (state.correctedBy !== null) {
    throw new DomainError('RECORD_SUPERSEDED', `Examination ${state.id} is corrected by ${state.correctedBy}`, {
      recordKind: 'examination',
      recordId: state.id,
      correctedBy: state.correctedBy,
    });
  }
}

/** The seals the manifest line declares (consignments.seals_json), as recorded at the examination. */
export function declaredSeals(db: Db, consignmentId: number): string[] {
  const row = db.prepare('SELECT seals_json FROM consignments WHERE id = ?').get(consignmentId) as { seals_json: string } | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `There is no consignment ${consignmentId}`, { what: 'consignment', id: consignmentId });
  const seals: unknown = JSON.parse(row.seals_json);
  return Array.isArray(seals) ? seals.filter((seal): seal is string => typeof seal === 'string') : [];
}

/** Inserts an examination with its participants and samples; a correction names the record it corrects and why. */
export function insertExamination(
  db: Db,
  input: {
    caseId: number;
    consignmentId: number;
    content: ExaminationContent;
    sealsDeclared: readonly string[];
    recordedBy: number;
    recordedAt: string;
    corrects?: { id: number; reason: string };
  },
): number {
  const { content } = input;
  const id = Number(
    db
      .prepare(
        `INSERT INTO examinations (case_id, consignment_id, method, scan_image_ref, location, started_at, ended_at, time_zone, seals_declared_json,
           seals_found_json, new_seal, condition_json, result, notes, recorded_by, recorded_at, corrects_examination_id, correction_reason)
         VALUES (@caseId, @consignmentId, @method, @scanImageRef, @location, @startedAt, @endedAt, @timeZone, @sealsDeclared,
           @sealsFound, @newSeal, @condition, @result, @notes, @recordedBy, @recordedAt, @corrects, @reason)`,
      )
      .run({
        caseId: input.caseId,
        consignmentId: input.consignmentId,
        method: content.method,
        scanImageRef: content.scanImageRef || null,
        location: content.location,
        startedAt: toUtc(content.startedAt),
        endedAt: content.endedAt ? toUtc(content.endedAt) : null,
        timeZone: content.timeZone,
        sealsDeclared: JSON.stringify(input.sealsDeclared),
        sealsFound: JSON.stringify(content.sealsFound),
        newSeal: content.newSeal || null,
        condition: JSON.stringify(content.condition),
        result: content.result,
        notes: content.notes,
        recordedBy: input.recordedBy,
        recordedAt: input.recordedAt,
        corrects: input.corrects?.id ?? null,
        reason: input.corrects?.reason ?? null,
      }).lastInsertRowid,
  );
  const participant = db.prepare('INSERT INTO examination_participants (examination_id, name, agency, role, user_id) VALUES (?, ?, ?, ?, ?)');
  for (const person of content.participants) participant.run(id, person.name, person.agency, person.role, person.userId ?? null);
  const sample = db.prepare('INSERT INTO samples (examination_id, bag_number, seal_number, description, taken_at) VALUES (?, ?, ?, ?, ?)');
  for (const taken of content.samples) sample.run(id, taken.bagNumber, taken.sealNumber || null, taken.description, toUtc(taken.takenAt));
  return id;
}

export function approve(db: Db, id: number, userId: number, at: string): void {
  db.prepare('UPDATE examinations SET approved_by = ?, approved_at = ? WHERE id = ? AND approved_by IS NULL').run(userId, at, id);
}

interface ExaminationRow {
  id: number;
  case_id: number;
  consignment_id: number;
  method: ExaminationRecord['method'];
  scan_image_ref: string | null;
  location: string;
  started_at: string;
  ended_at: string | null;
  time_zone: string;
  seals_declared_json: string;
  seals_found_json: string;
  new_seal: string | null;
  condition_json: string;
  result: ExaminationRecord['result'];
  notes: string;
  recorded_by: string;
  recorded_at: string;
  approved_by: string | null;
  approved_at: string | null;
  corrects_examination_id: number | null;
  correction_reason: string | null;
  corrected_by: number | null;
}

/** The examinations of a case as the contract shows them, oldest first, voided and corrected ones included and marked. */
export function examinationsOfCase(db: Db, caseId: number): ExaminationRecord[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.case_id, e.consignment_id, e.method, e.scan_image_ref, e.location, e.started_at, e.ended_at, e.time_zone, e.seals_declared_json,
              e.seals_found_json, e.new_seal, e.condition_json, e.result, e.notes, ur.username AS recorded_by, e.recorded_at, ua.username AS approved_by,
              e.approved_at, e.corrects_examination_id, e.correction_reason,
              (SELECT max(c.id) FROM examinations c WHERE c.corrects_examination_id = e.id AND ${notVoided('examination', 'c')}) AS corrected_by
       FROM examinations e JOIN users ur ON ur.id = e.recorded_by LEFT JOIN users ua ON ua.id = e.approved_by
       WHERE e.case_id = ? ORDER BY e.id`,
    )
    .all(caseId) as ExaminationRow[];
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const marks = `(${ids.map(() => '?').join(', ')})`;
  const participants = db.prepare(`SELECT examination_id, name, agency, role, user_id FROM examination_participants WHERE examination_id IN ${marks} ORDER BY id`).all(...ids) as {
    examination_id: number;
    name: string;
    agency: string;
    role: string;
    user_id: number | null;
  }[];
  const samples = db.prepare(`SELECT id, examination_id, bag_number, seal_number, description, taken_at FROM samples WHERE examination_id IN ${marks} ORDER BY id`).all(...ids) as {
    id: number;
    examination_id: number;
    bag_number: string;
    seal_number: string | null;
    description: string;
    taken_at: string;
  }[];
  const voided = voidMarks(db, 'examination', caseId);
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    consignmentId: row.consignment_id,
    method: row.method,
    ...(row.scan_image_ref ? { scanImageRef: row.scan_image_ref } : {}),
    location: row.location,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    timeZone: row.time_zone,
    participants: participants
      .filter((person) => person.examination_id === row.id)
      .map((person) => ({ name: person.name, agency: person.agency, role: person.role, userId: person.user_id })),
    sealsFound: JSON.parse(row.seals_found_json) as ExaminationRecord['sealsFound'],
    ...(row.new_seal ? { newSeal: row.new_seal } : {}),
    condition: JSON.parse(row.condition_json) as ExaminationRecord['condition'],
    samples: samples
      .filter((sample) => sample.examination_id === row.id)
      .map((sample) => ({
        id: sample.id,
        bagNumber: sample.bag_number,
        ...(sample.seal_number ? { sealNumber: sample.seal_number } : {}),
        description: sample.description,
        takenAt: sample.taken_at,
      })),
    result: row.result,
    notes: row.notes,
    sealsDeclared: JSON.parse(row.seals_declared_json) as string[],
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    correctsExaminationId: row.corrects_examination_id,
    correctionReason: row.correction_reason,
    correctedBy: row.corrected_by,
    voided: voided.get(row.id) ?? null,
  }));
}

export function examinationById(db: Db, id: number): ExaminationRecord {
  const { caseId } = examinationState(db, id);
  const found = examinationsOfCase(db, caseId).find((examination) => examination.id === id);
  if (!found) throw new DomainError('NOT_FOUND', `There is no examination ${id}`, { what: 'examination', id });
  return found;
}

/** The one examination of a case that counts, when there is exactly one: what a seizure recorded without naming one came from. */
export function soleLiveExamination(db: Db, caseId: number): number | null {
  const live = examinationsOfCase(db, caseId).filter((examination) => examination.voided === null && examination.correctedBy === null);
  return live.length === 1 ? (live[0]?.id ?? null) : null;
}

/** The case of a sample (through its examination), or null when there is no such sample. */
export function sampleCase(db: Db, sampleId: number): { caseId: number; examinationId: number } | null {
  const row = db.prepare('SELECT e.case_id, e.id FROM samples s JOIN examinations e ON e.id = s.examination_id WHERE s.id = ?').get(sampleId) as
    | { case_id: number; id: number }
    | undefined;
  return row ? { caseId: row.case_id, examinationId: row.id } : null;
}

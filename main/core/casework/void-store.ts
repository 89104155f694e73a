import { DomainError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import type { VoidableKind } from './live-records';

export interface VoidMark {
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

/** The table each voidable kind lives in (fixed identifiers, never input). */
const tableOf: Readonly<Record<VoidableKind, string>> = {
  examination: 'examinations',
  seizure: 'seizures',
  custody: 'custody_events',
  note: 'case_notes',
  attachment: 'attachments',
};

/** The case a record belongs to, or null when there is no such record. */
export function caseOfRecord(db: Db, kind: VoidableKind, id: number): number | null {
  const row = db.prepare(`SELECT case_id FROM ${tableOf[kind]} WHERE id = ?`).get(id) as { case_id: number } | undefined;
  return row?.case_id ?? null;
}

export function voidMarks(db: Db, kind: VoidableKind, caseId: number): Map<number, VoidMark> {
  const rows = db
    .prepare('SELECT v.record_id, v.reason, u.username, v.voided_at FROM voids v JOIN users u ON u.id = v.voided_by WHERE v.kind = ? AND v.case_id = ?')
    .all(kind, caseId) as { record_id: number; reason: string; username: string; voided_at: string }[];
  return new Map(rows.map((row) => [row.record_id, { reason: row.reason, by: row.username, at: row.voided_at }]));
}

export function isVoided(db: Db, kind: VoidableKind, id: number): boolean {
  return db.prepare('SELECT 1 FROM voids WHERE kind = ? AND record_id = ?').get(kind, id) !== undefined;
}

/** Refuses work on a voided record, naming it. */
export function assertNotVoided(db: Db, kind: VoidableKind, id: number): void {
  if (isVoided(db, kind, id)) throw new DomainError('RECORD_VOIDED', `${kind} ${id} has been voided`, { recordKind: kind, recordId: id });
}

/**
 * Marks a record void. The record itself is untouched (its table refuses
 * edits); the mark says who voided it, when and why, and cannot be removed.
 */
export function insertVoid(db: Db, input: { kind: VoidableKind; id: number; reason: string; userId: number; at: string }): { caseId: number } {
  const caseId = caseOfRecord(db, input.kind, input.id);
  if (caseId === null) throw new DomainError('NOT_FOUND', `There is no ${input.kind} ${input.id}`, { what: input.kind, id: input.id });
  assertNotVoided(db, input.kind, input.id);
  db.prepare('INSERT INTO voids (kind, record_id, case_id, reason, voided_by, voided_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    input.kind,
    input.id,
    caseId,
    input.reason,
    input.userId,
    input.at,
  );
  return { caseId };
}

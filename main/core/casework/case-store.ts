import { DomainError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import type { CaseFacts, CaseStatus } from './case-status';
import { formatCaseReference, nextCaseSequence } from './case-reference';
import { liveExamination, notVoided } from './live-records';

export interface CaseRow {
  readonly id: number;
  readonly reference: string;
  readonly title: string;
  readonly status: CaseStatus;
  readonly assignedTo: number | null;
}

export interface CaseSummary {
  readonly id: number;
  readonly reference: string;
  readonly title: string;
  readonly status: CaseStatus;
  readonly assignedTo: string | null;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly consignments: number;
  readonly examinations: number;
  readonly seizures: number;
  readonly awaitingApproval: number;
}

export interface CaseFilter {
  readonly status?: CaseStatus | undefined;
  /** Only cases assigned to this user. */
  readonly assignedTo?: number | undefined;
  readonly text?: string | undefined;
  readonly year?: number | undefined;
  readonly awaitingApproval?: boolean | undefined;
  readonly limit: number;
  readonly offset: number;
}

export function caseById(db: Db, id: number): CaseRow {
  const row = db.prepare('SELECT id, reference, title, status, assigned_to FROM cases WHERE id = ?').get(id) as
    | { id: number; reference: string; title: string; status: CaseStatus; assigned_to: number | null }
    | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `There is no case ${id}`, { what: 'case', id });
  return { id: row.id, reference: row.reference, title: row.title, status: row.status, assignedTo: row.assigned_to };
}

/** Examinations and seizures are recorded only in a case that is not closed. */
export function assertCaseOpen(found: CaseRow): void {
  if (found.status === 'closed') throw new DomainError('CASE_CLOSED', `Case ${found.reference} is closed`, { reference: found.reference });
}

export function insertCase(db: Db, input: { locode: string; at: Date; title: string; assignedTo: number | null; openedBy: number }): CaseRow {
  const year = input.at.getUTCFullYear();
  const sequence = nextCaseSequence(db, year);
  const reference = formatCaseReference(input.locode, year, sequence);
  const id = Number(
    db
      .prepare("INSERT INTO cases (reference, year, sequence, title, status, assigned_to, opened_by, opened_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)")
      .run(reference, year, sequence, input.title, input.assignedTo, input.openedBy, input.at.toISOString()).lastInsertRowid,
  );
  return caseById(db, id);
}

/** Links a consignment to a case, with the selection that sent it to examination (the latest decision). */
export function addConsignment(db: Db, caseId: number, consignmentId: number): void {
  const selection = db.prepare('SELECT id FROM selections WHERE consignment_id = ? ORDER BY id DESC LIMIT 1').get(consignmentId) as { id: number } | undefined;
  db.prepare('INSERT OR IGNORE INTO case_consignments (case_id, consignment_id, selection_id) VALUES (?, ?, ?)').run(caseId, consignmentId, selection?.id ?? null);
}

export function caseHasConsignment(db: Db, caseId: number, consignmentId: number): boolean {
  return db.prepare('SELECT 1 FROM case_consignments WHERE case_id = ? AND consignment_id = ?').get(caseId, consignmentId) !== undefined;
}

/** The case (not closed) a consignment is being worked in, if any; the newest if several. */
export function activeCaseOf(db: Db, consignmentId: number): CaseRow | null {
  const row = db
    .prepare("SELECT k.id FROM cases k JOIN case_consignments cc ON cc.case_id = k.id WHERE cc.consignment_id = ? AND k.status <> 'closed' ORDER BY k.id DESC LIMIT 1")
    .get(consignmentId) as { id: number } | undefined;
  return row ? caseById(db, row.id) : null;
}

/** Container and B/L of a consignment, as officers name it in messages. */
export function consignmentLabel(db: Db, consignmentId: number): string | null {
  const row = db.prepare('SELECT container_number, bl_number FROM consignments WHERE id = ?').get(consignmentId) as
    | { container_number: string | null; bl_number: string | null }
    | undefined;
  if (!row) return null;
  return [row.container_number, row.bl_number].filter((part): part is string => Boolean(part)).join(' / ') || `#${consignmentId}`;
}

export function caseFacts(db: Db, found: CaseRow): CaseFacts {
  const counts = db
    .prepare(
      `SELECT (SELECT count(*) FROM examinations e WHERE e.case_id = @id AND ${liveExamination('e')}) AS live,
              (SELECT count(*) FROM examinations e WHERE e.case_id = @id AND e.approved_by IS NOT NULL AND ${liveExamination('e')}) AS approved,
              (SELECT count(*) FROM seizures z WHERE z.case_id = @id AND ${notVoided('seizure', 'z')}) AS seizures`,
    )
    .get({ id: found.id }) as { live: number; approved: number; seizures: number };
  return { reference: found.reference, status: found.status, liveExaminations: counts.live, approvedExaminations: counts.approved, liveSeizures: counts.seizures };
}

export function updateStatus(db: Db, caseId: number, status: CaseStatus, at: string): void {
  db.prepare('UPDATE cases SET status = ?, closed_at = ? WHERE id = ?').run(status, status === 'closed' ? at : null, caseId);
}

export function updateAssignee(db: Db, caseId: number, userId: number): void {
  db.prepare('UPDATE cases SET assigned_to = ? WHERE id = ?').run(userId, caseId);
}

const SUMMARY = `
SELECT k.id, k.reference, k.title, k.status, ua.username AS assignedTo, uo.username AS openedBy, k.opened_at AS openedAt, k.closed_at AS closedAt,
       (SELECT count(*) FROM case_consignments cc WHERE cc.case_id = k.id) AS consignments,
       (SELECT count(*) FROM examinations e WHERE e.case_id = k.id AND ${liveExamination('e')}) AS examinations,
       (SELECT count(*) FROM seizures z WHERE z.case_id = k.id AND ${notVoided('seizure', 'z')}) AS seizures,
       (SELECT count(*) FROM examinations e WHERE e.case_id = k.id AND e.approved_by IS NULL AND ${liveExamination('e')}) AS awaitingApproval
FROM cases k LEFT JOIN users ua ON ua.id = k.assigned_to JOIN users uo ON uo.id = k.opened_by`;

export function caseSummary(db: Db, id: number): CaseSummary {
  const row = db.prepare(`${SUMMARY} WHERE k.id = ?`).get(id) as CaseSummary | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `There is no case ${id}`, { what: 'case', id });
  return row;
}

/**
 * Cases newest first. Words match the reference, the title, and the
 * containers and B/Ls of the case (a unit has thousands of cases, not
 * millions of lines: a scan is fine here, unlike the targeting workspace).
 */
export function listCases(db: Db, filter: CaseFilter): CaseSummary[] {
  const clauses: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit, offset: filter.offset };
  if (filter.status) {
    clauses.push('k.status = @status');
    params.status = filter.status;
  }
  if (filter.assignedTo !== undefined) {
    clauses.push('k.assigned_to = @assignedTo');
    params.assignedTo = filter.assignedTo;
  }
  if (filter.year !== undefined) {
    clauses.push('k.year = @year');
    params.year = filter.year;
  }
  const text = filter.text?.trim().toLowerCase();
  if (text) {
    clauses.push(`(instr(lower(k.reference || ' ' || k.title), @text) > 0 OR EXISTS (
      SELECT 1 FROM case_consignments cc JOIN consignments c ON c.id = cc.consignment_id
      WHERE cc.case_id = k.id AND (instr(lower(coalesce(c.container_number, '')), @text) > 0 OR instr(lower(coalesce(c.bl_number, '')), @text) > 0)))`);
    params.text = text;
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  const having = filter.awaitingApproval ? 'WHERE awaitingApproval > 0' : '';
  return db.prepare(`SELECT * FROM (${SUMMARY} ${where}) ${having} ORDER BY openedAt DESC, id DESC LIMIT @limit OFFSET @offset`).all(params) as CaseSummary[];
}

import { DomainError } from '../../../shared/ipc/errors';
import { roleRank } from '../../../shared/domain/roles';
import type { Db } from '../db/open';
import { getUnit } from '../unit/unit-repository';
import { assertActiveUser, auditAlso, changeCase, type CaseworkScope } from './casework-actor';
import { assertStatusChange, type CaseStatus } from './case-status';
import { activeCaseOf, addConsignment, caseById, caseFacts, caseSummary, consignmentLabel, insertCase, updateAssignee, updateStatus, type CaseRow, type CaseSummary } from './case-store';
import { insertNote } from './note-store';

/**
 * Opens a case for consignments inside the caller's transaction. A
 * consignment already worked in a case that is not closed is refused (one
 * line, one file). Without a title the case is named after its containers
 * and B/Ls. An officer may assign only themselves; supervisors anyone.
 */
export function openCaseIn(
  db: Db,
  scope: CaseworkScope,
  at: Date,
  input: { consignmentIds: readonly number[]; title: string; assignedTo: number | null },
): CaseRow {
  const ids = [...new Set(input.consignmentIds)];
  const labels: string[] = [];
  for (const id of ids) {
    const label = consignmentLabel(db, id);
    if (label === null) throw new DomainError('NOT_FOUND', `There is no consignment ${id}`, { what: 'consignment', id });
    const existing = activeCaseOf(db, id);
    if (existing) {
      throw new DomainError('CONSIGNMENT_ALREADY_IN_CASE', `Consignment ${label} is already in case ${existing.reference}`, { consignment: label, reference: existing.reference, caseId: existing.id });
    }
    labels.push(label);
  }
  if (input.assignedTo !== null) {
    if (input.assignedTo !== scope.actor.userId && roleRank(scope.actor.role) < roleRank('supervisor')) {
      throw new DomainError('FORBIDDEN', 'Only a supervisor assigns a case to someone else');
    }
    assertActiveUser(db, input.assignedTo);
  }
  const title = input.title.trim() || labels.slice(0, 3).join(', ') + (labels.length > 3 ? ', …' : '');
  const opened = insertCase(db, { locode: getUnit(db).locode, at, title, assignedTo: input.assignedTo, openedBy: scope.actor.userId });
  for (const id of ids) addConsignment(db, opened.id, id);
  return opened;
}

export function openCase(scope: CaseworkScope, input: { consignmentIds: readonly number[]; title: string; assignedTo?: number | null | undefined }): Promise<CaseSummary> {
  return changeCase(
    scope,
    (summary: CaseSummary) => ({ action: 'case.opened', caseId: summary.id, details: { reference: summary.reference, consignmentIds: [...new Set(input.consignmentIds)], assignedTo: summary.assignedTo } }),
    // The officer who opens a case works it, unless someone is named.
    (db, at) => caseSummary(db, openCaseIn(db, scope, at, { consignmentIds: input.consignmentIds, title: input.title, assignedTo: input.assignedTo === undefined ? scope.actor.userId : input.assignedTo }).id),
  );
}

/** Opens a case for one consignment on the fly (an examination recorded straight from the queue), audited as its own entry. */
export function openCaseForExamination(db: Db, scope: CaseworkScope, at: Date, consignmentId: number): CaseRow {
  const opened = openCaseIn(db, scope, at, { consignmentIds: [consignmentId], title: '', assignedTo: scope.actor.userId });
  auditAlso(db, scope, at, opened.id, 'case.opened', { reference: opened.reference, consignmentIds: [consignmentId], assignedTo: scope.actor.userName, byExamination: true });
  return opened;
}

export function assignCase(scope: CaseworkScope, input: { caseId: number; userId: number }): Promise<CaseSummary> {
  return changeCase(
    scope,
    (summary: CaseSummary) => ({ action: 'case.assigned', caseId: summary.id, details: { reference: summary.reference, userId: input.userId, assignedTo: summary.assignedTo } }),
    (db) => {
      const found = caseById(db, input.caseId);
      assertActiveUser(db, input.userId);
      updateAssignee(db, found.id, input.userId);
      return caseSummary(db, found.id);
    },
  );
}

/** Moves a case along (rules in case-status.ts). Asking for the status it already has changes nothing and records nothing. */
export async function setCaseStatus(scope: CaseworkScope, input: { caseId: number; status: CaseStatus; reason: string }): Promise<CaseSummary> {
  const db = scope.store.db;
  if (caseById(db, input.caseId).status === input.status) return caseSummary(db, input.caseId);
  let from: CaseStatus = input.status;
  return changeCase(
    scope,
    (summary: CaseSummary) => ({ action: 'case.status', caseId: summary.id, details: { reference: summary.reference, from, to: summary.status, reason: input.reason.trim() } }),
    (inner, at) => {
      const found = caseById(inner, input.caseId);
      from = found.status;
      assertStatusChange(caseFacts(inner, found), { to: input.status, role: scope.actor.role, reason: input.reason });
      updateStatus(inner, found.id, input.status, at.toISOString());
      return caseSummary(inner, found.id);
    },
  );
}

export function addCaseNote(scope: CaseworkScope, input: { caseId: number; text: string }): Promise<{ id: number; caseId: number }> {
  return changeCase(
    scope,
    (note: { id: number; caseId: number }) => ({ action: 'case.note-added', caseId: note.caseId, details: { recordId: note.id } }),
    (db, at) => {
      const found = caseById(db, input.caseId);
      return { id: insertNote(db, { caseId: found.id, text: input.text, writtenBy: scope.actor.userId, at: at.toISOString() }), caseId: found.id };
    },
  );
}

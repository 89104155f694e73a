import { DomainError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { findUserById } from '../vault/accounts';
import { advanceCase, changeCase, isGiven, type CaseworkScope } from './casework-actor';
import { openCaseForExamination } from './case-actions';
import { activeCaseOf, assertCaseOpen, caseById, caseHasConsignment, type CaseRow } from './case-store';
import { assertExaminationTimes, assertSealChecks } from './examination-rules';
import {
  approve,
  assertNotSuperseded,
  declaredSeals,
  examinationById,
  examinationState,
  insertExamination,
  type ExaminationContent,
  type ExaminationRecord,
} from './examination-store';
import { assertNotVoided } from './void-store';

/** Participants named as users must be users of this unit (the record links to their account). */
function assertParticipants(db: Db, content: ExaminationContent): void {
  for (const person of content.participants) {
    if (isGiven(person.userId) && !findUserById(db, person.userId)) throw new DomainError('NOT_FOUND', `There is no user ${person.userId}`, { what: 'user', id: person.userId });
  }
}

const eventOf = (examination: ExaminationRecord, action: string, extra: Record<string, unknown> = {}) => ({
  action,
  caseId: examination.caseId,
  details: { recordId: examination.id, consignmentId: examination.consignmentId, method: examination.method, result: examination.result, ...extra },
});

/**
 * Records an examination of a consignment. Without a case it goes into the
 * consignment's open case, or a new case is opened for it in the same
 * transaction. Times, seals and the case's state are checked first; the
 * case moves to "under examination" by itself.
 */
export function recordExamination(scope: CaseworkScope, input: ExaminationContent & { caseId?: number | undefined; consignmentId: number }): Promise<ExaminationRecord> {
  assertExaminationTimes(input, scope.now());
  return changeCase(
    scope,
    (examination: ExaminationRecord) => eventOf(examination, 'examination.recorded'),
    (db, at) => {
      const sealsDeclared = declaredSeals(db, input.consignmentId);
      assertSealChecks(sealsDeclared, input.sealsFound);
      assertParticipants(db, input);
      let found: CaseRow;
      if (input.caseId !== undefined) {
        found = caseById(db, input.caseId);
        if (!caseHasConsignment(db, found.id, input.consignmentId)) {
          throw new DomainError('RECORD_NOT_IN_CASE', `Consignment ${input.consignmentId} is not in case ${found.reference}`, {
            recordKind: 'consignment',
            recordId: input.consignmentId,
            field: 'consignmentId',
            reference: found.reference,
          });
        }
      } else {
        found = activeCaseOf(db, input.consignmentId) ?? openCaseForExamination(db, scope, at, input.consignmentId);
      }
      assertCaseOpen(found);
      const id = insertExamination(db, { caseId: found.id, consignmentId: input.consignmentId, content: input, sealsDeclared, recordedBy: scope.actor.userId, recordedAt: at.toISOString() });
      advanceCase(db, scope, at, found, 'examination');
      return examinationById(db, id);
    },
  );
}

/**
 * Corrects an examination: a new record naming the one it corrects and why.
 * The original is never edited; only the latest record of a chain can be
 * corrected (no forks), and the correction needs its own approval.
 */
export function correctExamination(scope: CaseworkScope, input: { examinationId: number; correction: ExaminationContent; reason: string }): Promise<ExaminationRecord> {
  assertExaminationTimes(input.correction, scope.now());
  return changeCase(
    scope,
    (examination: ExaminationRecord) => eventOf(examination, 'examination.corrected', { correctsExaminationId: input.examinationId, reason: input.reason }),
    (db, at) => {
      const state = examinationState(db, input.examinationId);
      assertNotVoided(db, 'examination', state.id);
      assertNotSuperseded(state);
      const found = caseById(db, state.caseId);
      assertCaseOpen(found);
      const original = examinationById(db, state.id);
      assertSealChecks(original.sealsDeclared, input.correction.sealsFound);
      assertParticipants(db, input.correction);
      const id = insertExamination(db, {
        caseId: found.id,
        consignmentId: original.consignmentId,
        content: input.correction,
        sealsDeclared: original.sealsDeclared,
        recordedBy: scope.actor.userId,
        recordedAt: at.toISOString(),
        corrects: { id: state.id, reason: input.reason },
      });
      return examinationById(db, id);
    },
  );
}

/**
 * A supervisor's approval (the channel requires the role). Four eyes: the
 * supervisor who recorded an examination cannot approve it. Only the record
 * that counts (not voided, not corrected) and only a finished one (with an
 * end time) can be approved, and only once.
 */
export function approveExamination(scope: CaseworkScope, input: { examinationId: number }): Promise<ExaminationRecord> {
  return changeCase(
    scope,
    (examination: ExaminationRecord) => eventOf(examination, 'examination.approved'),
    (db, at) => {
      const state = examinationState(db, input.examinationId);
      const record = { recordKind: 'examination', recordId: state.id };
      assertNotVoided(db, 'examination', state.id);
      assertNotSuperseded(state);
      if (state.approvedBy !== null) throw new DomainError('EXAMINATION_ALREADY_APPROVED', `Examination ${state.id} is already approved`, { ...record, approvedBy: state.approvedBy });
      if (state.recordedBy === scope.actor.userId) throw new DomainError('EXAMINATION_OWN_APPROVAL', `Examination ${state.id} was recorded by the approver`, record);
      if (state.endedAt === null) throw new DomainError('EXAMINATION_NOT_FINISHED', `Examination ${state.id} has no end time`, { ...record, field: 'endedAt' });
      approve(db, state.id, scope.actor.userId, at.toISOString());
      return examinationById(db, state.id);
    },
  );
}

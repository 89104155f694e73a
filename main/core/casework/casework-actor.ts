import type { Role } from '../../../shared/domain/roles';
import { DomainError } from '../../../shared/ipc/errors';
import { appendAudit, type AuditEvent } from '../audit/audit-log';
import type { Db } from '../db/open';
import type { UnitStore } from '../vault/vault';
import { findUserById } from '../vault/accounts';
import { automaticStatus } from './case-status';
import { caseById, updateStatus, type CaseRow } from './case-store';
import { caseSubject } from './case-timeline';

/** Who acts, with the role the rules ask about (a supervisor may move a case back; an officer only forward). */
export interface CaseworkActor {
  readonly userId: number;
  readonly userName: string;
  readonly role: Role;
}

/**
 * What every casework action needs: the open unit (its `change` runs the
 * work and the audit entry in one transaction), who acts, and the clock.
 * The app's handlers and the demo builder both act through these.
 */
export interface CaseworkScope {
  readonly store: UnitStore;
  readonly actor: CaseworkActor;
  readonly now: () => Date;
}

/** Runs `work` in one audited transaction; the audit entry is filed under the case, so the case timeline finds it. */
export function changeCase<T>(scope: CaseworkScope, event: (result: T) => { action: string; caseId: number; details: Record<string, unknown> }, work: (db: Db, at: Date) => T): Promise<T> {
  const at = scope.now();
  return scope.store.change(
    { userId: scope.actor.userId, userName: scope.actor.userName },
    (result: T): AuditEvent => {
      const { action, caseId, details } = event(result);
      return { action, subject: caseSubject(caseId), details };
    },
    (db) => work(db, at),
  );
}

/** A further audit entry inside the same transaction (a case opened by an examination, a status the record moved). */
export function auditAlso(db: Db, scope: CaseworkScope, at: Date, caseId: number, action: string, details: Record<string, unknown>): void {
  appendAudit(db, at, { userId: scope.actor.userId, userName: scope.actor.userName }, { action, subject: caseSubject(caseId), details });
}

/** Moves the case on by itself when the record proves the next status (see case-status.ts), audited as automatic. */
export function advanceCase(db: Db, scope: CaseworkScope, at: Date, found: CaseRow, event: 'examination' | 'seizure'): void {
  const current = caseById(db, found.id);
  const next = automaticStatus(current.status, event);
  if (!next) return;
  updateStatus(db, current.id, next, at.toISOString());
  auditAlso(db, scope, at, current.id, 'case.status', { reference: current.reference, from: current.status, to: next, reason: '', automatic: true });
}

/** An account that may be given work: it exists and is neither disabled nor removed. */
export function assertActiveUser(db: Db, userId: number): { id: number; username: string } {
  const user = findUserById(db, userId);
  if (!user) throw new DomainError('NOT_FOUND', `There is no user ${userId}`, { what: 'user', id: userId });
  if (user.disabled || user.removed) throw new DomainError('USER_DISABLED', `The account ${user.username} is disabled`, { user: user.username });
  return user;
}

/** An optional id the contract lets the renderer send as absent or null: either means "not given". */
export const isGiven = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

import type { Role } from '../../../shared/domain/roles';
import { roleRank } from '../../../shared/domain/roles';
import { DomainError, type ErrorCode } from '../../../shared/ipc/errors';

export const caseStatuses = ['open', 'under_examination', 'seizure', 'no_finding', 'referred', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Stage of each status: seizure and no finding are two outcomes of the same stage. */
const stage: Readonly<Record<CaseStatus, number>> = { open: 0, under_examination: 1, seizure: 2, no_finding: 2, referred: 3, closed: 4 };

/** What the rules need to know about the case at the moment of the change. */
export interface CaseFacts {
  readonly reference: string;
  readonly status: CaseStatus;
  /** Examinations that are neither voided nor corrected by a later record. */
  readonly liveExaminations: number;
  /** Of those, approved by a supervisor. */
  readonly approvedExaminations: number;
  readonly liveSeizures: number;
}

export interface StatusRequest {
  readonly to: CaseStatus;
  readonly role: Role;
  readonly reason: string;
}

/**
 * Whether a case may move to `to`, as a refusal (code and English message)
 * or null. The rules:
 * - forward (to a later stage) any officer may go, except that `referred`
 *   needs a current examination approved by a supervisor, `seizure` a seizure
 *   on record, `no_finding` an examination and no seizure;
 * - seizure ⇄ no finding (same stage) only when the record agrees (a
 *   seizure voided, or recorded later), with a reason;
 * - closing needs a reason unless the case was referred or ended in no
 *   finding (the ordinary ends of a case);
 * - backwards, reopening a closed case included, only a supervisor, with a
 *   reason, and the target's own conditions still apply (a reopened case is
 *   not `referred` again without an approved examination).
 */
export function statusRefusal(facts: CaseFacts, request: StatusRequest): { code: ErrorCode; message: string } | null {
  const { reference, status: from } = facts;
  const { to } = request;
  const reason = request.reason.trim();
  const backwards = stage[to] < stage[from];
  const sideways = stage[to] === stage[from];
  if (backwards && roleRank(request.role) < roleRank('supervisor')) {
    return { code: 'FORBIDDEN', message: `Only a supervisor may move case ${reference} back from ${from} to ${to}` };
  }
  if ((backwards || sideways || (to === 'closed' && from !== 'referred' && from !== 'no_finding')) && reason === '') {
    return { code: 'CASE_REASON_REQUIRED', message: `Case ${reference}: a reason is required to move it from ${from} to ${to}` };
  }
  switch (to) {
    case 'open':
    case 'under_examination':
    case 'closed':
      return null;
    case 'seizure':
      return facts.liveSeizures > 0 ? null : { code: 'CASE_NO_SEIZURE', message: `Case ${reference} has no seizure recorded` };
    case 'no_finding':
      if (facts.liveExaminations === 0) return { code: 'CASE_NOT_EXAMINED', message: `Case ${reference} has no examination recorded` };
      return facts.liveSeizures === 0 ? null : { code: 'CASE_HAS_SEIZURE', message: `Case ${reference} has a seizure recorded` };
    case 'referred':
      return facts.approvedExaminations > 0
        ? null
        : { code: 'REFERRAL_NEEDS_APPROVAL', message: `Case ${reference} needs an approved, current examination before it is referred` };
  }
}

export function assertStatusChange(facts: CaseFacts, request: StatusRequest): void {
  const refusal = statusRefusal(facts, request);
  if (refusal) throw new DomainError(refusal.code, refusal.message, { reference: facts.reference, from: facts.status, to: request.to, field: 'status' });
}

/**
 * Moves the record makes by itself, so officers need not click through
 * statuses the facts already prove: an examination puts an open case under
 * examination; a seizure puts a case that is not yet past the finding stage
 * into `seizure`. Never backwards, never out of referred or closed.
 */
export function automaticStatus(from: CaseStatus, event: 'examination' | 'seizure'): CaseStatus | null {
  if (event === 'examination') return from === 'open' ? 'under_examination' : null;
  return from === 'open' || from === 'under_examination' || from === 'no_finding' ? 'seizure' : null;
}

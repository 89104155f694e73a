import type { z } from 'zod';
import { roleRank, type Role } from '../../../../shared/domain/roles';
import type { CaseStatus } from '../../../../shared/ipc/casework-contract';
import type { ChannelOutput } from '../../../../shared/ipc/contract';

export type Status = z.infer<typeof CaseStatus>;
type CaseDetail = ChannelOutput<'cases.get'>;

/** Seizure and no finding are two outcomes of the same stage. */
const stage: Readonly<Record<Status, number>> = { open: 0, under_examination: 1, seizure: 2, no_finding: 2, referred: 3, closed: 4 };

export interface StatusMove {
  readonly to: Status;
  /** Offered but not possible yet (the button is shown disabled with this explanation). */
  readonly blocked: 'referNeedsApproval' | null;
  readonly reasonRequired: boolean;
}

const live = <T extends { voided: unknown }>(records: readonly T[]) => records.filter((record) => !record.voided);

/** An examination that counts for a referral: approved, not voided, not replaced by a correction. */
export function hasApprovedExamination(detail: CaseDetail): boolean {
  return detail.examinations.some((examination) => examination.approvedAt !== null && !examination.voided && examination.correctedBy === null);
}

/**
 * Where the screen offers to move a case: open → under examination →
 * seizure / no finding → referred to the prosecutor → closed. Main holds the
 * same rules (main/core/casework/case-status.ts) and refuses anything else;
 * this decides which buttons to show and when to insist on a reason.
 * Recording an examination or a seizure moves the case by itself, so the
 * usual buttons are the outcome, the referral and closing; a supervisor can
 * also reopen a closed case.
 */
export function statusMoves(detail: CaseDetail, role: Role): StatusMove[] {
  const from = detail.case.status;
  const supervisor = roleRank(role) >= roleRank('supervisor');
  const examinations = live(detail.examinations).filter((examination) => examination.correctedBy === null).length;
  const seizures = live(detail.seizures).length;
  const candidates: Status[] = (() => {
    switch (from) {
      case 'open':
        return ['under_examination', 'closed'];
      case 'under_examination':
        return ['seizure', 'no_finding', 'closed'];
      case 'seizure':
        return ['referred', 'closed'];
      case 'no_finding':
        return ['referred', 'closed'];
      case 'referred':
        return ['closed'];
      case 'closed':
        return supervisor ? ['open'] : [];
    }
  })();
  return candidates
    .filter((to) => {
      if (to === 'seizure') return seizures > 0;
      if (to === 'no_finding') return examinations > 0 && seizures === 0;
      // A referral after "no finding" is rare: offer it only when there is something approved to refer.
      if (to === 'referred' && from === 'no_finding') return hasApprovedExamination(detail);
      return true;
    })
    .map((to) => ({
      to,
      blocked: to === 'referred' && !hasApprovedExamination(detail) ? 'referNeedsApproval' : null,
      reasonRequired: stage[to] <= stage[from] || (to === 'closed' && from !== 'referred' && from !== 'no_finding'),
    }));
}

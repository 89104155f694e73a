import { describe, expect, it } from 'vitest';
import { automaticStatus, statusRefusal, type CaseFacts } from '../../../main/core/casework/case-status';
import { formatCaseReference } from '../../../main/core/casework/case-reference';

const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  reference: 'TJDYU-2026-0007',
  status: 'open',
  liveExaminations: 0,
  approvedExaminations: 0,
  liveSeizures: 0,
  ...overrides,
});
const officer = (to: CaseFacts['status'], reason = '') => ({ to, role: 'officer' as const, reason });
const supervisor = (to: CaseFacts['status'], reason = '') => ({ to, role: 'supervisor' as const, reason });

describe('case references', () => {
  it('read <LOCODE>-<year>-<number>, four digits at least', () => {
    expect(formatCaseReference('tjdyu', 2026, 7)).toBe('TJDYU-2026-0007');
    expect(formatCaseReference('TJDYU', 2026, 12345)).toBe('TJDYU-2026-12345');
  });
});

describe('case status rules', () => {
  it('lets an officer move forward: open → under examination → seizure → referred → closed', () => {
    expect(statusRefusal(facts(), officer('under_examination'))).toBeNull();
    expect(statusRefusal(facts({ status: 'under_examination', liveExaminations: 1, liveSeizures: 1 }), officer('seizure'))).toBeNull();
    expect(statusRefusal(facts({ status: 'seizure', liveExaminations: 1, approvedExaminations: 1, liveSeizures: 1 }), officer('referred'))).toBeNull();
    expect(statusRefusal(facts({ status: 'referred' }), officer('closed'))).toBeNull();
    expect(statusRefusal(facts({ status: 'no_finding', liveExaminations: 1 }), officer('closed'))).toBeNull();
  });

  it('refuses a referral without a current approved examination', () => {
    expect(statusRefusal(facts({ status: 'seizure', liveExaminations: 1, liveSeizures: 1 }), officer('referred'))?.code).toBe('REFERRAL_NEEDS_APPROVAL');
    expect(statusRefusal(facts({ status: 'seizure', liveExaminations: 1, approvedExaminations: 1, liveSeizures: 1 }), officer('referred'))).toBeNull();
  });

  it('asks the record to agree: seizure needs a seizure, no finding an examination and no seizure', () => {
    expect(statusRefusal(facts({ status: 'under_examination' }), officer('seizure'))?.code).toBe('CASE_NO_SEIZURE');
    expect(statusRefusal(facts({ status: 'under_examination' }), officer('no_finding'))?.code).toBe('CASE_NOT_EXAMINED');
    expect(statusRefusal(facts({ status: 'under_examination', liveExaminations: 1, liveSeizures: 1 }), officer('no_finding'))?.code).toBe('CASE_HAS_SEIZURE');
    expect(statusRefusal(facts({ status: 'under_examination', liveExaminations: 1 }), officer('no_finding'))).toBeNull();
  });

  it('needs a reason to close without a referral or a no-finding end', () => {
    expect(statusRefusal(facts(), officer('closed'))?.code).toBe('CASE_REASON_REQUIRED');
    expect(statusRefusal(facts(), officer('closed', '  '))?.code).toBe('CASE_REASON_REQUIRED');
    expect(statusRefusal(facts(), officer('closed', 'Opened for the wrong container'))).toBeNull();
  });

  it('lets only a supervisor move a case back or reopen it, with a reason, and the target’s conditions still apply', () => {
    const closed = facts({ status: 'closed', liveExaminations: 1, liveSeizures: 1 });
    expect(statusRefusal(closed, officer('seizure', 'Laboratory result'))?.code).toBe('FORBIDDEN');
    expect(statusRefusal(closed, supervisor('seizure'))?.code).toBe('CASE_REASON_REQUIRED');
    expect(statusRefusal(closed, supervisor('seizure', 'Laboratory result came back'))).toBeNull();
    expect(statusRefusal(closed, supervisor('referred', 'Prosecutor asked again'))?.code).toBe('REFERRAL_NEEDS_APPROVAL');
    expect(statusRefusal(facts({ status: 'referred' }), officer('under_examination', 'x'))?.code).toBe('FORBIDDEN');
  });

  it('changes the finding (seizure ⇄ no finding) only with a reason and when the record agrees', () => {
    const voidedSeizure = facts({ status: 'seizure', liveExaminations: 1, liveSeizures: 0 });
    expect(statusRefusal(voidedSeizure, officer('no_finding'))?.code).toBe('CASE_REASON_REQUIRED');
    expect(statusRefusal(voidedSeizure, officer('no_finding', 'Seizure voided: laboratory found sugar'))).toBeNull();
  });

  it('moves a case by itself only forward: an examination opens the examination stage, a seizure the seizure stage', () => {
    expect(automaticStatus('open', 'examination')).toBe('under_examination');
    expect(automaticStatus('under_examination', 'examination')).toBeNull();
    expect(automaticStatus('open', 'seizure')).toBe('seizure');
    expect(automaticStatus('under_examination', 'seizure')).toBe('seizure');
    expect(automaticStatus('no_finding', 'seizure')).toBe('seizure');
    expect(automaticStatus('referred', 'seizure')).toBeNull();
    expect(automaticStatus('closed', 'seizure')).toBeNull();
  });
});

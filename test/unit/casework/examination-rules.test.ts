import { describe, expect, it } from 'vitest';
import { inconsistentSealCheck, sealKey, suggestSealChecks } from '../../../shared/domain/seal-check';
import { assertExaminationTimes, assertSealChecks, localTimeText } from '../../../main/core/casework/examination-rules';
import { DomainError } from '../../../shared/ipc/errors';

const now = new Date('2026-11-29T12:00:00Z');
const thrown = (work: () => void): DomainError => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('nothing thrown');
};

describe('examination times', () => {
  it('refuses an end before the start, naming the end field and both times in the officer’s zone', () => {
    const error = thrown(() =>
      assertExaminationTimes({ startedAt: '2026-11-29T08:00:00Z', endedAt: '2026-11-29T07:30:00Z', timeZone: 'Asia/Dushanbe', samples: [] }, now),
    );
    expect(error.code).toBe('EXAMINATION_END_BEFORE_START');
    expect(error.details).toEqual({ field: 'endedAt', startedAt: '2026-11-29 13:00', endedAt: '2026-11-29 12:30' });
  });

  it('accepts an examination still going on (no end) and one that ends when it starts', () => {
    expect(() => assertExaminationTimes({ startedAt: '2026-11-29T08:00:00Z', endedAt: null, timeZone: 'Asia/Dushanbe', samples: [] }, now)).not.toThrow();
    expect(() => assertExaminationTimes({ startedAt: '2026-11-29T08:00:00Z', endedAt: '2026-11-29T08:00:00Z', timeZone: 'UTC', samples: [] }, now)).not.toThrow();
  });

  it('compares instants, not texts: offsets are honoured', () => {
    expect(() => assertExaminationTimes({ startedAt: '2026-11-29T13:00:00+05:00', endedAt: '2026-11-29T08:30:00Z', timeZone: 'Asia/Dushanbe', samples: [] }, now)).not.toThrow();
  });

  it('refuses times in the future beyond the clock tolerance, and unknown time zones', () => {
    expect(thrown(() => assertExaminationTimes({ startedAt: '2026-11-29T13:00:00Z', timeZone: 'UTC', samples: [] }, now))).toMatchObject({ code: 'TIME_IN_FUTURE', details: { field: 'startedAt' } });
    expect(() => assertExaminationTimes({ startedAt: '2026-11-29T12:05:00Z', timeZone: 'UTC', samples: [] }, now)).not.toThrow();
    expect(thrown(() => assertExaminationTimes({ startedAt: '2026-11-29T10:00:00Z', timeZone: 'UTC', samples: [{ takenAt: '2026-12-01T00:00:00Z' }] }, now))).toMatchObject({
      code: 'TIME_IN_FUTURE',
      details: { field: 'takenAt' },
    });
    expect(thrown(() => assertExaminationTimes({ startedAt: '2026-11-29T10:00:00Z', timeZone: 'Mars/Olympus', samples: [] }, now))).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('writes times in 24-hour local form', () => {
    expect(localTimeText('2026-11-29T18:05:00Z', 'Asia/Dushanbe')).toBe('2026-11-29 23:05');
    expect(localTimeText('2026-11-29T18:05:00Z')).toBe('2026-11-29 18:05 UTC');
  });
});

describe('seals found against the manifest', () => {
  it('compares seal numbers by letters and digits only', () => {
    expect(sealKey('ML-CN 4455120')).toBe(sealKey('mlcn4455120'));
  });

  it('suggests match, mismatch and missing from what was found', () => {
    expect(suggestSealChecks(['EU 77123', 'EU 77124'], ['eu77123', 'XX 1'])).toEqual([
      { seal: 'eu77123', status: 'match' },
      { seal: 'XX 1', status: 'mismatch' },
      { seal: 'EU 77124', status: 'missing' },
    ]);
  });

  it('refuses a finding that contradicts the declared seals', () => {
    expect(inconsistentSealCheck(['EU 77123'], [{ seal: 'EU77123', status: 'match' }, { seal: 'ZZ9', status: 'broken' }])).toBeNull();
    expect(inconsistentSealCheck(['EU 77123'], [{ seal: 'ZZ9', status: 'match' }])).toEqual({ seal: 'ZZ9', status: 'match' });
    expect(inconsistentSealCheck(['EU 77123'], [{ seal: 'EU 77123', status: 'mismatch' }])).toEqual({ seal: 'EU 77123', status: 'mismatch' });
    expect(inconsistentSealCheck([], [{ seal: 'EU 1', status: 'missing' }])).toEqual({ seal: 'EU 1', status: 'missing' });
    expect(thrown(() => assertSealChecks(['A1'], [{ seal: 'B2', status: 'match' }]))).toMatchObject({ code: 'SEAL_CHECK_INCONSISTENT', details: { field: 'sealsFound', seal: 'B2' } });
  });
});

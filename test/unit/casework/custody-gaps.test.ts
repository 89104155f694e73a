import { describe, expect, it } from 'vitest';
import { custodyGaps, CUSTODY_GAP_HOURS } from '../../../main/core/casework/custody-gaps';

const entry = (id: number, item: string, handedOverAt: string, replaced = false) => ({ id, item, handedOverAt, replaced });

describe('gaps in the chain of custody', () => {
  it('flags a hand-over more than the threshold after the previous hand-over of the same item', () => {
    const gaps = custodyGaps([
      entry(1, 'seizure:1', '2026-11-01T10:00:00Z'),
      entry(2, 'seizure:1', '2026-11-02T16:30:00Z'),
      entry(3, 'seizure:1', '2026-11-02T20:00:00Z'),
    ]);
    expect(CUSTODY_GAP_HOURS).toBe(24);
    expect([...gaps]).toEqual([
      [1, null],
      [2, 30.5],
      [3, null],
    ]);
  });

  it('keeps items apart and orders by the time of hand-over, not the order of recording', () => {
    const gaps = custodyGaps([
      entry(1, 'seizure:1', '2026-11-03T10:00:00Z'),
      entry(2, 'sample:4', '2026-11-01T10:00:00Z'),
      entry(3, 'seizure:1', '2026-11-01T10:00:00Z'),
    ]);
    expect(gaps.get(1)).toBe(48);
    expect(gaps.get(2)).toBeNull();
    expect(gaps.get(3)).toBeNull();
  });

  it('leaves voided and corrected entries out of the chain: the correction takes their place', () => {
    const gaps = custodyGaps([
      entry(1, 'seizure:1', '2026-11-01T10:00:00Z'),
      entry(2, 'seizure:1', '2026-11-03T10:00:00Z', true),
      entry(3, 'seizure:1', '2026-11-01T20:00:00Z'),
    ]);
    expect(gaps.get(2)).toBeNull();
    expect(gaps.get(3)).toBeNull();
    expect(custodyGaps([entry(1, 'seizure:1', '2026-11-01T10:00:00Z'), entry(2, 'seizure:1', '2026-11-01T20:00:00Z')], 8).get(2)).toBe(10);
  });
});

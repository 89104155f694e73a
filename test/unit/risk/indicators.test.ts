import { describe, expect, it } from 'vitest';
import { allIndicators, indicatorById } from '../../../main/core/risk/indicators';
import { indicatorCategories } from '../../../main/core/risk/types';
import { indicatorCases } from './cases';
import { riskContext } from './line-factory';

describe('the indicator catalogue', () => {
  it('ships at least 27 indicators with unique ids, each in a known category', () => {
    expect(allIndicators.length).toBeGreaterThanOrEqual(27);
    expect(new Set(allIndicators.map((indicator) => indicator.id)).size).toBe(allIndicators.length);
    expect(indicatorById.size).toBe(allIndicators.length);
    for (const indicator of allIndicators) {
      expect(indicatorCategories).toContain(indicator.category);
      expect(indicator.id.startsWith(`${indicator.category}.`), indicator.id).toBe(true);
      expect(indicator.defaultWeight, indicator.id).toBeGreaterThanOrEqual(1);
      expect(indicator.defaultWeight, indicator.id).toBeLessThanOrEqual(100);
    }
  });

  it('covers all six categories', () => {
    expect(new Set(allIndicators.map((indicator) => indicator.category))).toEqual(new Set(indicatorCategories));
  });

  it('has default parameters that pass each indicator’s own schema', () => {
    for (const indicator of allIndicators) {
      const parsed = indicator.params.safeParse(indicator.defaultParams);
      expect(parsed.success, `${indicator.id}: ${parsed.error?.message ?? ''}`).toBe(true);
      expect(parsed.data).toEqual(indicator.defaultParams);
    }
  });

  it('refuses unknown and out-of-range parameters', () => {
    const late = indicatorById.get('amendments.late-consignee-change');
    expect(late?.params.safeParse({ lateAfterHours: -1 }).success).toBe(false);
    expect(late?.params.safeParse({ lateAfterHours: 24, lateAfterHuors: 3 }).success).toBe(false);
    const country = indicatorById.get('routing.high-risk-country');
    expect(country?.params.safeParse({ categories: ['bananas'] }).success).toBe(false);
  });

  it('has a firing and a silent case for every indicator', () => {
    for (const indicator of allIndicators) {
      const cases = indicatorCases.filter((each) => each.id === indicator.id);
      expect(cases.some((each) => each.evidence !== null), `${indicator.id} fires somewhere`).toBe(true);
      expect(cases.some((each) => each.evidence === null), `${indicator.id} stays silent somewhere`).toBe(true);
    }
    for (const each of indicatorCases) expect(indicatorById.has(each.id), each.id).toBe(true);
  });
});

describe.each(allIndicators.map((indicator) => [indicator.id, indicator] as const))('%s', (id, indicator) => {
  const cases = indicatorCases.filter((each) => each.id === id);
  it.each(cases.map((each) => [each.evidence === null ? 'silent' : 'fires', each.title, each] as const))('%s: %s', (_verdict, _title, each) => {
    const params = indicator.params.parse({ ...indicator.defaultParams, ...(each.params ?? {}) });
    const evidence = indicator.evaluate(each.line, each.context ?? riskContext(), params);
    expect(evidence).toEqual(each.evidence);
  });
});

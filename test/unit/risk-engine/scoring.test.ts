import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callFacts } from '../../../main/core/risk/history';
import { checkDraft, defaultDraft, laneOf, ProfileDraft, type ProfileVersion } from '../../../main/core/risk/profile';
import { createScorer, randomPicker, type WatchHit } from '../../../main/core/risk/score';
import { ftsQuery, routeOf } from '../../../main/core/risk/targets';
import type { Indicator, RiskContext, RiskLine } from '../../../main/core/risk/types';

const line = (id: number, over: Partial<RiskLine> = {}): RiskLine => ({
  consignmentId: id,
  manifestId: 1,
  receivedAt: '2026-11-29T00:00:00Z',
  mode: 'sea',
  blNumber: `BL${id}`,
  masterBl: null,
  containerNumber: null,
  containerCheckDigitOk: null,
  containerType: null,
  seals: [],
  shipper: null,
  consignee: null,
  notify: null,
  goodsDescription: 'COTTON',
  hsCode: null,
  packages: null,
  packageType: null,
  grossWeightKg: null,
  placeOfReceipt: null,
  portOfLoading: null,
  transshipmentPorts: [],
  portOfDischarge: null,
  placeOfDelivery: null,
  originCountry: null,
  reefer: null,
  vessel: { name: null, imo: null, imoCheckDigitOk: null, voyage: null },
  amendments: [],
  ...over,
});

const indicator = (id: string, fires: (l: RiskLine) => boolean, weight = 20): Indicator => ({
  id,
  category: 'goods',
  defaultWeight: weight,
  params: z.object({}),
  defaultParams: {},
  evaluate: (l) => (fires(l) ? { seen: l.goodsDescription } : null),
});

const bananas = indicator('goods.bananas', (l) => /BANANA/.test(l.goodsDescription));
const heavy = indicator('weight.heavy', (l) => (l.grossWeightKg ?? 0) > 30_000);
const broken: Indicator = { ...indicator('goods.broken', () => true), evaluate: () => { throw new Error('bug'); } };
const known = new Map([bananas, heavy, broken].map((i) => [i.id, i]));

const version = (over: Partial<ProfileVersion> = {}): ProfileVersion => ({
  id: 3,
  profileId: 1,
  name: 'Standard',
  version: 1,
  redThreshold: 60,
  yellowThreshold: 30,
  randomRate: 0,
  watchlistWeights: { critical: 100, high: 70, medium: 40, low: 20 },
  indicators: new Map([
    ['goods.bananas', { weight: 25, params: {} }],
    ['weight.heavy', { weight: 40, params: {} }],
    ['goods.broken', { weight: 10, params: {} }],
  ]),
  active: true,
  createdAt: '',
  createdBy: null,
  changeReason: '',
  ...over,
});

const context = { reference: {}, history: {}, call: { sealCounts: new Map() } } as unknown as RiskContext;
const hit = (entryId: number, strength: number, severity: WatchHit['severity'] = 'high'): WatchHit => ({ entryId, kind: 'party', value: 'X', matched: 'X', severity, strength, how: 'exact' });

describe('scoring a line under a profile version', () => {
  it('adds the profile weights of the indicators that fired, strongest first, and names the lane', () => {
    const errors: string[] = [];
    const scorer = createScorer(version(), known, 'k', (id) => errors.push(id));
    const score = scorer.score(line(1, { goodsDescription: 'FRESH BANANAS', grossWeightKg: 31_000 }), context, []);
    expect(score.fired.map((f) => [f.id, f.weight])).toEqual([
      ['weight.heavy', 40],
      ['goods.bananas', 25],
    ]);
    expect(score).toMatchObject({ total: 65, lane: 'red' });
    expect(score.fired[1]!.evidence).toEqual({ seen: 'FRESH BANANAS' });
    // A combination makes red; one indicator alone does not.
    expect(scorer.score(line(2, { goodsDescription: 'FRESH BANANAS' }), context, [])).toMatchObject({ total: 25, lane: 'green' });
    // A throwing indicator is a bug to report once, not a lost import.
    scorer.score(line(3), context, []);
    expect(errors).toEqual(['goods.broken']);
  });

  it('uses the weights of the version, not the indicator defaults, and skips what the version disables', () => {
    const scorer = createScorer(version({ indicators: new Map([['goods.bananas', { weight: 70, params: {} }]]) }), known, 'k');
    expect(scorer.score(line(1, { goodsDescription: 'BANANAS', grossWeightKg: 40_000 }), context, [])).toMatchObject({ total: 70, lane: 'red', fired: [{ id: 'goods.bananas' }] });
  });

  it('weighs a watch-list hit by severity × match strength, counting an entry once at its best match', () => {
    const scorer = createScorer(version({ indicators: new Map() }), known, 'k');
    const score = scorer.score(line(1), context, [hit(7, 0.95), hit(7, 1), hit(8, 0.5, 'low')]);
    expect(score.watchHits.map((h) => [h.entryId, h.weight])).toEqual([
      [7, 70],
      [8, 10],
    ]);
    expect(score).toMatchObject({ total: 80, lane: 'red' });
  });
});

describe('the random pick', () => {
  it('is repeatable for the same line and version, differs by version, and follows the rate', () => {
    const pick = randomPicker('unit-secret', 1, 0.05);
    const picks = Array.from({ length: 20_000 }, (_, i) => pick(i + 1));
    expect(Array.from({ length: 20_000 }, (_, i) => pick(i + 1))).toEqual(picks);
    const share = picks.filter(Boolean).length / picks.length;
    expect(share).toBeGreaterThan(0.04);
    expect(share).toBeLessThan(0.06);
    const other = randomPicker('unit-secret', 2, 0.05);
    expect(Array.from({ length: 20_000 }, (_, i) => other(i + 1))).not.toEqual(picks);
    const otherUnit = randomPicker('another-secret', 1, 0.05);
    expect(Array.from({ length: 20_000 }, (_, i) => otherUnit(i + 1))).not.toEqual(picks);
    expect(randomPicker('unit-secret', 1, 0)(5)).toBe(false);
  });
});

describe('profile drafts', () => {
  it('refuses a yellow threshold at or above the red one, and an unknown indicator or bad parameters by name', () => {
    const draft = defaultDraft([bananas, heavy]);
    expect(ProfileDraft.safeParse({ ...draft, yellowThreshold: 60 }).success).toBe(false);
    const strict: Indicator<{ min: number }> = { ...indicator('weight.min', () => false), params: z.object({ min: z.number().positive() }), defaultParams: { min: 1 } } as Indicator<{ min: number }>;
    const map = new Map<string, Indicator>([[bananas.id, bananas], [strict.id, strict as unknown as Indicator]]);
    const checked = checkDraft({ ...draft, indicators: [{ id: 'nope', weight: 5 }, { id: 'weight.min', weight: 5, params: { min: -3 } }, { id: bananas.id, weight: 0 }] }, map);
    expect(checked.problems.map((p) => p.indicator)).toEqual(['nope', 'weight.min']);
    expect(checked.indicators.size).toBe(0);
  });

  it('puts a total in its lane at the thresholds', () => {
    const v = { redThreshold: 60, yellowThreshold: 30 };
    expect([0, 29, 30, 59, 60, 200].map((total) => laneOf(total, v))).toEqual(['green', 'green', 'yellow', 'yellow', 'red', 'red']);
  });
});

describe('call facts and list helpers', () => {
  it('counts a seal once per container: a groupage container repeats its seal on every B/L', () => {
    const facts = callFacts([
      line(1, { containerNumber: 'MSCU1234566', seals: ['S1'] }),
      line(2, { containerNumber: 'MSCU1234566', seals: ['S1'] }),
      line(3, { containerNumber: 'MEDU7654325', seals: ['S1', 'S2'] }),
    ]);
    expect(facts.sealCounts.get('S1')).toBe(2);
    expect(facts.sealCounts.get('S2')).toBe(1);
  });

  it('turns an officer\'s words into quoted prefix terms, never query syntax', () => {
    expect(ftsQuery('banan')).toBe('"banan"*');
    expect(ftsQuery('tea OR NEAR( "x')).toBe('"tea"* "OR"* "NEAR"* "x"*');
    expect(ftsQuery('  -- ')).toBeNull();
    expect(ftsQuery('Ромашка')).toBe('"Ромашка"*');
  });

  it('writes the route port by port without repeating a port named twice', () => {
    expect(routeOf({ place_of_receipt: 'ECGYE', port_of_loading: 'ECGYE', transshipment_ports_json: '["PAMIT","ESALG"]', port_of_discharge: 'GEPTI', place_of_delivery: null })).toEqual(['ECGYE', 'PAMIT', 'ESALG', 'GEPTI']);
  });
});

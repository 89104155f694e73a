import { createHmac } from 'node:crypto';
import { laneOf, type Lane, type ProfileVersion, type WatchSeverity } from './profile';
import type { Evidence, Indicator, RiskContext, RiskLine } from './types';

export interface FiredIndicator {
  readonly id: string;
  readonly weight: number;
  readonly evidence: Evidence;
}

/** A watch-list entry the line matched, and how well. */
export interface WatchHit {
  readonly entryId: number;
  readonly kind: string;
  /** The entry's value as the officer wrote it. */
  readonly value: string;
  /** What on the line matched (a party's name as the manifest wrote it, the container number…). */
  readonly matched: string;
  readonly severity: WatchSeverity;
  /** 0..1: 1 for an exact match, less for a transliterated or misspelt one. */
  readonly strength: number;
  readonly how: string;
}

export interface WatchHitScored extends WatchHit {
  readonly weight: number;
}

export interface LineScore {
  readonly consignmentId: number;
  readonly total: number;
  readonly lane: Lane;
  readonly fired: readonly FiredIndicator[];
  readonly watchHits: readonly WatchHitScored[];
  /** Picked for examination at random by the profile's honesty rate, whatever the score. */
  readonly randomPick: boolean;
}

export interface Scorer {
  score(line: RiskLine, context: RiskContext, watchHits: readonly WatchHit[]): LineScore;
}

/**
 * The random pick is a keyed hash of the line and the profile version, not
 * Math.random: re-scoring gives the same picks (an officer's queue does not
 * reshuffle), and without the unit's secret nobody can predict them.
 */
export function randomPicker(secret: string, versionId: number, rate: number): (consignmentId: number) => boolean {
  if (rate <= 0) return () => false;
  return (consignmentId) => {
    const digest = createHmac('sha256', secret).update(`random-pick:${versionId}:${consignmentId}`).digest();
    return digest.readUIntBE(0, 6) / 2 ** 48 < rate;
  };
}

/**
 * Scores lines under one profile version: the sum of the weights of the
 * indicators that fired plus the watch-list hits (severity weight × match
 * strength). An indicator that throws is a bug, not a reason to lose the
 * import: it is reported once through onIndicatorError and counts as silent.
 */
export function createScorer(
  version: ProfileVersion,
  known: ReadonlyMap<string, Indicator>,
  secret: string,
  onIndicatorError: (indicatorId: string, error: unknown) => void = () => {},
): Scorer {
  const enabled = [...version.indicators].flatMap(([id, setting]) => {
    const indicator = known.get(id);
    return indicator ? [{ indicator, setting }] : [];
  });
  const failed = new Set<string>();
  const pick = randomPicker(secret, version.id, version.randomRate);
  return {
    score(line, context, watchHits) {
      const fired: FiredIndicator[] = [];
      let total = 0;
      for (const { indicator, setting } of enabled) {
        let evidence: Evidence | null = null;
        try {
          evidence = indicator.evaluate(line, context, setting.params);
        } catch (error) {
          if (!failed.has(indicator.id)) onIndicatorError(indicator.id, error);
          failed.add(indicator.id);
        }
        if (evidence) {
          fired.push({ id: indicator.id, weight: setting.weight, evidence });
          total += setting.weight;
        }
      }
      const scoredHits = strongestPerEntry(watchHits).map((hit) => ({ ...hit, weight: Math.round(version.watchlistWeights[hit.severity] * hit.strength) }));
      for (const hit of scoredHits) total += hit.weight;
      fired.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
      return { consignmentId: line.consignmentId, total, lane: laneOf(total, version), fired, watchHits: scoredHits, randomPick: pick(line.consignmentId) };
    },
  };
}

/** One entry can match a line twice (consignee and notify); it counts once, at its best. */
function strongestPerEntry(hits: readonly WatchHit[]): WatchHit[] {
  const best = new Map<number, WatchHit>();
  for (const hit of hits) {
    const known = best.get(hit.entryId);
    if (!known || hit.strength > known.strength) best.set(hit.entryId, hit);
  }
  return [...best.values()].sort((a, b) => b.strength - a.strength);
}

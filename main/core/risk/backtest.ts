import type { Db } from '../db/open';
import { liveSeizure } from '../casework/live-records';
import { scoreManifestLines, type ScoringSetup } from './score-store';

export interface BacktestResult {
  readonly profileVersionId: number;
  readonly manifests: number;
  readonly lines: number;
  readonly red: number;
  readonly yellow: number;
  readonly green: number;
  /** Red lines plus the random picks: what this version would have sent to examination. */
  readonly wouldSelect: number;
  /** Lines that really ended in a seizure, whatever selected them. */
  readonly seizuresInPeriod: number;
  /** Of those, the ones this version would have selected. */
  readonly seizuresCaught: number;
  readonly indicators: { readonly indicatorId: string; readonly fired: number; readonly firedOnSeizures: number }[];
}

/**
 * Runs a profile version over stored history without storing anything: how
 * many lines it would have selected, and how many of the lines that really
 * ended in a seizure it would have caught. Lets a supervisor compare a draft
 * with the version in use before activating it.
 */
export function backtest(db: Db, setup: Omit<ScoringSetup, 'at'>, period: { from?: string; to?: string } = {}): BacktestResult {
  const manifestIds = (db
    .prepare('SELECT id FROM manifests WHERE received_at >= ? AND received_at < ? ORDER BY id')
    .all(period.from ?? '0000', period.to ?? '9999') as { id: number }[]).map((row) => row.id);
  const seized = new Set(
    // Voided seizures and seizures of voided examinations did not happen as far as the profile is concerned.
    (db.prepare(`SELECT DISTINCT e.consignment_id AS id FROM examinations e JOIN seizures z ON z.examination_id = e.id WHERE e.consignment_id IS NOT NULL AND ${liveSeizure('z', 'e')}`).all() as {
      id: number;
    }[]).map((row) => row.id),
  );
  const lanes = { red: 0, yellow: 0, green: 0 };
  let lines = 0;
  let wouldSelect = 0;
  let seizuresInPeriod = 0;
  let seizuresCaught = 0;
  const perIndicator = new Map<string, { fired: number; firedOnSeizures: number }>();
  for (const manifestId of manifestIds) {
    for (const score of scoreManifestLines(db, manifestId, setup)) {
      lines += 1;
      lanes[score.lane] += 1;
      const selects = score.lane === 'red' || score.randomPick;
      if (selects) wouldSelect += 1;
      const wasSeized = seized.has(score.consignmentId);
      if (wasSeized) seizuresInPeriod += 1;
      if (wasSeized && selects) seizuresCaught += 1;
      for (const fired of score.fired) {
        const counts = perIndicator.get(fired.id) ?? { fired: 0, firedOnSeizures: 0 };
        counts.fired += 1;
        if (wasSeized) counts.firedOnSeizures += 1;
        perIndicator.set(fired.id, counts);
      }
    }
  }
  return {
    profileVersionId: setup.version.id,
    manifests: manifestIds.length,
    lines,
    ...lanes,
    wouldSelect,
    seizuresInPeriod,
    seizuresCaught,
    indicators: [...perIndicator]
      .map(([indicatorId, counts]) => ({ indicatorId, ...counts }))
      .sort((a, b) => b.firedOnSeizures - a.firedOnSeizures || b.fired - a.fired || a.indicatorId.localeCompare(b.indicatorId)),
  };
}

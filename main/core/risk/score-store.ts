import type { Db } from '../db/open';
import { callFacts, historyBefore } from './history';
import type { ProfileVersion } from './profile';
import type { RiskReference } from './reference';
import { manifestFacts, riskLinesOfManifest } from './risk-lines';
import { createScorer, type LineScore, type WatchHit } from './score';
import type { Indicator, RiskLine } from './types';

export interface WatchLookup {
  match(line: RiskLine): readonly WatchHit[];
}

export interface ScoringSetup {
  readonly version: ProfileVersion;
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly reference: RiskReference;
  readonly watch: WatchLookup;
  /** The unit's secret for the random pick (keyed hash). */
  readonly secret: string;
  readonly at: string;
  readonly onIndicatorError?: (indicatorId: string, error: unknown) => void;
}

export interface ManifestScoreSummary {
  readonly manifestId: number;
  readonly profileVersionId: number;
  readonly lines: number;
  readonly red: number;
  readonly yellow: number;
  readonly green: number;
  readonly randomPicks: number;
  readonly watchlistHits: number;
}

/** Scores every line of one manifest in memory: no writing, for back-tests and the bench. */
export function scoreManifestLines(db: Db, manifestId: number, setup: Omit<ScoringSetup, 'at'>): LineScore[] {
  const manifest = manifestFacts(db, manifestId);
  if (!manifest) return [];
  const lines = riskLinesOfManifest(db, manifest);
  const context = { reference: setup.reference, history: historyBefore(db, manifestId, lines), call: callFacts(lines) };
  const scorer = createScorer(setup.version, setup.indicators, setup.secret, setup.onIndicatorError);
  return lines.map((line) => scorer.score(line, context, setup.watch.match(line)));
}

/**
 * Scores one manifest under one profile version and stores the result,
 * replacing an earlier score of the same version (re-scoring after the rules
 * or the watch lists changed). Score rows keep their ids, so an officer's
 * selection still points at its line's score. Call inside a transaction.
 */
export function storeManifestScores(db: Db, manifestId: number, setup: ScoringSetup): ManifestScoreSummary {
  const scores = scoreManifestLines(db, manifestId, setup);
  const versionId = setup.version.id;
  const ofThisManifest = `SELECT id FROM scores WHERE profile_version_id = ? AND consignment_id IN (SELECT id FROM consignments WHERE manifest_id = ?)`;
  db.prepare(`DELETE FROM fired_indicators WHERE score_id IN (${ofThisManifest})`).run(versionId, manifestId);
  db.prepare(`DELETE FROM watch_list_hits WHERE score_id IN (${ofThisManifest})`).run(versionId, manifestId);
  const upsert = db.prepare(
    `INSERT INTO scores (consignment_id, profile_version_id, total, band, scored_at, random_pick) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (consignment_id, profile_version_id) DO UPDATE SET total = excluded.total, band = excluded.band, scored_at = excluded.scored_at, random_pick = excluded.random_pick
     RETURNING id`,
  );
  const insertFired = db.prepare('INSERT INTO fired_indicators (score_id, indicator_id, weight, evidence_json) VALUES (?, ?, ?, ?)');
  const insertHit = db.prepare('INSERT INTO watch_list_hits (score_id, entry_id, weight, evidence_json) VALUES (?, ?, ?, ?)');
  const counts = { red: 0, yellow: 0, green: 0, randomPicks: 0, watchlistHits: 0 };
  for (const score of scores) {
    const { id } = upsert.get(score.consignmentId, versionId, score.total, score.lane, setup.at, score.randomPick ? 1 : 0) as { id: number };
    for (const fired of score.fired) insertFired.run(id, fired.id, fired.weight, JSON.stringify(fired.evidence));
    for (const hit of score.watchHits) {
      insertHit.run(id, hit.entryId, hit.weight, JSON.stringify({ matched: hit.matched, strength: hit.strength, how: hit.how, kind: hit.kind, value: hit.value }));
    }
    counts[score.lane] += 1;
    if (score.randomPick) counts.randomPicks += 1;
    counts.watchlistHits += score.watchHits.length;
  }
  return { manifestId, profileVersionId: versionId, lines: scores.length, ...counts };
}

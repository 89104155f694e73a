import type { Actor } from '../audit/audit-log';
import { importManifestFile, type ImportFileResult, type ImportOptions } from '../manifests/import/import-service';
import type { Db } from '../db/open';
import type { UnitStore } from '../vault/vault';
import { backtest, type BacktestResult } from './backtest';
import { allIndicators } from './indicators';
import { ensureActiveVersion, loadVersion } from './profile-store';
import type { ProfileVersion } from './profile';
import { loadReference, riskSecret } from './reference-store';
import { storeManifestScores, type ManifestScoreSummary, type ScoringSetup } from './score-store';
import type { Indicator } from './types';
import { watchLookup } from './watchlist-store';

export const indicatorMap: ReadonlyMap<string, Indicator> = new Map(allIndicators.map((indicator) => [indicator.id, indicator]));

/** Everything scoring needs, read once per run (reference tables, watch lists, the random-pick key). */
export function scoringSetup(db: Db, version: ProfileVersion, at: string, onIndicatorError?: ScoringSetup['onIndicatorError']): ScoringSetup {
  return {
    version,
    indicators: indicatorMap,
    reference: loadReference(db),
    watch: watchLookup(db, at),
    secret: riskSecret(db),
    at,
    ...(onIndicatorError ? { onIndicatorError } : {}),
  };
}

export interface RescoreSummary {
  readonly profileVersionId: number;
  readonly manifests: number;
  readonly lines: number;
  readonly red: number;
  readonly yellow: number;
  readonly green: number;
  readonly randomPicks: number;
  readonly watchlistHits: number;
}

function sum(version: ProfileVersion, parts: readonly ManifestScoreSummary[]): RescoreSummary {
  const total = { profileVersionId: version.id, manifests: parts.length, lines: 0, red: 0, yellow: 0, green: 0, randomPicks: 0, watchlistHits: 0 };
  for (const part of parts) {
    total.lines += part.lines;
    total.red += part.red;
    total.yellow += part.yellow;
    total.green += part.green;
    total.randomPicks += part.randomPicks;
    total.watchlistHits += part.watchlistHits;
  }
  return total;
}

/**
 * Scores manifests under the active profile version (made on first use) and
 * stores the scores, in one audited transaction: at import, and when rules or
 * watch lists changed and the officer asks to re-score what is loaded.
 */
export async function scoreManifests(
  store: UnitStore,
  actor: Actor,
  clock: () => Date,
  selection: { manifestIds?: readonly number[]; from?: string; to?: string },
  action: 'risk.scored' | 'risk.rescored',
  onIndicatorError?: ScoringSetup['onIndicatorError'],
): Promise<RescoreSummary> {
  const at = clock().toISOString();
  return store.change(
    actor,
    (summary: RescoreSummary) => ({
      action,
      subject: selection.manifestIds?.length === 1 ? `manifest:${selection.manifestIds[0]}` : 'manifests',
      details: { ...summary, ...(selection.from ? { from: selection.from } : {}), ...(selection.to ? { to: selection.to } : {}) },
    }),
    (db) => {
      const version = ensureActiveVersion(db, allIndicators, at);
      const ids =
        selection.manifestIds ??
        (db.prepare('SELECT id FROM manifests WHERE received_at >= ? AND received_at < ? ORDER BY id').all(selection.from ?? '0000', selection.to ?? '9999') as { id: number }[]).map(
          (row) => row.id,
        );
      const setup = scoringSetup(db, version, at, onIndicatorError);
      return sum(version, ids.map((id) => storeManifestScores(db, id, setup)));
    },
  );
}

/** A what-if run of any profile version over history; reads only. */
export function backtestVersion(db: Db, versionId: number, period: { from?: string; to?: string }, at: string): BacktestResult | null {
  const version = loadVersion(db, versionId);
  if (!version) return null;
  return backtest(db, scoringSetup(db, version, at), period);
}

/**
 * Imports one manifest file and scores it under the active profile: what every
 * import does (the app, the CLI, the demo unit). Scoring is a second step on
 * purpose: a failure there must not lose the import, so it goes to onScoringError
 * (with the indicator at fault, when one is) and the result says `scoring: null`;
 * the officer can re-score.
 */
export async function importAndScore(
  store: UnitStore,
  actor: Actor,
  file: { readonly name: string; readonly bytes: Uint8Array },
  options: ImportOptions,
  onScoringError: (error: unknown, indicatorId?: string) => void,
): Promise<ImportFileResult> {
  const result = await importManifestFile(store, actor, file, options);
  if (result.status !== 'imported' || result.manifestId === null) return result;
  try {
    const summary = await scoreManifests(store, actor, options.clock, { manifestIds: [result.manifestId] }, 'risk.scored', (indicatorId, error) =>
      onScoringError(error, indicatorId),
    );
    return { ...result, scoring: { red: summary.red, yellow: summary.yellow, green: summary.green, watchlistHits: summary.watchlistHits } };
  } catch (error) {
    onScoringError(error);
    return { ...result, scoring: null };
  }
}

import type { Db } from '../db/open';
import { DomainError } from '../../../shared/ipc/errors';
import { checkDraft, defaultDraft, type ProfileDraft, type ProfileIndicator, type ProfileVersion, type WatchSeverity } from './profile';
import type { Indicator } from './types';

export const DEFAULT_PROFILE_NAME = 'Standard';

interface VersionRow {
  id: number;
  profile_id: number;
  name: string;
  version: number;
  red_threshold: number;
  yellow_threshold: number;
  random_rate: string;
  watchlist_weights_json: string;
  active: number;
  created_at: string;
  created_by: string | null;
  change_reason: string;
}

const VERSION_SQL = `
SELECT v.id, v.profile_id, p.name, v.version, v.red_threshold, v.yellow_threshold, v.random_rate, v.watchlist_weights_json,
       v.active, v.created_at, u.username AS created_by, v.change_reason
FROM profile_versions v JOIN profiles p ON p.id = v.profile_id LEFT JOIN users u ON u.id = v.created_by`;

/** The indicators this build ships, as rows other tables can reference; their defaults follow the build. */
export function syncIndicators(db: Db, indicators: readonly Indicator[]): void {
  const upsert = db.prepare(
    `INSERT INTO indicators (id, category, default_weight, default_params_json) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET category = excluded.category, default_weight = excluded.default_weight, default_params_json = excluded.default_params_json`,
  );
  for (const indicator of indicators) upsert.run(indicator.id, indicator.category, indicator.defaultWeight, JSON.stringify(indicator.defaultParams));
}

function toVersion(db: Db, row: VersionRow): ProfileVersion {
  const settings = db.prepare('SELECT indicator_id, weight, params_json FROM profile_indicators WHERE profile_version_id = ?').all(row.id) as {
    indicator_id: string;
    weight: number;
    params_json: string;
  }[];
  return {
    id: row.id,
    profileId: row.profile_id,
    name: row.name,
    version: row.version,
    redThreshold: row.red_threshold,
    yellowThreshold: row.yellow_threshold,
    randomRate: Number(row.random_rate),
    watchlistWeights: JSON.parse(row.watchlist_weights_json) as Record<WatchSeverity, number>,
    indicators: new Map<string, ProfileIndicator>(settings.map((s) => [s.indicator_id, { weight: s.weight, params: JSON.parse(s.params_json) as Record<string, unknown> }])),
    active: row.active === 1,
    createdAt: row.created_at,
    createdBy: row.created_by,
    changeReason: row.change_reason,
  };
}

export function loadVersion(db: Db, versionId: number): ProfileVersion | null {
  const row = db.prepare(`${VERSION_SQL} WHERE v.id = ?`).get(versionId) as VersionRow | undefined;
  return row ? toVersion(db, row) : null;
}

export function activeVersion(db: Db): ProfileVersion | null {
  const row = db.prepare(`${VERSION_SQL} WHERE v.active = 1`).get() as VersionRow | undefined;
  return row ? toVersion(db, row) : null;
}

export function listVersions(db: Db): ProfileVersion[] {
  return (db.prepare(`${VERSION_SQL} ORDER BY p.name, v.version DESC`).all() as VersionRow[]).map((row) => toVersion(db, row));
}

/**
 * Saves a draft as the next version of a profile (a new profile when the name
 * is new). Versions are never edited: scores keep pointing at what produced
 * them. The new version becomes active when its profile was the active one,
 * or when asked.
 */
export function saveVersion(
  db: Db,
  indicators: readonly Indicator[],
  input: { profileName: string; draft: ProfileDraft; userId: number | null; at: string; activate?: boolean },
): ProfileVersion {
  const known = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  const { indicators: settings, problems } = checkDraft(input.draft, known);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new DomainError('PROFILE_INVALID', `Profile ${input.profileName}: ${first.indicator ?? first.field}: ${first.message}`, {
      profile: input.profileName,
      field: first.indicator ?? first.field,
      detail: first.message,
    });
  }
  syncIndicators(db, indicators);
  const existing = db.prepare('SELECT id FROM profiles WHERE name = ?').get(input.profileName) as { id: number } | undefined;
  const profileId =
    existing?.id ??
    Number(db.prepare('INSERT INTO profiles (name, created_at, created_by) VALUES (?, ?, ?)').run(input.profileName, input.at, input.userId).lastInsertRowid);
  const last = db.prepare('SELECT max(version) AS version, max(active) AS active FROM profile_versions WHERE profile_id = ?').get(profileId) as {
    version: number | null;
    active: number | null;
  };
  const anyActive = db.prepare('SELECT 1 FROM profile_versions WHERE active = 1').get() !== undefined;
  const activate = input.activate === true || last.active === 1 || !anyActive;
  if (activate) db.prepare('UPDATE profile_versions SET active = 0 WHERE active = 1').run();
  const versionId = Number(
    db
      .prepare(
        `INSERT INTO profile_versions (profile_id, version, red_threshold, yellow_threshold, random_rate, watchlist_weights_json, active, created_at, created_by, change_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        profileId,
        (last.version ?? 0) + 1,
        input.draft.redThreshold,
        input.draft.yellowThreshold,
        String(input.draft.randomRate),
        JSON.stringify(input.draft.watchlistWeights),
        activate ? 1 : 0,
        input.at,
        input.userId,
        input.draft.changeReason,
      ).lastInsertRowid,
  );
  const insertSetting = db.prepare('INSERT INTO profile_indicators (profile_version_id, indicator_id, weight, params_json) VALUES (?, ?, ?, ?)');
  for (const [id, setting] of settings) insertSetting.run(versionId, id, setting.weight, JSON.stringify(setting.params));
  return loadVersion(db, versionId)!;
}

/** Makes one version the one the unit scores with. */
export function activateVersion(db: Db, versionId: number): ProfileVersion {
  const version = loadVersion(db, versionId);
  if (!version) throw new DomainError('NOT_FOUND', `There is no profile version ${versionId}`, { what: 'profile version', id: versionId });
  db.prepare('UPDATE profile_versions SET active = 0 WHERE active = 1').run();
  db.prepare('UPDATE profile_versions SET active = 1 WHERE id = ?').run(versionId);
  return { ...version, active: true };
}

/** The active version, creating the unit's first profile when there is none (first import after setup). */
export function ensureActiveVersion(db: Db, indicators: readonly Indicator[], at: string): ProfileVersion {
  const active = activeVersion(db);
  if (active) {
    syncIndicators(db, indicators);
    return active;
  }
  return saveVersion(db, indicators, { profileName: DEFAULT_PROFILE_NAME, draft: defaultDraft(indicators), userId: null, at, activate: true });
}

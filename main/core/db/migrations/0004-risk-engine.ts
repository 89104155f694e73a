import type { Migration } from '../migration';

/**
 * What the risk engine needs beyond the first schema:
 * - watch lists also hold seal numbers (SQLite cannot alter a CHECK, so the
 *   entry table is rebuilt; its hits are rebuilt with it so their foreign key
 *   follows, and rows are copied, not lost);
 * - reference tables (high-risk countries, cover loads…) edited by
 *   supervisors are stored per table, over the defaults shipped in resources/;
 * - a profile version says how much a watch-list hit weighs per severity;
 * - a score remembers whether the line was picked at random (the profile's
 *   honesty check), and the workspace's first page reads an index in score order.
 */
export const riskEngine: Migration = {
  id: 4,
  name: 'risk-engine',
  up(db) {
    db.exec(`
CREATE TABLE watch_list_entries_v4 (
  id INTEGER PRIMARY KEY,
  watch_list_id INTEGER NOT NULL REFERENCES watch_lists (id),
  kind TEXT NOT NULL CHECK (kind IN ('party', 'container', 'vessel', 'bl', 'seal')),
  value TEXT NOT NULL,
  value_normalised TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  source TEXT NOT NULL DEFAULT 'local',
  expires_at TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  removed_at TEXT,
  removed_by INTEGER REFERENCES users (id)
) STRICT;
INSERT INTO watch_list_entries_v4 (id, watch_list_id, kind, value, value_normalised, severity, reason, source, expires_at, active, created_at, created_by)
  SELECT id, watch_list_id, kind, value, value_normalised, severity, reason, source, expires_at, active, created_at, created_by FROM watch_list_entries;

CREATE TABLE watch_list_hits_v4 (
  score_id INTEGER NOT NULL REFERENCES scores (id) ON DELETE CASCADE,
  entry_id INTEGER NOT NULL REFERENCES watch_list_entries_v4 (id),
  weight INTEGER NOT NULL,
  evidence_json TEXT NOT NULL,
  PRIMARY KEY (score_id, entry_id)
) STRICT;
INSERT INTO watch_list_hits_v4 SELECT score_id, entry_id, weight, evidence_json FROM watch_list_hits;

DROP TABLE watch_list_hits;
DROP TABLE watch_list_entries;
ALTER TABLE watch_list_entries_v4 RENAME TO watch_list_entries;
ALTER TABLE watch_list_hits_v4 RENAME TO watch_list_hits;
CREATE INDEX watch_list_entries_lookup ON watch_list_entries (kind, value_normalised) WHERE active = 1;
CREATE INDEX watch_list_hits_entry ON watch_list_hits (entry_id);

CREATE TABLE risk_reference (
  name TEXT PRIMARY KEY,
  table_json TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users (id)
) STRICT;

-- The key of the random pick: inside the encrypted database, so nobody outside the unit can predict which lines are picked.
CREATE TABLE risk_secret (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  secret TEXT NOT NULL
) STRICT;

ALTER TABLE profile_versions ADD COLUMN watchlist_weights_json TEXT NOT NULL DEFAULT '{"critical":100,"high":70,"medium":40,"low":20}';
ALTER TABLE scores ADD COLUMN random_pick INTEGER NOT NULL DEFAULT 0 CHECK (random_pick IN (0, 1));
CREATE INDEX scores_top ON scores (profile_version_id, total DESC, consignment_id);
CREATE INDEX scores_consignment ON scores (consignment_id);
`);
  },
};

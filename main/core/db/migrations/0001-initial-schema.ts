import type { Migration } from '../migration';

/**
 * The whole product's schema, so later features fill behaviour, not tables.
 * Conventions: STRICT tables; times are ISO 8601 text in UTC with the offset
 * the officer worked in kept beside where it matters; money, weights and
 * quantities are exact decimals stored as TEXT (never REAL: no binary drift
 * in court documents); codes (HS, LOCODE) are TEXT so leading zeros survive.
 * Evidence tables (audit, custody) are append-only: triggers refuse UPDATE
 * and DELETE, and a correction is a new row that names the one it corrects.
 */
export const initialSchema: Migration = {
  id: 1,
  name: 'initial-schema',
  up(db) {
    db.exec(`
CREATE TABLE unit (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  unit_uid TEXT NOT NULL,
  name TEXT NOT NULL,
  country TEXT NOT NULL CHECK (length(country) = 2),
  locode TEXT NOT NULL CHECK (length(locode) = 5),
  created_at TEXT NOT NULL,
  settings_json TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'administrator')),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  password_changed_at TEXT NOT NULL
) STRICT;

CREATE TABLE parties (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_normalised TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  country TEXT,
  first_seen_at TEXT NOT NULL,
  UNIQUE (name_normalised, address)
) STRICT;

CREATE TABLE containers (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  check_digit_ok INTEGER NOT NULL CHECK (check_digit_ok IN (0, 1)),
  iso_type TEXT,
  first_seen_at TEXT NOT NULL
) STRICT;

CREATE TABLE column_mappings (
  id INTEGER PRIMARY KEY,
  sender TEXT NOT NULL UNIQUE,
  mapping_json TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users (id)
) STRICT;

CREATE TABLE manifests (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('xlsx', 'xls', 'ods', 'csv', 'tsv', 'cuscar')),
  sender TEXT,
  mode TEXT NOT NULL DEFAULT 'sea' CHECK (mode IN ('sea', 'air', 'rail', 'road')),
  vessel_name TEXT,
  imo TEXT,
  voyage TEXT,
  carrier TEXT,
  port_of_loading TEXT,
  port_of_discharge TEXT,
  departure_date TEXT,
  arrival_date TEXT,
  received_at TEXT NOT NULL,
  imported_by INTEGER NOT NULL REFERENCES users (id),
  amends_manifest_id INTEGER REFERENCES manifests (id),
  amendment_json TEXT,
  line_count INTEGER NOT NULL,
  container_count INTEGER NOT NULL,
  total_gross_weight_kg TEXT NOT NULL,
  problems_json TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX manifests_call ON manifests (vessel_name, voyage, received_at);

CREATE TABLE consignments (
  id INTEGER PRIMARY KEY,
  manifest_id INTEGER NOT NULL REFERENCES manifests (id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  source_ref TEXT NOT NULL,
  bl_number TEXT,
  master_bl TEXT,
  container_id INTEGER REFERENCES containers (id),
  container_number TEXT,
  container_type TEXT,
  shipper_id INTEGER REFERENCES parties (id),
  consignee_id INTEGER REFERENCES parties (id),
  notify_id INTEGER REFERENCES parties (id),
  goods_description TEXT NOT NULL DEFAULT '',
  hs_code TEXT,
  packages INTEGER,
  package_type TEXT,
  gross_weight_kg TEXT,
  place_of_receipt TEXT,
  port_of_loading TEXT,
  transshipment_ports_json TEXT NOT NULL DEFAULT '[]',
  port_of_discharge TEXT,
  place_of_delivery TEXT,
  origin_country TEXT,
  seals_json TEXT NOT NULL DEFAULT '[]',
  reefer INTEGER CHECK (reefer IN (0, 1)),
  problems_json TEXT NOT NULL DEFAULT '[]',
  UNIQUE (manifest_id, line_no)
) STRICT;
CREATE INDEX consignments_container ON consignments (container_id);
CREATE INDEX consignments_consignee ON consignments (consignee_id);
CREATE INDEX consignments_bl ON consignments (bl_number);

CREATE VIRTUAL TABLE consignments_fts USING fts5 (
  goods_description, content = 'consignments', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER consignments_fts_insert AFTER INSERT ON consignments BEGIN
  INSERT INTO consignments_fts (rowid, goods_description) VALUES (new.id, new.goods_description);
END;
CREATE TRIGGER consignments_fts_delete AFTER DELETE ON consignments BEGIN
  INSERT INTO consignments_fts (consignments_fts, rowid, goods_description) VALUES ('delete', old.id, old.goods_description);
END;
CREATE TRIGGER consignments_fts_update AFTER UPDATE OF goods_description ON consignments BEGIN
  INSERT INTO consignments_fts (consignments_fts, rowid, goods_description) VALUES ('delete', old.id, old.goods_description);
  INSERT INTO consignments_fts (rowid, goods_description) VALUES (new.id, new.goods_description);
END;

CREATE VIRTUAL TABLE parties_fts USING fts5 (
  name, address, content = 'parties', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER parties_fts_insert AFTER INSERT ON parties BEGIN
  INSERT INTO parties_fts (rowid, name, address) VALUES (new.id, new.name, new.address);
END;
CREATE TRIGGER parties_fts_delete AFTER DELETE ON parties BEGIN
  INSERT INTO parties_fts (parties_fts, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
END;
CREATE TRIGGER parties_fts_update AFTER UPDATE OF name, address ON parties BEGIN
  INSERT INTO parties_fts (parties_fts, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
  INSERT INTO parties_fts (rowid, name, address) VALUES (new.id, new.name, new.address);
END;

CREATE TABLE watch_lists (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id)
) STRICT;

CREATE TABLE watch_list_entries (
  id INTEGER PRIMARY KEY,
  watch_list_id INTEGER NOT NULL REFERENCES watch_lists (id),
  kind TEXT NOT NULL CHECK (kind IN ('party', 'container', 'vessel', 'bl')),
  value TEXT NOT NULL,
  value_normalised TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  reason TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT 'local',
  expires_at TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id)
) STRICT;
CREATE INDEX watch_list_entries_lookup ON watch_list_entries (kind, value_normalised) WHERE active = 1;

CREATE TABLE indicators (
  id TEXT PRIMARY KEY,
  category TEXT NOT NULL,
  default_weight INTEGER NOT NULL,
  default_params_json TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id)
) STRICT;

CREATE TABLE profile_versions (
  id INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profiles (id),
  version INTEGER NOT NULL,
  red_threshold INTEGER NOT NULL,
  yellow_threshold INTEGER NOT NULL,
  random_rate TEXT NOT NULL DEFAULT '0',
  active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  change_reason TEXT NOT NULL DEFAULT '',
  UNIQUE (profile_id, version)
) STRICT;

CREATE TABLE profile_indicators (
  profile_version_id INTEGER NOT NULL REFERENCES profile_versions (id),
  indicator_id TEXT NOT NULL REFERENCES indicators (id),
  weight INTEGER NOT NULL,
  params_json TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (profile_version_id, indicator_id)
) STRICT;

CREATE TABLE scores (
  id INTEGER PRIMARY KEY,
  consignment_id INTEGER NOT NULL REFERENCES consignments (id) ON DELETE CASCADE,
  profile_version_id INTEGER NOT NULL REFERENCES profile_versions (id),
  total INTEGER NOT NULL,
  band TEXT NOT NULL CHECK (band IN ('red', 'yellow', 'green')),
  scored_at TEXT NOT NULL,
  UNIQUE (consignment_id, profile_version_id)
) STRICT;
CREATE INDEX scores_rank ON scores (profile_version_id, band, total DESC);

CREATE TABLE fired_indicators (
  score_id INTEGER NOT NULL REFERENCES scores (id) ON DELETE CASCADE,
  indicator_id TEXT NOT NULL REFERENCES indicators (id),
  weight INTEGER NOT NULL,
  evidence_json TEXT NOT NULL,
  PRIMARY KEY (score_id, indicator_id)
) STRICT;
CREATE INDEX fired_indicators_indicator ON fired_indicators (indicator_id);

CREATE TABLE watch_list_hits (
  score_id INTEGER NOT NULL REFERENCES scores (id) ON DELETE CASCADE,
  entry_id INTEGER NOT NULL REFERENCES watch_list_entries (id),
  weight INTEGER NOT NULL,
  evidence_json TEXT NOT NULL,
  PRIMARY KEY (score_id, entry_id)
) STRICT;

CREATE TABLE selections (
  id INTEGER PRIMARY KEY,
  consignment_id INTEGER NOT NULL REFERENCES consignments (id),
  score_id INTEGER REFERENCES scores (id),
  decision TEXT NOT NULL CHECK (decision IN ('targeted', 'random', 'waived')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  decided_by INTEGER NOT NULL REFERENCES users (id),
  decided_at TEXT NOT NULL
) STRICT;
CREATE INDEX selections_consignment ON selections (consignment_id);

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  sequence INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('open', 'under_examination', 'seizure', 'no_finding', 'referred', 'closed')),
  assigned_to INTEGER REFERENCES users (id),
  opened_by INTEGER NOT NULL REFERENCES users (id),
  opened_at TEXT NOT NULL,
  closed_at TEXT,
  UNIQUE (year, sequence)
) STRICT;

CREATE TABLE case_consignments (
  case_id INTEGER NOT NULL REFERENCES cases (id),
  consignment_id INTEGER NOT NULL REFERENCES consignments (id),
  selection_id INTEGER REFERENCES selections (id),
  PRIMARY KEY (case_id, consignment_id)
) STRICT;

CREATE TABLE examinations (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  consignment_id INTEGER REFERENCES consignments (id),
  method TEXT NOT NULL CHECK (method IN ('documentary', 'nii_scan', 'physical_partial', 'physical_full', 'detector_dog', 'trace_detector', 'sampling')),
  scan_image_ref TEXT,
  location TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  time_zone TEXT NOT NULL,
  seals_declared_json TEXT NOT NULL DEFAULT '[]',
  seals_found_json TEXT NOT NULL DEFAULT '[]',
  new_seal TEXT,
  condition_json TEXT NOT NULL DEFAULT '{}',
  result TEXT CHECK (result IN ('nothing_found', 'discrepancy', 'seizure')),
  notes TEXT NOT NULL DEFAULT '',
  recorded_by INTEGER NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  approved_by INTEGER REFERENCES users (id),
  approved_at TEXT,
  corrects_examination_id INTEGER REFERENCES examinations (id),
  correction_reason TEXT
) STRICT;
CREATE INDEX examinations_case ON examinations (case_id);

CREATE TABLE examination_participants (
  id INTEGER PRIMARY KEY,
  examination_id INTEGER NOT NULL REFERENCES examinations (id),
  name TEXT NOT NULL,
  agency TEXT NOT NULL,
  role TEXT NOT NULL,
  user_id INTEGER REFERENCES users (id)
) STRICT;

CREATE TABLE samples (
  id INTEGER PRIMARY KEY,
  examination_id INTEGER NOT NULL REFERENCES examinations (id),
  bag_number TEXT NOT NULL,
  seal_number TEXT,
  description TEXT NOT NULL,
  taken_at TEXT NOT NULL
) STRICT;

CREATE TABLE seizures (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  examination_id INTEGER REFERENCES examinations (id),
  category TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  quantity TEXT NOT NULL,
  quantity_unit TEXT NOT NULL CHECK (quantity_unit IN ('kg', 'g', 'pieces', 'litres', 'cartons')),
  concealment_method TEXT,
  concealment_location TEXT,
  estimated_value TEXT,
  currency TEXT,
  recorded_by INTEGER NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX seizures_case ON seizures (case_id);

CREATE TABLE seizure_parties (
  seizure_id INTEGER NOT NULL REFERENCES seizures (id),
  party_id INTEGER NOT NULL REFERENCES parties (id),
  role TEXT NOT NULL,
  PRIMARY KEY (seizure_id, party_id, role)
) STRICT;

CREATE TABLE custody_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  seizure_id INTEGER REFERENCES seizures (id),
  sample_id INTEGER REFERENCES samples (id),
  from_person TEXT NOT NULL,
  from_agency TEXT NOT NULL,
  to_person TEXT NOT NULL,
  to_agency TEXT NOT NULL,
  handed_over_at TEXT NOT NULL,
  place TEXT NOT NULL,
  bag_numbers TEXT NOT NULL DEFAULT '',
  seal_numbers TEXT NOT NULL DEFAULT '',
  condition TEXT NOT NULL DEFAULT '',
  recorded_by INTEGER NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  corrects_event_id INTEGER REFERENCES custody_events (id),
  correction_reason TEXT,
  CHECK ((corrects_event_id IS NULL) = (correction_reason IS NULL))
) STRICT;
CREATE INDEX custody_events_case ON custody_events (case_id, handed_over_at);
CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events BEGIN
  SELECT RAISE(ABORT, 'custody events are append-only: record a correction instead');
END;
CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events BEGIN
  SELECT RAISE(ABORT, 'custody events are append-only: record a correction instead');
END;

CREATE TABLE case_notes (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  text TEXT NOT NULL,
  written_by INTEGER NOT NULL REFERENCES users (id),
  written_at TEXT NOT NULL
) STRICT;

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  examination_id INTEGER REFERENCES examinations (id),
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  byte_length INTEGER NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  thumbnail BLOB,
  caption TEXT NOT NULL DEFAULT '',
  captured_at TEXT,
  added_by INTEGER NOT NULL REFERENCES users (id),
  added_at TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_case ON attachments (case_id);

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  report_uid TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('examination', 'case_file', 'statistics')),
  case_id INTEGER REFERENCES cases (id),
  examination_id INTEGER REFERENCES examinations (id),
  language TEXT NOT NULL,
  data_sha256 TEXT NOT NULL,
  audit_head_hash TEXT NOT NULL,
  pdf_sha256 TEXT NOT NULL,
  pdf BLOB NOT NULL,
  signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
  issued_by INTEGER NOT NULL REFERENCES users (id),
  issued_at TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  user_name TEXT,
  action TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  details_json TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_user ON audit_log (user_name, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
`);
  },
};

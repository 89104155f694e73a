import type { Migration } from '../migration';

/**
 * Information exchange between units (signed, optionally encrypted packages):
 * - `exchange_identity`: this unit's exchange key pair and certificate, one
 *   row, permanent. The private key (PKCS#8 DER) is protected by the database
 *   encryption only, like `unit_ca`; partners trust the certificate by its
 *   SHA-256, so replacing it would silently break every partnership.
 * - `exchange_partners`: partner units' certificates, trusted by name. Never
 *   deleted (received packages name them); the only change is a revocation,
 *   once, with its reason.
 * - `exchange_sent`: what left the unit (package id, file hash, recipients,
 *   the personal-data choice). Append-only.
 * - `exchange_received`: accepted packages with their payload (attachment data
 *   stripped; the photos are in `exchange_received_attachments`). Append-only.
 * - `exchange_alert_watch_entries`: which watch-list entries an accepted alert
 *   created, so the inbox can say whether the alert still matches.
 * `fingerprint` columns hold the SHA-256 of the DER certificate, lower-case hex.
 * Refused imports store nothing here: they are only in the audit trail.
 */
export const exchange: Migration = {
  id: 7,
  name: 'exchange',
  up(db) {
    db.exec(`
CREATE TABLE exchange_identity (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  certificate BLOB NOT NULL,
  private_key BLOB NOT NULL,
  fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
  subject TEXT NOT NULL,
  not_before TEXT NOT NULL,
  not_after TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id)
) STRICT;
CREATE TRIGGER exchange_identity_no_delete BEFORE DELETE ON exchange_identity BEGIN SELECT RAISE(ABORT, 'the exchange identity is permanent'); END;
CREATE TRIGGER exchange_identity_no_update BEFORE UPDATE ON exchange_identity BEGIN SELECT RAISE(ABORT, 'the exchange identity is permanent'); END;

CREATE TABLE exchange_partners (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  certificate BLOB NOT NULL,
  fingerprint TEXT NOT NULL UNIQUE CHECK (length(fingerprint) = 64),
  subject TEXT NOT NULL,
  not_before TEXT NOT NULL,
  not_after TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by INTEGER NOT NULL REFERENCES users (id),
  revoked_at TEXT,
  revoked_by INTEGER REFERENCES users (id),
  revoke_reason TEXT,
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL) AND (revoked_at IS NULL) = (revoke_reason IS NULL))
) STRICT;
CREATE TRIGGER exchange_partners_no_delete BEFORE DELETE ON exchange_partners BEGIN SELECT RAISE(ABORT, 'partners are never deleted, only revoked'); END;
CREATE TRIGGER exchange_partners_only_revoke BEFORE UPDATE ON exchange_partners
  WHEN OLD.revoked_at IS NOT NULL OR NEW.name IS NOT OLD.name OR NEW.certificate IS NOT OLD.certificate OR NEW.fingerprint IS NOT OLD.fingerprint
    OR NEW.subject IS NOT OLD.subject OR NEW.not_before IS NOT OLD.not_before OR NEW.not_after IS NOT OLD.not_after
    OR NEW.added_at IS NOT OLD.added_at OR NEW.added_by IS NOT OLD.added_by
  BEGIN SELECT RAISE(ABORT, 'a partner is only ever revoked, once'); END;

CREATE TABLE exchange_sent (
  id INTEGER PRIMARY KEY,
  package_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('alert', 'seizure-notice')),
  consignment_id INTEGER REFERENCES consignments (id),
  seizure_id INTEGER REFERENCES seizures (id),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  recipients_json TEXT NOT NULL DEFAULT '[]',
  encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
  personal_data TEXT NOT NULL CHECK (personal_data IN ('masked', 'included', 'none')),
  subject TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users (id)
) STRICT;
CREATE TRIGGER exchange_sent_no_update BEFORE UPDATE ON exchange_sent BEGIN SELECT RAISE(ABORT, 'exchange_sent is append-only'); END;
CREATE TRIGGER exchange_sent_no_delete BEFORE DELETE ON exchange_sent BEGIN SELECT RAISE(ABORT, 'exchange_sent is append-only'); END;

CREATE TABLE exchange_received (
  id INTEGER PRIMARY KEY,
  package_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('alert', 'seizure-notice')),
  partner_id INTEGER NOT NULL REFERENCES exchange_partners (id),
  sender_unit TEXT NOT NULL,
  sender_unit_uid TEXT NOT NULL,
  created_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  received_by INTEGER NOT NULL REFERENCES users (id),
  encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  payload_json TEXT NOT NULL,
  subject TEXT NOT NULL,
  valid_until TEXT
) STRICT;
CREATE INDEX exchange_received_partner ON exchange_received (partner_id);
CREATE TRIGGER exchange_received_no_update BEFORE UPDATE ON exchange_received BEGIN SELECT RAISE(ABORT, 'exchange_received is append-only'); END;
CREATE TRIGGER exchange_received_no_delete BEFORE DELETE ON exchange_received BEGIN SELECT RAISE(ABORT, 'exchange_received is append-only'); END;

CREATE TABLE exchange_received_attachments (
  id INTEGER PRIMARY KEY,
  received_id INTEGER NOT NULL REFERENCES exchange_received (id),
  attachment_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  caption TEXT NOT NULL DEFAULT '',
  data BLOB NOT NULL,
  byte_length INTEGER NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  UNIQUE (received_id, attachment_id)
) STRICT;
CREATE TRIGGER exchange_received_attachments_no_update BEFORE UPDATE ON exchange_received_attachments BEGIN SELECT RAISE(ABORT, 'exchange_received_attachments is append-only'); END;
CREATE TRIGGER exchange_received_attachments_no_delete BEFORE DELETE ON exchange_received_attachments BEGIN SELECT RAISE(ABORT, 'exchange_received_attachments is append-only'); END;

CREATE TABLE exchange_alert_watch_entries (
  received_id INTEGER NOT NULL REFERENCES exchange_received (id),
  watch_entry_id INTEGER NOT NULL REFERENCES watch_list_entries (id),
  PRIMARY KEY (received_id, watch_entry_id)
) STRICT;
CREATE TRIGGER exchange_alert_watch_entries_no_update BEFORE UPDATE ON exchange_alert_watch_entries BEGIN SELECT RAISE(ABORT, 'exchange_alert_watch_entries is append-only'); END;
CREATE TRIGGER exchange_alert_watch_entries_no_delete BEFORE DELETE ON exchange_alert_watch_entries BEGIN SELECT RAISE(ABORT, 'exchange_alert_watch_entries is append-only'); END;
`);
  },
};

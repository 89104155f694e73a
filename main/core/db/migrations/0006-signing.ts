import type { Migration } from '../migration';

/**
 * Signing credentials (PAdES report signatures):
 * - `signing_credentials`: an officer's PKCS#12 as given (imported from the
 *   national PKI, or issued by the unit CA), with what the UI shows about its
 *   certificate. The P12 stays protected by the officer's own password, which
 *   is asked at signing time and never stored; the database encryption is the
 *   second layer. A replaced credential is kept (replaced_at set) so reports
 *   signed with it can still be traced to it; one current credential per user.
 * - `unit_ca`: at most one unit certificate authority; its private key (PKCS#8
 *   DER) is protected only by the database encryption, which is why issuing
 *   is an administrator's audited action.
 */
export const signing: Migration = {
  id: 6,
  name: 'signing',
  up(db) {
    db.exec(`
CREATE TABLE signing_credentials (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  source TEXT NOT NULL CHECK (source IN ('imported', 'unit_ca')),
  p12 BLOB NOT NULL,
  subject TEXT NOT NULL,
  issuer TEXT NOT NULL,
  serial_number TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  not_before TEXT NOT NULL,
  not_after TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users (id),
  replaced_at TEXT
) STRICT;
CREATE UNIQUE INDEX signing_credentials_current ON signing_credentials (user_id) WHERE replaced_at IS NULL;
CREATE INDEX signing_credentials_fingerprint ON signing_credentials (fingerprint);

CREATE TABLE unit_ca (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  certificate BLOB NOT NULL,
  private_key BLOB NOT NULL,
  subject TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  not_after TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users (id)
) STRICT;
CREATE TRIGGER unit_ca_no_delete BEFORE DELETE ON unit_ca BEGIN SELECT RAISE(ABORT, 'unit_ca is permanent'); END;
CREATE TRIGGER unit_ca_no_update BEFORE UPDATE ON unit_ca BEGIN SELECT RAISE(ABORT, 'unit_ca is permanent'); END;
CREATE TRIGGER signing_credentials_only_replace BEFORE UPDATE ON signing_credentials
  WHEN NEW.p12 IS NOT OLD.p12 OR NEW.user_id IS NOT OLD.user_id OR NEW.fingerprint IS NOT OLD.fingerprint OR OLD.replaced_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'signing credentials are only ever replaced'); END;
`);
  },
};

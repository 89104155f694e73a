import type { Migration } from '../migration';

/**
 * What casework needs beyond the first schema:
 * - `voids`: a supervisor voids a record with a reason; nothing is deleted.
 *   One row per voided record (kind + id), append-only like the audit trail,
 *   so a void can never be quietly taken back;
 * - the evidence tables are append-only too (a correction is a new row): an
 *   examination may only receive its approval, once; participants, samples,
 *   seizures and their parties, notes and attachments never change;
 * - indexes for the examination queue, hit rates (examinations by
 *   consignment, corrections, seizures by examination), custody per item and
 *   the case timeline (audit entries by subject).
 */
export const casework: Migration = {
  id: 5,
  name: 'casework',
  up(db) {
    db.exec(`
CREATE TABLE voids (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('examination', 'seizure', 'custody', 'note', 'attachment')),
  record_id INTEGER NOT NULL,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  voided_by INTEGER NOT NULL REFERENCES users (id),
  voided_at TEXT NOT NULL,
  UNIQUE (kind, record_id)
) STRICT;
CREATE INDEX voids_case ON voids (case_id);
CREATE TRIGGER voids_no_update BEFORE UPDATE ON voids BEGIN
  SELECT RAISE(ABORT, 'voids are append-only');
END;
CREATE TRIGGER voids_no_delete BEFORE DELETE ON voids BEGIN
  SELECT RAISE(ABORT, 'voids are append-only');
END;

CREATE TRIGGER examinations_no_edit BEFORE UPDATE OF
  id, case_id, consignment_id, method, scan_image_ref, location, started_at, ended_at, time_zone, seals_declared_json,
  seals_found_json, new_seal, condition_json, result, notes, recorded_by, recorded_at, corrects_examination_id, correction_reason
ON examinations BEGIN
  SELECT RAISE(ABORT, 'examinations are append-only: record a correction instead');
END;
CREATE TRIGGER examinations_approved_once BEFORE UPDATE OF approved_by, approved_at ON examinations
WHEN old.approved_by IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'an examination is approved once');
END;
CREATE TRIGGER examinations_no_delete BEFORE DELETE ON examinations BEGIN
  SELECT RAISE(ABORT, 'examinations are append-only: void instead');
END;

CREATE TRIGGER examination_participants_no_update BEFORE UPDATE ON examination_participants BEGIN SELECT RAISE(ABORT, 'examination records are append-only'); END;
CREATE TRIGGER examination_participants_no_delete BEFORE DELETE ON examination_participants BEGIN SELECT RAISE(ABORT, 'examination records are append-only'); END;
CREATE TRIGGER samples_no_update BEFORE UPDATE ON samples BEGIN SELECT RAISE(ABORT, 'samples are append-only'); END;
CREATE TRIGGER samples_no_delete BEFORE DELETE ON samples BEGIN SELECT RAISE(ABORT, 'samples are append-only'); END;
CREATE TRIGGER seizures_no_update BEFORE UPDATE ON seizures BEGIN SELECT RAISE(ABORT, 'seizures are append-only: void instead'); END;
CREATE TRIGGER seizures_no_delete BEFORE DELETE ON seizures BEGIN SELECT RAISE(ABORT, 'seizures are append-only: void instead'); END;
CREATE TRIGGER seizure_parties_no_update BEFORE UPDATE ON seizure_parties BEGIN SELECT RAISE(ABORT, 'seizures are append-only'); END;
CREATE TRIGGER seizure_parties_no_delete BEFORE DELETE ON seizure_parties BEGIN SELECT RAISE(ABORT, 'seizures are append-only'); END;
CREATE TRIGGER case_notes_no_update BEFORE UPDATE ON case_notes BEGIN SELECT RAISE(ABORT, 'notes are append-only: void instead'); END;
CREATE TRIGGER case_notes_no_delete BEFORE DELETE ON case_notes BEGIN SELECT RAISE(ABORT, 'notes are append-only: void instead'); END;
CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments BEGIN SELECT RAISE(ABORT, 'attachments are append-only: void instead'); END;
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments BEGIN SELECT RAISE(ABORT, 'attachments are append-only: void instead'); END;

CREATE INDEX examinations_consignment ON examinations (consignment_id);
CREATE INDEX examinations_corrects ON examinations (corrects_examination_id) WHERE corrects_examination_id IS NOT NULL;
CREATE INDEX seizures_examination ON seizures (examination_id);
CREATE INDEX samples_examination ON samples (examination_id);
CREATE INDEX examination_participants_examination ON examination_participants (examination_id);
CREATE INDEX custody_events_seizure ON custody_events (seizure_id, handed_over_at) WHERE seizure_id IS NOT NULL;
CREATE INDEX custody_events_sample ON custody_events (sample_id, handed_over_at) WHERE sample_id IS NOT NULL;
CREATE INDEX custody_events_corrects ON custody_events (corrects_event_id) WHERE corrects_event_id IS NOT NULL;
CREATE INDEX case_consignments_consignment ON case_consignments (consignment_id);
CREATE INDEX case_notes_case ON case_notes (case_id);
CREATE INDEX cases_opened ON cases (opened_at DESC, id DESC);
CREATE INDEX audit_log_subject ON audit_log (subject, seq);
`);
  },
};

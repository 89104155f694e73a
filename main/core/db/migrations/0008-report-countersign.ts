import type { Migration } from '../migration';

/**
 * A supervisor's countersignature on an issued, signed report. The
 * countersigned PDF is an incremental update of the signed one (the first
 * signature stays valid), but it is a different file with a different
 * SHA-256: it is recorded as an issued report of its own, and
 * `countersigns_report_id` names the report it countersigns. The first row,
 * with the officer's PDF exactly as issued, is never changed: whoever holds
 * that file can still find it in the record.
 *
 * One countersignature per report (the unique index): a report countersigned
 * twice would leave two "final" versions in circulation.
 */
export const reportCountersign: Migration = {
  id: 8,
  name: 'report-countersign',
  up(db) {
    db.exec(`
ALTER TABLE reports ADD COLUMN countersigns_report_id INTEGER REFERENCES reports (id);
CREATE UNIQUE INDEX reports_one_countersignature ON reports (countersigns_report_id) WHERE countersigns_report_id IS NOT NULL;
`);
  },
};

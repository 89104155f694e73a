import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion, migrate, schemaVersion } from '../../main/core/db/migrate';
import type { Migration } from '../../main/core/db/migration';
import { migrations } from '../../main/core/db/migrations';
import { initialSchema } from '../../main/core/db/migrations/0001-initial-schema';
import { openDatabase, type Db } from '../../main/core/db/open';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pcu-migrate-'));
  db = openDatabase(path.join(dir, 'pcu.db'), randomBytes(32), { create: true });
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const tables = () =>
  db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'").all() as {
    name: string;
    sql: string;
  }[];

describe('migration runner', () => {
  it('lists migrations explicitly, numbered from 1 without gaps, named NNNN-name', () => {
    migrations.forEach((migration, index) => {
      expect(migration.id).toBe(index + 1);
      expect(migration.name).toMatch(/^[a-z0-9-]+$/);
    });
  });

  it('brings a new database to the latest version and does nothing the second time', () => {
    expect(migrate(db)).toEqual({ from: 0, to: latestSchemaVersion() });
    expect(schemaVersion(db)).toBe(latestSchemaVersion());
    expect(migrate(db)).toEqual({ from: latestSchemaVersion(), to: latestSchemaVersion() });
  });

  it('applies a set of migrations in one transaction: a failure leaves the old schema', () => {
    const broken: Migration = {
      id: 2,
      name: 'broken',
      up(target) {
        target.exec('CREATE TABLE half_done (x TEXT) STRICT');
        throw new Error('disk full');
      },
    };
    expect(() => migrate(db, [initialSchema, broken])).toThrow('disk full');
    expect(schemaVersion(db)).toBe(0);
    expect(tables()).toEqual([]);
  });

  it('refuses a database written by a newer version, changing nothing', () => {
    migrate(db);
    db.pragma('user_version = 42');
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW' }));
    expect(schemaVersion(db)).toBe(42);
  });
});

describe('0001-initial-schema', () => {
  beforeEach(() => migrate(db, [initialSchema]));

  it('creates every table the product needs, all STRICT', () => {
    const names = tables().map((table) => table.name);
    for (const expected of [
      'unit', 'users', 'parties', 'containers', 'manifests', 'consignments', 'watch_lists', 'watch_list_entries',
      'indicators', 'profiles', 'profile_versions', 'profile_indicators', 'scores', 'fired_indicators',
      'watch_list_hits', 'selections', 'cases', 'case_consignments', 'examinations', 'examination_participants',
      'samples', 'seizures', 'custody_events', 'case_notes', 'attachments', 'reports', 'audit_log',
    ]) {
      expect(names).toContain(expected);
    }
    for (const table of tables()) expect(table.sql, table.name).toMatch(/\)\s*STRICT\s*$/);
  });

  it('keeps HS codes and weights as text, so leading zeros and decimals survive', () => {
    db.prepare("INSERT INTO users (username, display_name, role, created_at, password_changed_at) VALUES ('a', 'A', 'officer', 'now', 'now')").run();
    db.prepare("INSERT INTO manifests (sha256, file_name, format, received_at, imported_by, line_count, container_count, total_gross_weight_kg) VALUES ('x', 'm.csv', 'csv', 'now', 1, 1, 1, '21559.6')").run();
    db.prepare("INSERT INTO consignments (manifest_id, line_no, source_ref, hs_code, gross_weight_kg, goods_description) VALUES (1, 1, 'row 2', '0901.11', '21559.60', 'coffee beans')").run();
    expect(db.prepare('SELECT hs_code, gross_weight_kg FROM consignments').get()).toEqual({ hs_code: '0901.11', gross_weight_kg: '21559.60' });
    expect(() => db.prepare("UPDATE consignments SET packages = 'many'").run()).toThrow();
  });

  it('indexes goods descriptions and party names for full-text search, in Cyrillic too (0001 alone)', () => {
    db.prepare("INSERT INTO users (username, display_name, role, created_at, password_changed_at) VALUES ('a', 'A', 'officer', 'now', 'now')").run();
    db.prepare("INSERT INTO manifests (sha256, file_name, format, received_at, imported_by, line_count, container_count, total_gross_weight_kg) VALUES ('x', 'm.csv', 'csv', 'now', 1, 2, 2, '0')").run();
    const line = db.prepare("INSERT INTO consignments (manifest_id, line_no, source_ref, goods_description) VALUES (1, ?, 'r', ?)");
    line.run(1, 'FROZEN SHRIMPS in cartons');
    line.run(2, 'Запасные части для тракторов');
    db.prepare("INSERT INTO parties (name, name_normalised, first_seen_at) VALUES ('ООО «Памир Транзит»', 'ооо памир транзит', 'now')").run();
    const goods = (query: string) => db.prepare('SELECT rowid FROM consignments_fts WHERE consignments_fts MATCH ?').all(query);
    expect(goods('shrimps')).toEqual([{ rowid: 1 }]);
    expect(goods('запасные')).toEqual([{ rowid: 2 }]);
    expect(db.prepare("SELECT rowid FROM parties_fts WHERE parties_fts MATCH 'памир'").all()).toEqual([{ rowid: 1 }]);
    db.prepare("UPDATE consignments SET goods_description = 'bananas' WHERE id = 1").run();
    expect(goods('shrimps')).toEqual([]);
    expect(goods('bananas')).toEqual([{ rowid: 1 }]);
  });

  it('makes custody events and the audit trail append-only, and corrections name what they correct', () => {
    db.prepare("INSERT INTO users (username, display_name, role, created_at, password_changed_at) VALUES ('a', 'A', 'officer', 'now', 'now')").run();
    db.prepare("INSERT INTO cases (reference, year, sequence, status, opened_by, opened_at) VALUES ('TJDYU-2026-0001', 2026, 1, 'open', 1, 'now')").run();
    const handOver = db.prepare(
      "INSERT INTO custody_events (case_id, from_person, from_agency, to_person, to_agency, handed_over_at, place, recorded_by, recorded_at, corrects_event_id, correction_reason) VALUES (1, 'A', 'Customs', 'B', 'Police', 'now', 'Port', 1, 'now', ?, ?)",
    );
    handOver.run(null, null);
    expect(() => db.prepare("UPDATE custody_events SET to_person = 'C'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM custody_events').run()).toThrow(/append-only/);
    expect(() => handOver.run(1, null)).toThrow(/CHECK/);
    handOver.run(1, 'wrong receiving officer recorded');
    db.prepare("INSERT INTO audit_log (seq, at, action, prev_hash, hash) VALUES (1, 'now', 'x', '0', '1')").run();
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('enforces foreign keys', () => {
    expect(() => db.prepare("INSERT INTO selections (consignment_id, decision, reason, decided_by, decided_at) VALUES (999, 'targeted', 'x', 999, 'now')").run()).toThrow(/FOREIGN KEY/);
  });
});

describe('0002-bulk-goods-index', () => {
  it('leaves goods searchable after an import, which now indexes them in one statement', async () => {
    migrate(db);
    const { storeManifest } = await import('../../main/core/manifests/import/store-manifest');
    const { readManifest } = await import('../../main/core/manifests/import/read-manifest');
    db.prepare("INSERT INTO users (username, display_name, role, created_at, password_changed_at) VALUES ('a', 'A', 'officer', 'now', 'now')").run();
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'consignments_fts_insert'").get()).toEqual({ n: 0 });
    const csv = 'B/L No;Container No;Description;Gross weight, kg\nB1;MSCU1234566;FROZEN SHRIMPS;100\nB2;TGHU9876542;Запасные части;200\n';
    storeManifest(db, readManifest({ fileName: 'a.csv', bytes: Buffer.from(csv), savedMappings: {} }), 1, new Date());
    const goods = (query: string) => db.prepare('SELECT rowid FROM consignments_fts WHERE consignments_fts MATCH ?').all(query).length;
    expect(goods('shrimps')).toBe(1);
    expect(goods('запасные')).toBe(1);
    db.prepare("UPDATE consignments SET goods_description = 'bananas' WHERE line_no = 1").run();
    expect(goods('shrimps')).toBe(0);
    expect(goods('bananas')).toBe(1);
  });
});

describe('0003-user-removal', () => {
  it('adds removed_at to users, empty for existing accounts', () => {
    migrate(db, migrations.slice(0, 2));
    db.prepare("INSERT INTO users (username, display_name, role, created_at, password_changed_at) VALUES ('a', 'A', 'officer', 'now', 'now')").run();
    migrate(db);
    expect(db.prepare('SELECT removed_at FROM users').get()).toEqual({ removed_at: null });
  });
});

describe('0004-risk-engine', () => {
  it('keeps existing watch-list entries and their hits, and accepts seal entries afterwards', () => {
    migrate(db, migrations.slice(0, 3));
    db.exec(`
      INSERT INTO users (id, username, display_name, role, created_at, password_changed_at) VALUES (1, 'a', 'A', 'officer', 'now', 'now');
      INSERT INTO manifests (id, sha256, file_name, format, received_at, imported_by, line_count, container_count, total_gross_weight_kg)
        VALUES (1, 'x', 'f.csv', 'csv', 'now', 1, 1, 1, '0');
      INSERT INTO consignments (id, manifest_id, line_no, source_ref) VALUES (1, 1, 1, 'R2');
      INSERT INTO profiles (id, name, created_at) VALUES (1, 'p', 'now');
      INSERT INTO profile_versions (id, profile_id, version, red_threshold, yellow_threshold, created_at) VALUES (1, 1, 1, 60, 30, 'now');
      INSERT INTO scores (id, consignment_id, profile_version_id, total, band, scored_at) VALUES (1, 1, 1, 70, 'red', 'now');
      INSERT INTO watch_lists (id, name, created_at) VALUES (1, 'local', 'now');
      INSERT INTO watch_list_entries (id, watch_list_id, kind, value, value_normalised, severity, reason, created_at)
        VALUES (7, 1, 'party', 'OOO Romashka', 'romashka', 'high', 'intelligence', 'now');
      INSERT INTO watch_list_hits (score_id, entry_id, weight, evidence_json) VALUES (1, 7, 70, '{}');
    `);
    migrate(db);
    expect(db.prepare('SELECT id, value, severity FROM watch_list_entries').all()).toEqual([{ id: 7, value: 'OOO Romashka', severity: 'high' }]);
    expect(db.prepare('SELECT entry_id FROM watch_list_hits').all()).toEqual([{ entry_id: 7 }]);
    db.prepare("INSERT INTO watch_list_entries (watch_list_id, kind, value, value_normalised, severity, reason, created_at) VALUES (1, 'seal', 'EU123', 'EU123', 'low', 'r', 'now')").run();
    expect(() => db.prepare('DELETE FROM watch_list_entries WHERE id = 7').run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT random_pick FROM scores').get()).toEqual({ random_pick: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('0005-casework', () => {
  it('keeps existing casework rows, adds append-only voids, and lets an examination receive only its approval, once', () => {
    migrate(db, migrations.slice(0, 4));
    db.exec(`
      INSERT INTO users (id, username, display_name, role, created_at, password_changed_at) VALUES (1, 'a', 'A', 'officer', 'now', 'now'), (2, 's', 'S', 'supervisor', 'now', 'now');
      INSERT INTO manifests (id, sha256, file_name, format, received_at, imported_by, line_count, container_count, total_gross_weight_kg)
        VALUES (1, 'x', 'f.csv', 'csv', 'now', 1, 1, 1, '0');
      INSERT INTO consignments (id, manifest_id, line_no, source_ref) VALUES (1, 1, 1, 'R2');
      INSERT INTO cases (id, reference, year, sequence, status, opened_by, opened_at) VALUES (1, 'TJDYU-2026-0001', 2026, 1, 'seizure', 1, 'now');
      INSERT INTO examinations (id, case_id, consignment_id, method, location, started_at, time_zone, result, recorded_by, recorded_at)
        VALUES (1, 1, 1, 'physical_full', 'Bay 2', '2026-11-29T08:00:00Z', 'Asia/Dushanbe', 'seizure', 1, 'now');
      INSERT INTO seizures (id, case_id, examination_id, category, quantity, quantity_unit, recorded_by, recorded_at) VALUES (1, 1, 1, 'drugs.cocaine', '12.5', 'kg', 1, 'now');
    `);
    migrate(db);
    expect(db.prepare('SELECT quantity FROM seizures').get()).toEqual({ quantity: '12.5' });

    expect(() => db.prepare("UPDATE examinations SET result = 'nothing_found' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM examinations WHERE id = 1').run()).toThrow(/append-only/);
    db.prepare("UPDATE examinations SET approved_by = 2, approved_at = 'now' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE examinations SET approved_by = 1, approved_at = 'later' WHERE id = 1").run()).toThrow(/approved once/);
    expect(() => db.prepare("UPDATE seizures SET quantity = '1' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM seizures').run()).toThrow(/append-only/);

    const voids = db.prepare("INSERT INTO voids (kind, record_id, case_id, reason, voided_by, voided_at) VALUES ('seizure', 1, 1, ?, 2, 'now')");
    expect(() => voids.run('  ')).toThrow(/CHECK/);
    voids.run('Laboratory: sugar, not cocaine');
    expect(() => voids.run('again')).toThrow(/UNIQUE/);
    expect(() => db.prepare('DELETE FROM voids').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE voids SET reason = 'x'").run()).toThrow(/append-only/);
    for (const table of tables().filter((t) => t.name === 'voids')) expect(table.sql).toMatch(/\)\s*STRICT\s*$/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('0006-signing', () => {
  it('adds signing credentials (one current per user, only ever replaced) and a permanent single unit CA', () => {
    migrate(db, migrations.slice(0, 5));
    db.exec("INSERT INTO users (id, username, display_name, role, created_at, password_changed_at) VALUES (1, 'a', 'A', 'officer', 'now', 'now')");
    migrate(db);
    const insert = db.prepare(`INSERT INTO signing_credentials
      (user_id, source, p12, subject, issuer, serial_number, fingerprint, not_before, not_after, created_at, created_by)
      VALUES (1, ?, x'00', 'CN=A', 'CN=CA', '01', ?, 'a', 'b', 'now', 1)`);
    insert.run('imported', 'F1');
    expect(() => insert.run('imported', 'F2')).toThrow(/UNIQUE/);
    expect(() => insert.run('self', 'F2')).toThrow(/CHECK/);
    db.prepare("UPDATE signing_credentials SET replaced_at = 'later' WHERE fingerprint = 'F1'").run();
    insert.run('unit_ca', 'F2');
    expect(() => db.prepare("UPDATE signing_credentials SET p12 = x'01' WHERE fingerprint = 'F2'").run()).toThrow(/only ever replaced/);
    expect(() => db.prepare("UPDATE signing_credentials SET replaced_at = NULL WHERE fingerprint = 'F1'").run()).toThrow(/only ever replaced/);

    const ca = db.prepare("INSERT INTO unit_ca (id, certificate, private_key, subject, fingerprint, not_after, created_at, created_by) VALUES (?, x'00', x'00', 'CN=CA', 'F', 'x', 'now', 1)");
    ca.run(1);
    expect(() => ca.run(2)).toThrow(/CHECK/);
    expect(() => db.prepare('DELETE FROM unit_ca').run()).toThrow(/permanent/);
    for (const table of tables().filter((t) => t.name === 'unit_ca' || t.name === 'signing_credentials')) {
      expect(table.sql).toMatch(/\)\s*STRICT\s*$/);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('0007-exchange', () => {
  it('adds a permanent exchange identity, partners that are only revoked, and append-only sent and received packages', () => {
    migrate(db, migrations.slice(0, 6));
    db.exec("INSERT INTO users (id, username, display_name, role, created_at, password_changed_at) VALUES (1, 'a', 'A', 'administrator', 'now', 'now')");
    migrate(db);
    const hex = (c: string) => c.repeat(64);
    const identity = db.prepare("INSERT INTO exchange_identity (id, certificate, private_key, fingerprint, subject, not_before, not_after, created_at, created_by) VALUES (?, x'00', x'00', ?, 'CN=U', 'a', 'b', 'now', 1)");
    identity.run(1, hex('a'));
    expect(() => identity.run(2, hex('b'))).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE exchange_identity SET private_key = x'01'").run()).toThrow(/permanent/);
    expect(() => db.prepare('DELETE FROM exchange_identity').run()).toThrow(/permanent/);

    const partner = db.prepare("INSERT INTO exchange_partners (name, certificate, fingerprint, subject, not_before, not_after, added_at, added_by) VALUES (?, x'00', ?, 'CN=P', 'a', 'b', 'now', 1)");
    partner.run('PCU Karachi', hex('1'));
    expect(() => partner.run('PCU Karachi', hex('2'))).toThrow(/UNIQUE/);
    expect(() => partner.run('PCU Termez', hex('1'))).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE exchange_partners SET name = 'x'").run()).toThrow(/only ever revoked/);
    expect(() => db.prepare("UPDATE exchange_partners SET revoked_at = 'later'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE exchange_partners SET revoked_at = 'later', revoked_by = 1, revoke_reason = 'key lost'").run();
    expect(() => db.prepare("UPDATE exchange_partners SET revoke_reason = 'other'").run()).toThrow(/only ever revoked/);
    expect(() => db.prepare('DELETE FROM exchange_partners').run()).toThrow(/never deleted/);

    db.prepare(`INSERT INTO exchange_received (package_id, kind, partner_id, sender_unit, sender_unit_uid, created_at, received_at, received_by, encrypted, file_name, sha256, payload_json, subject)
      VALUES ('p1', 'alert', 1, 'PCU Karachi', 'u', 'a', 'b', 1, 1, 'f', ?, '{}', 's')`).run(hex('c'));
    expect(() => db.prepare(`INSERT INTO exchange_received (package_id, kind, partner_id, sender_unit, sender_unit_uid, created_at, received_at, received_by, encrypted, file_name, sha256, payload_json, subject)
      VALUES ('p1', 'alert', 1, 'PCU Karachi', 'u', 'a', 'b', 1, 1, 'f', ?, '{}', 's')`).run(hex('c'))).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO exchange_received_attachments (received_id, attachment_id, file_name, media_type, data, byte_length, sha256) VALUES (1, 'a1', 'x.jpg', 'image/jpeg', x'00', 1, ?)").run(hex('d'));
    db.prepare("INSERT INTO exchange_sent (package_id, kind, file_name, sha256, encrypted, personal_data, subject, created_at, created_by) VALUES ('s1', 'alert', 'f', ?, 0, 'none', 's', 'now', 1)").run(hex('e'));
    for (const table of ['exchange_received', 'exchange_received_attachments', 'exchange_sent']) {
      expect(() => db.prepare(`DELETE FROM ${table}`).run(), table).toThrow(/append-only/);
      expect(() => db.prepare(`UPDATE ${table} SET file_name = 'y'`).run(), table).toThrow(/append-only/);
    }
    for (const table of tables().filter((t) => t.name.startsWith('exchange_'))) expect(table.sql).toMatch(/\)\s*STRICT\s*$/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('0008-report-countersign', () => {
  it('keeps issued reports and links a countersigned copy to its report, at most once', () => {
    migrate(db, migrations.slice(0, 7));
    db.exec("INSERT INTO users (id, username, display_name, role, created_at, password_changed_at) VALUES (1, 'a', 'A', 'officer', 'now', 'now'), (2, 'b', 'B', 'supervisor', 'now', 'now')");
    const report = (uid: string, by: number) =>
      `INSERT INTO reports (report_uid, kind, language, data_sha256, audit_head_hash, pdf_sha256, pdf, signed, issued_by, issued_at) VALUES ('${uid}', 'examination', 'en', 'd', 'h', 'p-${uid}', x'00', 1, ${by}, 'now')`;
    db.exec(report('r1', 1));
    migrate(db);
    expect(db.prepare('SELECT report_uid, countersigns_report_id FROM reports').all()).toEqual([{ report_uid: 'r1', countersigns_report_id: null }]);
    db.exec(report('r2', 1));
    const countersign = db.prepare(
      "INSERT INTO reports (report_uid, kind, language, data_sha256, audit_head_hash, pdf_sha256, pdf, signed, issued_by, issued_at, countersigns_report_id) VALUES (?, 'examination', 'en', 'd', 'h', ?, x'01', 1, 2, 'now', ?)",
    );
    countersign.run('c1', 'p-c1', 1);
    expect(() => countersign.run('c2', 'p-c2', 1)).toThrow(/UNIQUE/);
    expect(() => countersign.run('c3', 'p-c3', 99)).toThrow(/FOREIGN KEY/);
    countersign.run('c4', 'p-c4', 2);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

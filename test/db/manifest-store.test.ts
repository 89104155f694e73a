import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/core/db/migrate';
import type { Db } from '../../main/core/db/open';
import type { ParsedManifest } from '../../main/core/manifests/consignment';
import { beginManifestCommit, commitManifest } from '../../main/core/manifests/import/commit-manifest';
import { createLinePacker } from '../../main/core/manifests/import/packed-line';
import { readManifest } from '../../main/core/manifests/import/read-manifest';

/**
 * The import worker stores a manifest a chunk at a time, in one transaction
 * held open across messages (store-thread.ts). What it stores must be what
 * storing the whole manifest at once stores, and an abort must leave nothing.
 */

const actor = { userId: 1, userName: 'a' } as const;
const now = new Date('2026-01-02T03:04:05.000Z');

function manifestOf(name: string, rows: string[]): ParsedManifest {
  // The title block names the vessel call: a second file for it is an amendment.
  const csv = ['Vessel: MSC TEST;;Voyage: T1W', 'B/L No;Container No;Consignee;Description;Gross weight, kg;Seal', ...rows].join('\n');
  return readManifest({ fileName: name, bytes: Buffer.from(csv), savedMappings: {} });
}

const rows = (from: number, count: number, consignee = 'PAMIR TRADE LLC') =>
  Array.from({ length: count }, (_, index) => {
    const n = from + index;
    // A groupage container under two B/Ls, a missing container, the same consignee again and again.
    const container = n % 7 === 0 ? '' : ['MSCU1234566', 'TGHU9876542', 'CAIU5551230', 'MSDU3007776'][n % 4];
    return `B${Math.floor(n / 2)};${container};${n % 3 ? consignee : 'ООО «Памир»'};GOODS ${n % 5};${100 + n},5;S${n}`;
  });

function openDb(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  db.prepare("INSERT INTO users (username, display_name, role, created_at, password_changed_at) VALUES ('a', 'A', 'officer', 'now', 'now')").run();
  return db;
}

const dump = (db: Db) => ({
  manifests: db.prepare('SELECT * FROM manifests ORDER BY id').all(),
  consignments: db.prepare('SELECT * FROM consignments ORDER BY id').all(),
  containers: db.prepare('SELECT * FROM containers ORDER BY id').all(),
  parties: db.prepare('SELECT * FROM parties ORDER BY id').all(),
  goods: db.prepare("SELECT rowid FROM consignments_fts WHERE consignments_fts MATCH 'goods' ORDER BY rowid").all(),
  audit: db.prepare("SELECT action, subject, details_json FROM audit_log WHERE action LIKE 'manifest%' ORDER BY seq").all(),
});

/** Streams a manifest in chunks of `size` lines, as the storing thread receives it. */
function streamed(db: Db, manifest: ParsedManifest, size: number) {
  const commit = beginManifestCommit(db, manifest, { actor, now });
  const packer = createLinePacker();
  const lines = manifest.consignments;
  for (let start = 0; start < lines.length; start += size) commit.addChunk(packer.pack(lines.slice(start, start + size)));
  return commit.finish({ ...manifest, lineCount: lines.length });
}

let whole: Db;
let chunked: Db;
beforeEach(() => {
  whole = openDb();
  chunked = openDb();
});
afterEach(() => {
  whole.close();
  chunked.close();
});

describe('storing a manifest a chunk at a time', () => {
  it('stores what storing it whole stores: lines, containers, parties, goods index, audit', () => {
    const manifest = manifestOf('m.csv', rows(0, 230));
    expect(commitManifest(whole, manifest, { actor, now })).toEqual({ status: 'imported', manifestId: 1, amendment: null });
    expect(streamed(chunked, manifest, 17)).toEqual({ status: 'imported', manifestId: 1, amendment: null });
    expect(dump(chunked)).toEqual(dump(whole));
    expect((whole.prepare('SELECT line_count, container_count FROM manifests').get() as object)).toEqual({ line_count: 230, container_count: 4 });
  });

  it('an amendment and a duplicate come out the same too', () => {
    const first = manifestOf('m.csv', rows(0, 120));
    const second = manifestOf('m2.csv', [...rows(10, 120, 'KARACHI EXPORTS')]);
    for (const db of [whole, chunked]) commitManifest(db, first, { actor, now });
    const amended = commitManifest(whole, second, { actor, now });
    expect(streamed(chunked, second, 9)).toEqual(amended);
    expect(amended).toMatchObject({ status: 'imported', amendment: { amendsManifestId: 1 } });
    expect(streamed(chunked, second, 50)).toEqual(commitManifest(whole, second, { actor, now }));
    expect(dump(chunked)).toEqual(dump(whole));
  });

  it('indexes the goods of every line for full-text search, however many lines and however they come', () => {
    const manifest = manifestOf('big.csv', rows(0, 23_456));
    streamed(chunked, manifest, 500);
    const matching = (db: Db, query: string) => (db.prepare('SELECT count(*) AS n FROM consignments_fts WHERE consignments_fts MATCH ?').get(query) as { n: number }).n;
    expect(matching(chunked, 'goods')).toBe(23_456);
    expect(matching(chunked, '"goods 3"')).toBe(manifest.consignments.filter((line) => line.goodsDescription === 'GOODS 3').length);
    commitManifest(whole, manifest, { actor, now });
    expect(dump(chunked)).toEqual(dump(whole));
  });

  it('abort leaves nothing, and the database takes the next manifest', () => {
    const manifest = manifestOf('m.csv', rows(0, 40));
    const commit = beginManifestCommit(chunked, manifest, { actor, now });
    commit.addChunk(createLinePacker().pack(manifest.consignments.slice(0, 20)));
    commit.abort();
    expect(chunked.inTransaction).toBe(false);
    expect(dump(chunked)).toEqual(dump(whole));
    expect(streamed(chunked, manifest, 7)).toMatchObject({ status: 'imported' });
  });

  it('a line the database refuses rolls back everything before it', () => {
    chunked.exec("CREATE TRIGGER fail_line_30 BEFORE INSERT ON consignments WHEN new.line_no = 30 BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => streamed(chunked, manifestOf('m.csv', rows(0, 60)), 8)).toThrow(/disk full/);
    expect(chunked.inTransaction).toBe(false);
    expect(dump(chunked)).toEqual(dump(whole));
  });
});

describe('what an amendment records', () => {
  it('a port or place of delivery that changed, so the late re-routing indicator can see it', () => {
    const call = (discharge: string, delivery: string) =>
      readManifest({
        fileName: `${discharge}.csv`,
        bytes: Buffer.from(
          [
            'Vessel: MSC TEST;;Voyage: T1W',
            'B/L No;Container No;Consignee;Description;Gross weight, kg;Port of loading;Port of discharge;Place of delivery',
            `B1;MSCU1234566;PAMIR TRADE LLC;COTTON YARN;1000,5;PKKHI;${discharge};${delivery}`,
            'B2;TGHU9876542;PAMIR TRADE LLC;COTTON YARN;900;PKKHI;IRBND;TMKRW',
          ].join('\n'),
        ),
        savedMappings: {},
      });
    commitManifest(whole, call('IRBND', 'TMKRW'), { actor, now });
    const amended = commitManifest(whole, call('GEPTI', 'UZTAS'), { actor, now });
    expect(amended).toMatchObject({ status: 'imported' });
    const changed = amended.status === 'imported' ? amended.amendment?.changed : undefined;
    expect(changed).toEqual([
      { line: 'B1 / MSCU1234566', field: 'portOfDischarge', before: 'IRBND', after: 'GEPTI' },
      { line: 'B1 / MSCU1234566', field: 'placeOfDelivery', before: 'TMKRW', after: 'UZTAS' },
    ]);
  });
});

import type { Db } from '../../db/open';
import type { ManifestHead, ManifestTotals, ParsedManifest } from '../consignment';
import { createLinePacker, packed, type PackedChunk, type PackedContainer, type PackedLine, type PackedParty } from './packed-line';
import { normalisePartyKey } from './party-key';

export interface Amendment {
  amendsManifestId: number;
  added: string[];
  removed: string[];
  changed: { line: string; field: string; before: string; after: string }[];
}

export type StoreOutcome =
  | { readonly status: 'duplicate'; readonly manifestId: number }
  | { readonly status: 'imported'; readonly manifestId: number; readonly amendment: Amendment | null };

const lineKey = (blNumber: string | null, containerNumber: string | null) => `${blNumber ?? '-'} / ${containerNumber ?? '-'}`;

interface StoredLine {
  bl_number: string | null;
  container_number: string | null;
  consignee: string | null;
  goods_description: string;
  gross_weight_kg: string | null;
  seals_json: string;
  port_of_loading: string | null;
  port_of_discharge: string | null;
  place_of_delivery: string | null;
}

/** What an amendment compares of a line. */
interface LineFacts {
  readonly consignee: string;
  readonly goodsDescription: string;
  readonly grossWeightKg: string;
  readonly seals: string;
  readonly portOfLoading: string;
  readonly portOfDischarge: string;
  readonly placeOfDelivery: string;
}

const factsOf = (line: PackedLine, consignee: string): LineFacts => ({
  consignee,
  goodsDescription: line[packed.goodsDescription],
  grossWeightKg: line[packed.grossWeightKg] ?? '',
  seals: (JSON.parse(line[packed.sealsJson]) as string[]).join(', '),
  portOfLoading: line[packed.portOfLoading] ?? '',
  portOfDischarge: line[packed.portOfDischarge] ?? '',
  placeOfDelivery: line[packed.placeOfDelivery] ?? '',
});

/**
 * What changed between the last stored version of a vessel call and the new
 * file, line by line. `after` holds the new file's lines by key, in the order
 * each key first appears (a later line with the same key replaces its facts).
 */
function diffAgainst(previous: readonly StoredLine[], after: ReadonlyMap<string, LineFacts>, amendsManifestId: number): Amendment {
  const before = new Map(previous.map((line) => [lineKey(line.bl_number, line.container_number), line]));
  const changed: { line: string; field: string; before: string; after: string }[] = [];
  for (const [key, line] of after) {
    const old = before.get(key);
    if (!old) continue;
    const compare = (field: string, a: string, b: string) => {
      if (a !== b) changed.push({ line: key, field, before: a, after: b });
    };
    compare('consignee', old.consignee ?? '', line.consignee);
    compare('goodsDescription', old.goods_description, line.goodsDescription);
    compare('grossWeightKg', old.gross_weight_kg ?? '', line.grossWeightKg);
    compare('seals', (JSON.parse(old.seals_json) as string[]).join(', '), line.seals);
    // A re-routing after departure: the late-port-change indicator reads these.
    compare('portOfLoading', old.port_of_loading ?? '', line.portOfLoading);
    compare('portOfDischarge', old.port_of_discharge ?? '', line.portOfDischarge);
    compare('placeOfDelivery', old.place_of_delivery ?? '', line.placeOfDelivery);
  }
  return {
    amendsManifestId,
    added: [...after.keys()].filter((key) => !before.has(key)),
    removed: [...before.keys()].filter((key) => !after.has(key)),
    changed,
  };
}

/**
 * Finds or creates the parties and containers of one import, as the packer
 * numbered them (packed-line.ts): each is looked up once, and a line's ids are
 * then found by position. Statements are prepared once.
 */
function createUpserts(db: Db, now: string) {
  const findParty = db.prepare('SELECT id FROM parties WHERE name_normalised = ? AND address = ?');
  const insertParty = db.prepare('INSERT INTO parties (name, name_normalised, address, country, first_seen_at) VALUES (?, ?, ?, ?, ?)');
  // A new container is one statement; one already known, two (nothing inserted, then its id).
  const insertContainer = db.prepare(
    'INSERT INTO containers (number, check_digit_ok, iso_type, first_seen_at) VALUES (?, ?, ?, ?) ON CONFLICT (number) DO NOTHING',
  );
  const findContainer = db.prepare('SELECT id FROM containers WHERE number = ?').pluck();
  const partyIds: number[] = [];
  const partyNames: string[] = [];
  const containerIds: number[] = [];
  return {
    /** The chunk's new parties: an existing party with the same normalised name and address is reused. */
    addParties(parties: readonly PackedParty[]): void {
      for (const party of parties) {
        const key = normalisePartyKey(party.name);
        const existing = findParty.get(key, party.address) as { id: number } | undefined;
        partyIds.push(existing?.id ?? Number(insertParty.run(party.name.trim(), key, party.address, party.country, now).lastInsertRowid));
        partyNames.push(party.name);
      }
    },
    /** The chunk's new containers, in order: created with the first line's check digit and type, or found. */
    addContainers(containers: readonly PackedContainer[]): void {
      for (const container of containers) {
        const inserted = insertContainer.run(container.number, container.checkDigitOk ? 1 : 0, container.type, now);
        containerIds.push(inserted.changes > 0 ? Number(inserted.lastInsertRowid) : (findContainer.get(container.number) as number));
      }
    },
    party: (ref: number | null): number | null => (ref === null ? null : (partyIds[ref] ?? null)),
    partyName: (ref: number | null): string => (ref === null ? '' : (partyNames[ref] ?? '')),
    container: (ref: number | null): number | null => (ref === null ? null : (containerIds[ref] ?? null)),
  };
}

const LINE_COLUMNS = `manifest_id, line_no, source_ref, bl_number, master_bl, container_id, container_number, container_type,
  shipper_id, consignee_id, notify_id, goods_description, hs_code, packages, package_type, gross_weight_kg, place_of_receipt,
  port_of_loading, transshipment_ports_json, port_of_discharge, place_of_delivery, origin_country, seals_json, reefer, problems_json`;
const LINE_VALUES = `(${Array.from({ length: 25 }, () => '?').join(', ')})`;
/** Lines per INSERT statement: one statement call per 50 lines instead of per line. */
const LINES_PER_INSERT = 50;
/**
 * Lines whose goods enter the full-text index in one statement. Not one per
 * chunk: FTS5 writes out what it holds at every statement, so tiny groups
 * would leave hundreds of tiny segments; not one per manifest either, which
 * left 60 ms of indexing between the last line and the commit.
 */
const LINES_PER_INDEX_GROUP = 10_000;

/** Stores one manifest's lines as they come, then its totals. */
export interface ManifestWriter {
  readonly manifestId: number;
  /** In file order, chunks from one packer (createLinePacker); may be called any number of times. */
  addChunk(chunk: PackedChunk): void;
  /** After the last line: totals, amendment, full-text index. */
  finish(totals: ManifestTotals): StoreOutcome;
}

export type OpenedManifest = { readonly status: 'duplicate'; readonly manifestId: number } | { readonly status: 'writing'; readonly writer: ManifestWriter };

/**
 * Opens one manifest's record for its lines. Call inside the caller's
 * transaction: the manifest, its lines, parties and containers commit together
 * or not at all. The same bytes again are a duplicate (nothing is written);
 * another file for the same vessel call and voyage is an amendment of the
 * latest one, with its differences kept. The manifest row is written first so
 * its lines can refer to it, and its counts are filled in by finish().
 */
export function openManifest(db: Db, head: ManifestHead, importedBy: number, now: Date): OpenedManifest {
  const duplicate = db.prepare('SELECT id FROM manifests WHERE sha256 = ?').get(head.sha256) as { id: number } | undefined;
  if (duplicate) return { status: 'duplicate', manifestId: duplicate.id };

  const at = now.toISOString();
  const { header } = head;
  // The version this file amends is looked up before this file's own row exists.
  const previous =
    header.voyage && (header.vesselName || header.imo)
      ? (db
          .prepare(
            `SELECT id FROM manifests
             WHERE voyage = @voyage AND (vessel_name = @vessel OR (imo IS NOT NULL AND imo = @imo))
             ORDER BY id DESC LIMIT 1`,
          )
          .get({ voyage: header.voyage, vessel: header.vesselName ?? null, imo: header.imo ?? null }) as { id: number } | undefined)
      : undefined;

  const manifestId = Number(
    db
      .prepare(
        `INSERT INTO manifests (sha256, file_name, format, sender, mode, vessel_name, imo, voyage, carrier, port_of_loading,
           port_of_discharge, departure_date, arrival_date, received_at, imported_by, amends_manifest_id, amendment_json,
           line_count, container_count, total_gross_weight_kg, problems_json)
         VALUES (@sha256, @fileName, @format, @sender, @mode, @vessel, @imo, @voyage, @carrier, @pol, @pod, @departure, @arrival,
           @at, @importedBy, NULL, NULL, 0, 0, '0', '[]')`,
      )
      .run({
        sha256: head.sha256,
        fileName: head.fileName,
        format: head.format,
        sender: header.sender ?? null,
        mode: header.mode,
        vessel: header.vesselName ?? null,
        imo: header.imo ?? null,
        voyage: header.voyage ?? null,
        carrier: header.carrier ?? null,
        pol: header.portOfLoading ?? null,
        pod: header.portOfDischarge ?? null,
        departure: header.departureDate ?? null,
        arrival: header.arrivalDate ?? null,
        at,
        importedBy,
      }).lastInsertRowid,
  );

  const insertMany = db.prepare(`INSERT INTO consignments (${LINE_COLUMNS}) VALUES ${Array.from({ length: LINES_PER_INSERT }, () => LINE_VALUES).join(', ')}`);
  const insertOne = db.prepare(`INSERT INTO consignments (${LINE_COLUMNS}) VALUES ${LINE_VALUES}`);
  const upsert = createUpserts(db, at);
  // Only an amendment needs the new lines again, at the end.
  const after = previous ? new Map<string, LineFacts>() : null;
  const pending: unknown[] = [];
  let pendingLines = 0;
  let finished = false;
  // Goods enter the full-text index in groups of lines as they are stored, so little is left for
  // finish(): the manifest's lines with ids above indexedThrough are not indexed yet.
  const indexGoods = db.prepare(
    'INSERT INTO consignments_fts (rowid, goods_description) SELECT id, goods_description FROM consignments WHERE id > ? AND id <= ? AND manifest_id = ?',
  );
  let indexedThrough = 0;
  let storedThrough = 0;
  let unindexed = 0;

  const stored = (lastInsertRowid: number | bigint, lines: number) => {
    storedThrough = Number(lastInsertRowid);
    unindexed += lines;
    if (unindexed < LINES_PER_INDEX_GROUP) return;
    indexGoods.run(indexedThrough, storedThrough, manifestId);
    indexedThrough = storedThrough;
    unindexed = 0;
  };
  const flush = () => {
    for (let start = 0; start < pending.length; start += 25) stored(insertOne.run(pending.slice(start, start + 25)).lastInsertRowid, 1);
    pending.length = 0;
    pendingLines = 0;
  };

  const writer: ManifestWriter = {
    manifestId,
    addChunk({ parties, containers, lines }) {
      if (finished) throw new Error('lines after the manifest was finished');
      upsert.addParties(parties);
      upsert.addContainers(containers);
      for (const line of lines) {
        pending.push(
          manifestId,
          line[packed.lineNo],
          line[packed.sourceRef],
          line[packed.blNumber],
          line[packed.masterBl],
          upsert.container(line[packed.containerRef]),
          line[packed.containerNumber],
          line[packed.containerType],
          upsert.party(line[packed.shipperRef]),
          upsert.party(line[packed.consigneeRef]),
          upsert.party(line[packed.notifyRef]),
          line[packed.goodsDescription],
          line[packed.hsCode],
          line[packed.packages],
          line[packed.packageType],
          line[packed.grossWeightKg],
          line[packed.placeOfReceipt],
          line[packed.portOfLoading],
          line[packed.transshipmentPortsJson],
          line[packed.portOfDischarge],
          line[packed.placeOfDelivery],
          line[packed.originCountry],
          line[packed.sealsJson],
          line[packed.reefer],
          line[packed.problemsJson],
        );
        pendingLines += 1;
        if (pendingLines === LINES_PER_INSERT) {
          stored(insertMany.run(pending).lastInsertRowid, LINES_PER_INSERT);
          pending.length = 0;
          pendingLines = 0;
        }
        after?.set(lineKey(line[packed.blNumber], line[packed.containerNumber]), factsOf(line, upsert.partyName(line[packed.consigneeRef])));
      }
    },
    finish(totals) {
      if (finished) throw new Error('the manifest was finished already');
      finished = true;
      flush();
      let amendment: Amendment | null = null;
      if (previous && after) {
        const stored = db
          .prepare(
            `SELECT c.bl_number, c.container_number, p.name AS consignee, c.goods_description, c.gross_weight_kg, c.seals_json,
                    c.port_of_loading, c.port_of_discharge, c.place_of_delivery
             FROM consignments c LEFT JOIN parties p ON p.id = c.consignee_id WHERE c.manifest_id = ?`,
          )
          .all(previous.id) as StoredLine[];
        amendment = diffAgainst(stored, after, previous.id);
      }
      db.prepare(
        `UPDATE manifests SET amends_manifest_id = ?, amendment_json = ?, line_count = ?, container_count = ?, total_gross_weight_kg = ?, problems_json = ?
         WHERE id = ?`,
      ).run(
        amendment?.amendsManifestId ?? null,
        amendment ? JSON.stringify(amendment) : null,
        totals.lineCount,
        totals.containerCount,
        totals.totalGrossWeightKg,
        JSON.stringify(totals.problems),
        manifestId,
      );
      // The lines not indexed yet (migration 0002 removed the per-line trigger).
      if (unindexed > 0) indexGoods.run(indexedThrough, storedThrough, manifestId);
      return { status: 'imported', manifestId, amendment };
    },
  };
  return { status: 'writing', writer };
}

/**
 * Stores one parsed manifest, all lines at once. Call inside the caller's
 * transaction (see openManifest).
 */
export function storeManifest(db: Db, manifest: ParsedManifest, importedBy: number, now: Date): StoreOutcome {
  const opened = openManifest(db, manifest, importedBy, now);
  if (opened.status === 'duplicate') return opened;
  opened.writer.addChunk(createLinePacker().pack(manifest.consignments));
  return opened.writer.finish({ ...manifest, lineCount: manifest.consignments.length });
}

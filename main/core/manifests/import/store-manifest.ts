import type { Db } from '../../db/open';
import type { ConsignmentRecord, ParsedManifest } from '../consignment';
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

const lineKey = (line: Pick<ConsignmentRecord, 'blNumber' | 'containerNumber'>) => `${line.blNumber ?? '-'} / ${line.containerNumber ?? '-'}`;

interface StoredLine {
  bl_number: string | null;
  container_number: string | null;
  consignee: string | null;
  goods_description: string;
  gross_weight_kg: string | null;
  seals_json: string;
}

/** What changed between the last stored version of a vessel call and the new file, line by line. */
export function diffAgainst(previous: readonly StoredLine[], next: readonly ConsignmentRecord[], amendsManifestId: number): Amendment {
  const before = new Map(previous.map((line) => [lineKey({ blNumber: line.bl_number, containerNumber: line.container_number }), line]));
  const after = new Map(next.map((line) => [lineKey(line), line]));
  const changed: { line: string; field: string; before: string; after: string }[] = [];
  for (const [key, line] of after) {
    const old = before.get(key);
    if (!old) continue;
    const compare = (field: string, a: string, b: string) => {
      if (a !== b) changed.push({ line: key, field, before: a, after: b });
    };
    compare('consignee', old.consignee ?? '', line.consignee?.name ?? '');
    compare('goodsDescription', old.goods_description, line.goodsDescription);
    compare('grossWeightKg', old.gross_weight_kg ?? '', line.grossWeightKg ?? '');
    compare('seals', (JSON.parse(old.seals_json) as string[]).join(', '), line.seals.join(', '));
  }
  return {
    amendsManifestId,
    added: [...after.keys()].filter((key) => !before.has(key)),
    removed: [...before.keys()].filter((key) => !after.has(key)),
    changed,
  };
}

/**
 * Finds or creates parties and containers for one import. Statements are
 * prepared once and ids remembered: a 100,000-line manifest names the same
 * consignees and containers again and again.
 */
function createUpserts(db: Db, now: string) {
  const findParty = db.prepare('SELECT id FROM parties WHERE name_normalised = ? AND address = ?');
  const insertParty = db.prepare('INSERT INTO parties (name, name_normalised, address, country, first_seen_at) VALUES (?, ?, ?, ?, ?)');
  const findContainer = db.prepare('SELECT id FROM containers WHERE number = ?');
  const insertContainer = db.prepare('INSERT INTO containers (number, check_digit_ok, iso_type, first_seen_at) VALUES (?, ?, ?, ?)');
  const parties = new Map<string, number>();
  const containers = new Map<string, number>();
  return {
    party(party: ConsignmentRecord['consignee']): number | null {
      if (!party || !party.name.trim()) return null;
      const address = party.address?.trim() ?? '';
      // Keyed by the text as written first: normalising the same name 100,000 times costs a second.
      const cacheKey = `${party.name}\u0000${address}`;
      const known = parties.get(cacheKey);
      if (known !== undefined) return known;
      const key = normalisePartyKey(party.name);
      const existing = findParty.get(key, address) as { id: number } | undefined;
      const id = existing?.id ?? Number(insertParty.run(party.name.trim(), key, address, party.country ?? null, now).lastInsertRowid);
      parties.set(cacheKey, id);
      return id;
    },
    container(line: ConsignmentRecord): number | null {
      if (!line.containerNumber) return null;
      const known = containers.get(line.containerNumber);
      if (known !== undefined) return known;
      const existing = findContainer.get(line.containerNumber) as { id: number } | undefined;
      const id =
        existing?.id ??
        Number(insertContainer.run(line.containerNumber, line.containerCheckDigitOk ? 1 : 0, line.containerType, now).lastInsertRowid);
      containers.set(line.containerNumber, id);
      return id;
    },
  };
}

/**
 * Stores one parsed manifest. Call inside the caller's transaction: the
 * manifest, its lines, parties and containers commit together or not at all.
 * The same bytes again are a duplicate; another file for the same vessel call
 * and voyage is an amendment of the latest one, with its differences kept.
 */
export function storeManifest(db: Db, manifest: ParsedManifest, importedBy: number, now: Date): StoreOutcome {
  const duplicate = db.prepare('SELECT id FROM manifests WHERE sha256 = ?').get(manifest.sha256) as { id: number } | undefined;
  if (duplicate) return { status: 'duplicate', manifestId: duplicate.id };

  const at = now.toISOString();
  const { header } = manifest;
  let amendment: Amendment | null = null;
  if (header.voyage && (header.vesselName || header.imo)) {
    const previous = db
      .prepare(
        `SELECT id FROM manifests
         WHERE voyage = @voyage AND (vessel_name = @vessel OR (imo IS NOT NULL AND imo = @imo))
         ORDER BY id DESC LIMIT 1`,
      )
      .get({ voyage: header.voyage, vessel: header.vesselName ?? null, imo: header.imo ?? null }) as { id: number } | undefined;
    if (previous) {
      const stored = db
        .prepare(
          `SELECT c.bl_number, c.container_number, p.name AS consignee, c.goods_description, c.gross_weight_kg, c.seals_json
           FROM consignments c LEFT JOIN parties p ON p.id = c.consignee_id WHERE c.manifest_id = ?`,
        )
        .all(previous.id) as StoredLine[];
      amendment = diffAgainst(stored, manifest.consignments, previous.id);
    }
  }

  const manifestId = Number(
    db
      .prepare(
        `INSERT INTO manifests (sha256, file_name, format, sender, mode, vessel_name, imo, voyage, carrier, port_of_loading,
           port_of_discharge, departure_date, arrival_date, received_at, imported_by, amends_manifest_id, amendment_json,
           line_count, container_count, total_gross_weight_kg, problems_json)
         VALUES (@sha256, @fileName, @format, @sender, @mode, @vessel, @imo, @voyage, @carrier, @pol, @pod, @departure, @arrival,
           @at, @importedBy, @amends, @amendment, @lines, @containers, @weight, @problems)`,
      )
      .run({
        sha256: manifest.sha256,
        fileName: manifest.fileName,
        format: manifest.format,
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
        amends: amendment?.amendsManifestId ?? null,
        amendment: amendment ? JSON.stringify(amendment) : null,
        lines: manifest.consignments.length,
        containers: manifest.containerCount,
        weight: manifest.totalGrossWeightKg,
        problems: JSON.stringify(manifest.problems),
      }).lastInsertRowid,
  );

  const insertLine = db.prepare(
    `INSERT INTO consignments (manifest_id, line_no, source_ref, bl_number, master_bl, container_id, container_number, container_type,
       shipper_id, consignee_id, notify_id, goods_description, hs_code, packages, package_type, gross_weight_kg, place_of_receipt,
       port_of_loading, transshipment_ports_json, port_of_discharge, place_of_delivery, origin_country, seals_json, reefer, problems_json)
     VALUES (@manifestId, @lineNo, @sourceRef, @bl, @masterBl, @containerId, @container, @containerType, @shipper, @consignee, @notify,
       @goods, @hs, @packages, @packageType, @weight, @por, @pol, @tsp, @pod, @pld, @origin, @seals, @reefer, @problems)`,
  );
  const upsert = createUpserts(db, at);
  for (const line of manifest.consignments) {
    insertLine.run({
      manifestId,
      lineNo: line.lineNo,
      sourceRef: line.sourceRef,
      bl: line.blNumber,
      masterBl: line.masterBl,
      containerId: upsert.container(line),
      container: line.containerNumber,
      containerType: line.containerType,
      shipper: upsert.party(line.shipper),
      consignee: upsert.party(line.consignee),
      notify: upsert.party(line.notify),
      goods: line.goodsDescription,
      hs: line.hsCode,
      packages: line.packages,
      packageType: line.packageType,
      weight: line.grossWeightKg,
      por: line.placeOfReceipt,
      pol: line.portOfLoading,
      tsp: JSON.stringify(line.transshipmentPorts),
      pod: line.portOfDischarge,
      pld: line.placeOfDelivery,
      origin: line.originCountry,
      seals: JSON.stringify(line.seals),
      reefer: line.reefer === null ? null : line.reefer ? 1 : 0,
      problems: JSON.stringify(line.problems),
    });
  }
  // One statement for the whole manifest (migration 0002 removed the per-line trigger).
  db.prepare('INSERT INTO consignments_fts (rowid, goods_description) SELECT id, goods_description FROM consignments WHERE manifest_id = ?').run(manifestId);
  return { status: 'imported', manifestId, amendment };
}

import { checkImoNumber } from '../../../shared/domain/imo';
import type { Db } from '../db/open';
import type { LineAmendment, RiskLine, RiskParty } from './types';

/** One stored consignment with what the risk engine reads of its manifest and parties. */
interface LineRow {
  id: number;
  manifest_id: number;
  bl_number: string | null;
  master_bl: string | null;
  container_number: string | null;
  check_digit_ok: number | null;
  container_type: string | null;
  seals_json: string;
  goods_description: string;
  hs_code: string | null;
  packages: number | null;
  package_type: string | null;
  gross_weight_kg: string | null;
  place_of_receipt: string | null;
  port_of_loading: string | null;
  transshipment_ports_json: string;
  port_of_discharge: string | null;
  place_of_delivery: string | null;
  origin_country: string | null;
  reefer: number | null;
  s_name: string | null;
  s_key: string | null;
  s_address: string | null;
  s_country: string | null;
  c_name: string | null;
  c_key: string | null;
  c_address: string | null;
  c_country: string | null;
  n_name: string | null;
  n_key: string | null;
  n_address: string | null;
  n_country: string | null;
}

export interface ManifestFacts {
  readonly id: number;
  readonly receivedAt: string;
  readonly mode: RiskLine['mode'];
  readonly vesselName: string | null;
  readonly imo: string | null;
  readonly voyage: string | null;
  /** When the vessel call was first received (the first file of an amendment chain). */
  readonly firstReceivedAt: string;
  /** Changes against the previous file of the call, keyed "B/L / container". */
  readonly changesByLine: ReadonlyMap<string, readonly { field: string; before: string; after: string }[]>;
}

const LINE_SQL = `
SELECT c.id, c.manifest_id, c.bl_number, c.master_bl, c.container_number, k.check_digit_ok, c.container_type, c.seals_json,
       c.goods_description, c.hs_code, c.packages, c.package_type, c.gross_weight_kg, c.place_of_receipt, c.port_of_loading,
       c.transshipment_ports_json, c.port_of_discharge, c.place_of_delivery, c.origin_country, c.reefer,
       s.name AS s_name, s.name_normalised AS s_key, s.address AS s_address, s.country AS s_country,
       g.name AS c_name, g.name_normalised AS c_key, g.address AS c_address, g.country AS c_country,
       n.name AS n_name, n.name_normalised AS n_key, n.address AS n_address, n.country AS n_country
FROM consignments c
LEFT JOIN containers k ON k.id = c.container_id
LEFT JOIN parties s ON s.id = c.shipper_id
LEFT JOIN parties g ON g.id = c.consignee_id
LEFT JOIN parties n ON n.id = c.notify_id`;

export function manifestFacts(db: Db, manifestId: number): ManifestFacts | null {
  const row = db
    .prepare('SELECT id, received_at, mode, vessel_name, imo, voyage, amends_manifest_id, amendment_json FROM manifests WHERE id = ?')
    .get(manifestId) as
    | { id: number; received_at: string; mode: RiskLine['mode']; vessel_name: string | null; imo: string | null; voyage: string | null; amends_manifest_id: number | null; amendment_json: string | null }
    | undefined;
  if (!row) return null;
  let firstReceivedAt = row.received_at;
  let previous = row.amends_manifest_id;
  const seen = new Set<number>([row.id]);
  const findPrevious = db.prepare('SELECT received_at, amends_manifest_id FROM manifests WHERE id = ?');
  while (previous !== null && !seen.has(previous)) {
    seen.add(previous);
    const earlier = findPrevious.get(previous) as { received_at: string; amends_manifest_id: number | null } | undefined;
    if (!earlier) break;
    firstReceivedAt = earlier.received_at;
    previous = earlier.amends_manifest_id;
  }
  const changesByLine = new Map<string, { field: string; before: string; after: string }[]>();
  if (row.amendment_json) {
    const amendment = JSON.parse(row.amendment_json) as { changed?: { line: string; field: string; before: string; after: string }[] };
    for (const change of amendment.changed ?? []) {
      const list = changesByLine.get(change.line) ?? [];
      list.push({ field: change.field, before: change.before, after: change.after });
      changesByLine.set(change.line, list);
    }
  }
  return {
    id: row.id,
    receivedAt: row.received_at,
    mode: row.mode,
    vesselName: row.vessel_name,
    imo: row.imo,
    voyage: row.voyage,
    firstReceivedAt,
    changesByLine,
  };
}

function party(name: string | null, key: string | null, address: string | null, country: string | null): RiskParty | null {
  if (name === null) return null;
  return { name, key: key ?? '', address: address ?? '', country };
}

function toRiskLine(row: LineRow, manifest: ManifestFacts, imoCheckDigitOk: boolean | null): RiskLine {
  const weight = row.gross_weight_kg === null ? null : Number(row.gross_weight_kg);
  const changes = manifest.changesByLine.get(`${row.bl_number ?? '-'} / ${row.container_number ?? '-'}`) ?? [];
  const amendments: LineAmendment[] = changes.map((change) => ({ ...change, receivedAt: manifest.receivedAt, firstReceivedAt: manifest.firstReceivedAt }));
  return {
    consignmentId: row.id,
    manifestId: row.manifest_id,
    receivedAt: manifest.receivedAt,
    mode: manifest.mode,
    blNumber: row.bl_number,
    masterBl: row.master_bl,
    containerNumber: row.container_number,
    containerCheckDigitOk: row.container_number === null || row.check_digit_ok === null ? null : row.check_digit_ok === 1,
    containerType: row.container_type,
    seals: JSON.parse(row.seals_json) as string[],
    shipper: party(row.s_name, row.s_key, row.s_address, row.s_country),
    consignee: party(row.c_name, row.c_key, row.c_address, row.c_country),
    notify: party(row.n_name, row.n_key, row.n_address, row.n_country),
    goodsDescription: row.goods_description,
    hsCode: row.hs_code,
    packages: row.packages,
    packageType: row.package_type,
    grossWeightKg: weight !== null && Number.isFinite(weight) ? weight : null,
    placeOfReceipt: row.place_of_receipt,
    portOfLoading: row.port_of_loading,
    transshipmentPorts: JSON.parse(row.transshipment_ports_json) as string[],
    portOfDischarge: row.port_of_discharge,
    placeOfDelivery: row.place_of_delivery,
    originCountry: row.origin_country,
    reefer: row.reefer === null ? null : row.reefer === 1,
    vessel: { name: manifest.vesselName, imo: manifest.imo, imoCheckDigitOk, voyage: manifest.voyage },
    amendments,
  };
}

/** Every line of one manifest, in file order, as the risk engine sees them. */
export function riskLinesOfManifest(db: Db, manifest: ManifestFacts): RiskLine[] {
  const imoCheckDigitOk = manifest.imo ? checkImoNumber(manifest.imo).valid : null;
  const rows = db.prepare(`${LINE_SQL} WHERE c.manifest_id = ? ORDER BY c.line_no`).all(manifest.id) as LineRow[];
  return rows.map((row) => toRiskLine(row, manifest, imoCheckDigitOk));
}

/** One line, for the detail panel's re-explanation and for tests. */
export function riskLineById(db: Db, consignmentId: number): RiskLine | null {
  const row = db.prepare(`${LINE_SQL} WHERE c.id = ?`).get(consignmentId) as LineRow | undefined;
  if (!row) return null;
  const manifest = manifestFacts(db, row.manifest_id);
  if (!manifest) return null;
  return toRiskLine(row, manifest, manifest.imo ? checkImoNumber(manifest.imo).valid : null);
}

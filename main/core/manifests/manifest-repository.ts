import type { ManifestSummary } from '../../../shared/ipc/contract';
import type { Problem } from '../../../shared/domain/manifest';
import type { Db } from '../db/open';
import type { Amendment } from './import/store-manifest';

interface ManifestRow {
  id: number;
  file_name: string;
  format: string;
  vessel_name: string | null;
  imo: string | null;
  voyage: string | null;
  port_of_loading: string | null;
  port_of_discharge: string | null;
  arrival_date: string | null;
  received_at: string;
  line_count: number;
  container_count: number;
  total_gross_weight_kg: string;
  problems_json: string;
  amends_manifest_id: number | null;
  amendment_json: string | null;
  line_problems: number;
}

const SELECT = `SELECT m.*, (SELECT coalesce(sum(json_array_length(c.problems_json)), 0) FROM consignments c WHERE c.manifest_id = m.id) AS line_problems FROM manifests m`;

function toSummary(row: ManifestRow): ManifestSummary {
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    vesselName: row.vessel_name,
    imo: row.imo,
    voyage: row.voyage,
    portOfLoading: row.port_of_loading,
    portOfDischarge: row.port_of_discharge,
    arrivalDate: row.arrival_date,
    receivedAt: row.received_at,
    lines: row.line_count,
    containers: row.container_count,
    totalGrossWeightKg: row.total_gross_weight_kg,
    problems: (JSON.parse(row.problems_json) as unknown[]).length + row.line_problems,
    amendsManifestId: row.amends_manifest_id,
  };
}

export function listManifests(db: Db, limit: number, offset: number): ManifestSummary[] {
  return (db.prepare(`${SELECT} ORDER BY m.id DESC LIMIT ? OFFSET ?`).all(limit, offset) as ManifestRow[]).map(toSummary);
}

/** One manifest with every problem (file-level and per line) and where it was found. */
export function getManifestRow(db: Db, id: number): { summary: ManifestSummary; problems: { problem: Problem; where: string }[]; amendment: Amendment | null } | null {
  const row = db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as ManifestRow | undefined;
  if (!row) return null;
  const problems: { problem: Problem; where: string }[] = (JSON.parse(row.problems_json) as Problem[]).map((problem) => ({
    problem,
    where: problem.row !== undefined ? `${problem.sheet ?? ''}!R${problem.row}` : problem.segment !== undefined ? `segment ${problem.segment}` : '',
  }));
  for (const line of db.prepare("SELECT source_ref, problems_json FROM consignments WHERE manifest_id = ? AND problems_json <> '[]' ORDER BY line_no").iterate(id) as IterableIterator<{
    source_ref: string;
    problems_json: string;
  }>) {
    for (const problem of JSON.parse(line.problems_json) as Problem[]) problems.push({ problem, where: line.source_ref });
  }
  return { summary: toSummary(row), problems, amendment: row.amendment_json ? (JSON.parse(row.amendment_json) as Amendment) : null };
}

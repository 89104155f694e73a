import type { Db } from '../db/open';
import type { Lane } from './profile';

export const targetSorts = ['score', 'container', 'consignee', 'weight', 'line'] as const;
export type TargetSort = (typeof targetSorts)[number];
export type Decision = 'targeted' | 'random' | 'waived';

export interface TargetFilter {
  readonly manifestId?: number;
  readonly lane?: Lane;
  /** A UN/LOCODE met anywhere on the route (receipt, loading, transshipment, discharge, delivery). */
  readonly port?: string;
  /** ISO country of origin or of the port of loading. */
  readonly country?: string;
  readonly hsChapter?: string;
  readonly indicatorId?: string;
  /** Only lines with a watch-list hit. */
  readonly watchlisted?: boolean;
  /** 'none' = not decided yet; 'selected' = targeted or random. */
  readonly decision?: 'none' | 'selected' | 'waived';
  /** Full text over goods and party names. */
  readonly text?: string;
}

export interface TargetRow {
  readonly id: number;
  readonly manifestId: number;
  readonly lineNo: number;
  readonly scoreId: number;
  readonly score: number;
  readonly lane: Lane;
  readonly randomPick: boolean;
  readonly container: string | null;
  readonly bl: string | null;
  readonly consignee: string | null;
  readonly goods: string;
  readonly hsCode: string | null;
  readonly route: string[];
  readonly grossWeightKg: string | null;
  readonly topReasons: { readonly id: string; readonly weight: number }[];
  readonly watchlistHits: number;
  readonly decision: Decision | null;
}

export interface FiredRow {
  readonly id: string;
  readonly weight: number;
  /** As stored (JSON), so lists come back as plain arrays. */
  readonly evidence: Record<string, string | number | boolean | string[]>;
}

export interface WatchHitRow {
  readonly entryId: number;
  readonly type: string;
  readonly value: string;
  readonly matched: string;
  readonly strength: number;
  readonly how: string;
  readonly weight: number;
  readonly severity: string;
  readonly reason: string;
  readonly source: string;
}

/**
 * Officer's words → an FTS5 query: each word quoted (so "-", ":" or "OR" typed
 * by an officer are text, never query syntax) and matched as a prefix.
 */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words.slice(0, 12).map((word) => `"${word}"*`).join(' ');
}

const LATEST_DECISION = '(SELECT decision FROM selections x WHERE x.consignment_id = c.id ORDER BY x.id DESC LIMIT 1)';

/** The WHERE of the list for a filter (exported for the benchmark's bare query). */
export function targetWhere(versionId: number, filter: TargetFilter): { sql: string; params: unknown[] } {
  const clauses = ['s.profile_version_id = ?'];
  const params: unknown[] = [versionId];
  if (filter.manifestId !== undefined) {
    clauses.push('c.manifest_id = ?');
    params.push(filter.manifestId);
  }
  if (filter.lane) {
    clauses.push('s.band = ?');
    params.push(filter.lane);
  }
  if (filter.port) {
    const port = filter.port.toUpperCase();
    clauses.push(
      `(c.port_of_loading = ? OR c.port_of_discharge = ? OR c.place_of_receipt = ? OR c.place_of_delivery = ?
        OR EXISTS (SELECT 1 FROM json_each(c.transshipment_ports_json) WHERE value = ?))`,
    );
    params.push(port, port, port, port, port);
  }
  if (filter.country) {
    clauses.push('(c.origin_country = ? OR substr(c.port_of_loading, 1, 2) = ?)');
    params.push(filter.country.toUpperCase(), filter.country.toUpperCase());
  }
  if (filter.hsChapter) {
    clauses.push('substr(c.hs_code, 1, 2) = ?');
    params.push(filter.hsChapter.padStart(2, '0'));
  }
  if (filter.indicatorId) {
    clauses.push('EXISTS (SELECT 1 FROM fired_indicators f WHERE f.score_id = s.id AND f.indicator_id = ?)');
    params.push(filter.indicatorId);
  }
  if (filter.watchlisted) clauses.push('EXISTS (SELECT 1 FROM watch_list_hits h WHERE h.score_id = s.id)');
  if (filter.decision === 'none') clauses.push(`${LATEST_DECISION} IS NULL`);
  if (filter.decision === 'selected') clauses.push(`${LATEST_DECISION} IN ('targeted', 'random')`);
  if (filter.decision === 'waived') clauses.push(`${LATEST_DECISION} = 'waived'`);
  const query = filter.text ? ftsQuery(filter.text) : null;
  if (query) {
    clauses.push(
      `(c.id IN (SELECT rowid FROM consignments_fts WHERE consignments_fts MATCH ?)
        OR c.consignee_id IN (SELECT rowid FROM parties_fts WHERE parties_fts MATCH ?)
        OR c.shipper_id IN (SELECT rowid FROM parties_fts WHERE parties_fts MATCH ?)
        OR c.notify_id IN (SELECT rowid FROM parties_fts WHERE parties_fts MATCH ?))`,
    );
    params.push(query, query, query, query);
  }
  return { sql: clauses.join(' AND '), params };
}

const ORDER: Record<TargetSort, string> = {
  // Ties in consignment order, as the index scores_top holds them: the first page then reads the index, never sorts.
  score: 's.total DESC, s.consignment_id',
  container: 'c.container_number, c.id',
  consignee: 'g.name COLLATE NOCASE, c.id',
  weight: 'CAST(c.gross_weight_kg AS REAL) DESC, c.id',
  line: 'c.manifest_id DESC, c.line_no',
};

interface RowRecord {
  id: number;
  manifest_id: number;
  line_no: number;
  score_id: number;
  total: number;
  band: Lane;
  random_pick: number;
  container_number: string | null;
  bl_number: string | null;
  consignee: string | null;
  goods_description: string;
  hs_code: string | null;
  place_of_receipt: string | null;
  port_of_loading: string | null;
  transshipment_ports_json: string;
  port_of_discharge: string | null;
  place_of_delivery: string | null;
  gross_weight_kg: string | null;
  decision: Decision | null;
}

/** The route as a sequence of ports, without repeating a port the file named twice. */
export function routeOf(row: Pick<RowRecord, 'place_of_receipt' | 'port_of_loading' | 'transshipment_ports_json' | 'port_of_discharge' | 'place_of_delivery'>): string[] {
  const ports = [row.place_of_receipt, row.port_of_loading, ...(JSON.parse(row.transshipment_ports_json) as string[]), row.port_of_discharge, row.place_of_delivery];
  const route: string[] = [];
  for (const port of ports) if (port && route.at(-1) !== port) route.push(port);
  return route;
}

/** One page of the targeting list under a profile version, and how many lines the filter matches. */
export function listTargets(
  db: Db,
  versionId: number,
  filter: TargetFilter,
  page: { limit: number; offset: number; sort?: TargetSort; withTotal?: boolean },
): { rows: TargetRow[]; total: number | null } {
  const where = targetWhere(versionId, filter);
  const records = db
    .prepare(
      `SELECT c.id, c.manifest_id, c.line_no, s.id AS score_id, s.total, s.band, s.random_pick, c.container_number, c.bl_number, g.name AS consignee,
              c.goods_description, c.hs_code, c.place_of_receipt, c.port_of_loading, c.transshipment_ports_json, c.port_of_discharge,
              c.place_of_delivery, c.gross_weight_kg, ${LATEST_DECISION} AS decision
       FROM scores s JOIN consignments c ON c.id = s.consignment_id LEFT JOIN parties g ON g.id = c.consignee_id
       WHERE ${where.sql}
       ORDER BY ${ORDER[page.sort ?? 'score']}
       LIMIT ? OFFSET ?`,
    )
    .all(...where.params, page.limit, page.offset) as RowRecord[];
  const total =
    page.withTotal === false
      ? null
      : (db.prepare(`SELECT count(*) AS n FROM scores s JOIN consignments c ON c.id = s.consignment_id WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
  const reasons = reasonsOf(db, records.map((record) => record.score_id));
  const rows = records.map((record): TargetRow => ({
    id: record.id,
    manifestId: record.manifest_id,
    lineNo: record.line_no,
    scoreId: record.score_id,
    score: record.total,
    lane: record.band,
    randomPick: record.random_pick === 1,
    container: record.container_number,
    bl: record.bl_number,
    consignee: record.consignee,
    goods: record.goods_description,
    hsCode: record.hs_code,
    route: routeOf(record),
    grossWeightKg: record.gross_weight_kg,
    topReasons: reasons.fired.get(record.score_id) ?? [],
    watchlistHits: reasons.hits.get(record.score_id) ?? 0,
    decision: record.decision,
  }));
  return { rows, total };
}

function reasonsOf(db: Db, scoreIds: readonly number[]) {
  const fired = new Map<number, { id: string; weight: number }[]>();
  const hits = new Map<number, number>();
  if (scoreIds.length === 0) return { fired, hits };
  const marks = scoreIds.map(() => '?').join(',');
  for (const row of db
    .prepare(`SELECT score_id, indicator_id, weight FROM fired_indicators WHERE score_id IN (${marks}) ORDER BY weight DESC, indicator_id`)
    .all(...scoreIds) as { score_id: number; indicator_id: string; weight: number }[]) {
    const list = fired.get(row.score_id) ?? [];
    list.push({ id: row.indicator_id, weight: row.weight });
    fired.set(row.score_id, list);
  }
  for (const row of db.prepare(`SELECT score_id, count(*) AS n FROM watch_list_hits WHERE score_id IN (${marks}) GROUP BY score_id`).all(...scoreIds) as {
    score_id: number;
    n: number;
  }[]) {
    hits.set(row.score_id, row.n);
  }
  return { fired, hits };
}

export function firedIndicatorsOf(db: Db, scoreId: number): FiredRow[] {
  return (db.prepare('SELECT indicator_id, weight, evidence_json FROM fired_indicators WHERE score_id = ? ORDER BY weight DESC, indicator_id').all(scoreId) as {
    indicator_id: string;
    weight: number;
    evidence_json: string;
  }[]).map((row) => ({ id: row.indicator_id, weight: row.weight, evidence: JSON.parse(row.evidence_json) as Record<string, string | number | boolean | string[]> }));
}

export function watchHitsOf(db: Db, scoreId: number): WatchHitRow[] {
  return (db
    .prepare(
      `SELECT h.entry_id, h.weight, h.evidence_json, e.kind, e.value, e.severity, e.reason, e.source
       FROM watch_list_hits h JOIN watch_list_entries e ON e.id = h.entry_id WHERE h.score_id = ? ORDER BY h.weight DESC`,
    )
    .all(scoreId) as { entry_id: number; weight: number; evidence_json: string; kind: string; value: string; severity: string; reason: string; source: string }[]).map((row) => {
    const evidence = JSON.parse(row.evidence_json) as { matched?: string; strength?: number; how?: string };
    return {
      entryId: row.entry_id,
      type: row.kind,
      value: row.value,
      matched: evidence.matched ?? '',
      strength: evidence.strength ?? 1,
      how: evidence.how ?? 'exact',
      weight: row.weight,
      severity: row.severity,
      reason: row.reason,
      source: row.source,
    };
  });
}

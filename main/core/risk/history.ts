import { liveSeizure } from '../casework/live-records';
import type { Db } from '../db/open';
import type { CallFacts, ContainerFlag, RiskHistory, RiskLine } from './types';

/** A lane needs this many earlier lines before its usual transshipment count means anything. */
const MIN_LANE_HISTORY = 20;

const chapterOf = (hs: string | null) => (hs && hs.length >= 2 ? hs.slice(0, 2) : null);

/**
 * The unit's history as of one manifest: everything imported before it
 * (smaller manifest id: ids follow the order of receipt). Loaded in a few
 * grouped queries for just the parties, containers and lanes the manifest
 * names, so scoring 100,000 lines does not run 100,000 queries.
 */
export function historyBefore(db: Db, manifestId: number, lines: readonly RiskLine[]): RiskHistory {
  const consigneeKeys = new Set<string>();
  const containerNumbers = new Set<string>();
  const lanes = new Set<string>();
  for (const line of lines) {
    if (line.consignee?.key) consigneeKeys.add(line.consignee.key);
    if (line.containerNumber) containerNumbers.add(line.containerNumber);
    if (line.portOfLoading && line.portOfDischarge) lanes.add(`${line.portOfLoading}>${line.portOfDischarge}`);
  }

  const consigneeCount = new Map<string, number>();
  const pairCount = new Map<string, number>();
  const chapters = new Map<string, Map<string, number>>();
  const flags = new Map<string, ContainerFlag[]>();
  const laneCounts = new Map<string, Map<number, number>>();

  withTempKeys(db, 'risk_consignee_keys', consigneeKeys, () => {
    const rows = db
      .prepare(
        `SELECT g.name_normalised AS consignee, s.name_normalised AS shipper, c.hs_code AS hs, count(*) AS n
         FROM consignments c
         JOIN parties g ON g.id = c.consignee_id
         LEFT JOIN parties s ON s.id = c.shipper_id
         WHERE c.manifest_id < ? AND g.name_normalised IN (SELECT key FROM temp.risk_consignee_keys)
         GROUP BY g.name_normalised, s.name_normalised, substr(c.hs_code, 1, 2)`,
      )
      .all(manifestId) as { consignee: string; shipper: string | null; hs: string | null; n: number }[];
    for (const row of rows) {
      consigneeCount.set(row.consignee, (consigneeCount.get(row.consignee) ?? 0) + row.n);
      if (row.shipper) {
        const pair = `${row.shipper}\u0000${row.consignee}`;
        pairCount.set(pair, (pairCount.get(pair) ?? 0) + row.n);
      }
      const chapter = chapterOf(row.hs);
      if (chapter) {
        const byChapter = chapters.get(row.consignee) ?? new Map<string, number>();
        byChapter.set(chapter, (byChapter.get(chapter) ?? 0) + row.n);
        chapters.set(row.consignee, byChapter);
      }
    }
  });

  withTempKeys(db, 'risk_container_numbers', containerNumbers, () => {
    const seizures = db
      .prepare(
        `SELECT DISTINCT c.container_number AS number, k.reference, s.recorded_at AS at
         FROM seizures s
         JOIN examinations e ON e.id = s.examination_id
         JOIN consignments c ON c.id = e.consignment_id
         JOIN cases k ON k.id = s.case_id
         WHERE c.container_number IN (SELECT key FROM temp.risk_container_numbers) AND ${liveSeizure('s', 'e')}`,
      )
      .all() as { number: string; reference: string; at: string }[];
    // Alerts from partner units arrive as watch-list entries with a partner source (the exchange feature).
    const alerts = db
      .prepare(
        `SELECT value_normalised AS number, source AS reference, created_at AS at FROM watch_list_entries
         WHERE kind = 'container' AND source <> 'local' AND value_normalised IN (SELECT key FROM temp.risk_container_numbers)`,
      )
      .all() as { number: string; reference: string; at: string }[];
    for (const [kind, rows] of [['seizure', seizures], ['alert', alerts]] as const) {
      for (const row of rows) {
        const list = flags.get(row.number) ?? [];
        list.push({ kind, reference: row.reference, at: row.at });
        flags.set(row.number, list);
      }
    }
  });

  withTempKeys(db, 'risk_lanes', lanes, () => {
    const rows = db
      .prepare(
        `SELECT port_of_loading || '>' || port_of_discharge AS lane, json_array_length(transshipment_ports_json) AS hops, count(*) AS n
         FROM consignments
         WHERE manifest_id < ? AND port_of_loading || '>' || port_of_discharge IN (SELECT key FROM temp.risk_lanes)
         GROUP BY 1, 2`,
      )
      .all(manifestId) as { lane: string; hops: number; n: number }[];
    for (const row of rows) {
      const counts = laneCounts.get(row.lane) ?? new Map<number, number>();
      counts.set(row.hops, row.n);
      laneCounts.set(row.lane, counts);
    }
  });

  const usualHops = new Map<string, number | null>();
  for (const [lane, counts] of laneCounts) usualHops.set(lane, median(counts));

  return {
    consigneeShipments: (key) => consigneeCount.get(key) ?? 0,
    pairShipments: (shipper, consignee) => pairCount.get(`${shipper}\u0000${consignee}`) ?? 0,
    consigneeChapters: (key) => chapters.get(key) ?? new Map(),
    containerFlags: (number) => flags.get(number) ?? [],
    laneTransshipments: (pol, pod) => usualHops.get(`${pol}>${pod}`) ?? null,
  };
}

/** The median number of transshipments on a lane, weighted by lines; null with too little history. */
function median(counts: ReadonlyMap<number, number>): number | null {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (total < MIN_LANE_HISTORY) return null;
  let seen = 0;
  for (const [hops, n] of [...counts].sort((a, b) => a[0] - b[0])) {
    seen += n;
    if (seen * 2 >= total) return hops;
  }
  return null;
}

function withTempKeys(db: Db, table: string, keys: ReadonlySet<string>, work: () => void): void {
  if (keys.size === 0) return;
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM temp.${table};`);
  const insert = db.prepare(`INSERT OR IGNORE INTO temp.${table} (key) VALUES (?)`);
  for (const key of keys) insert.run(key);
  try {
    work();
  } finally {
    db.exec(`DELETE FROM temp.${table}`);
  }
}

/**
 * Seal numbers and how many different containers of the call declare each
 * (containers, not lines: a groupage container's B/Ls all repeat its one seal),
 * and each container's gross weight over all its B/Ls (payload checks).
 */
export function callFacts(lines: readonly RiskLine[]): CallFacts {
  const holders = new Map<string, Set<string>>();
  const containerGrossKg = new Map<string, number>();
  for (const line of lines) {
    const holder = line.containerNumber ?? `line:${line.consignmentId}`;
    if (line.containerNumber && line.grossWeightKg !== null) containerGrossKg.set(line.containerNumber, (containerGrossKg.get(line.containerNumber) ?? 0) + line.grossWeightKg);
    for (const seal of line.seals) {
      const set = holders.get(seal) ?? new Set<string>();
      set.add(holder);
      holders.set(seal, set);
    }
  }
  return { sealCounts: new Map([...holders].map(([seal, set]) => [seal, set.size])), containerGrossKg };
}

/**
 * The risk engine's speed figures (issue 5), as ratios against the bare work
 * measured in the same run: scoring 100,000 lines against a loop that only
 * reads the same fields; the first page of the risk-sorted, filtered list and
 * a full-text search over 1,000,000 stored lines against the bare indexed
 * queries. Run by `npm run bench`; never asserted in tests.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { migrate } from '../../main/core/db/migrate';
import { applyKey, type Db } from '../../main/core/db/open';
import { normalisePartyName } from '../../shared/domain/party-name';
import { callFacts } from '../../main/core/risk/history';
import { allIndicators } from '../../main/core/risk/indicators';
import { defaultDraft, type ProfileVersion } from '../../main/core/risk/profile';
import { defaultReference } from '../../main/core/risk/reference';
import { createScorer } from '../../main/core/risk/score';
import { listTargets, targetWhere } from '../../main/core/risk/targets';
import type { RiskHistory, RiskLine } from '../../main/core/risk/types';
import { createWatchMatcher, watchKey } from '../../main/core/risk/watchlist-match';

const ports = ['CNSHA', 'ECGYE', 'PKKHI', 'IRBND', 'AEJEA', 'TRIST', 'NLRTM', 'COCTG', 'INNSA', 'GEPTI', 'UZTAS', 'TMTMZ', 'BRSSZ', 'MYPKG', 'SGSIN'];
const goods: readonly [string, string][] = [
  ['FRESH BANANAS', '080390'],
  ['GENERAL CARGO', ''],
  ['COTTON YARN FOR WEAVING', '520511'],
  ['PAPER CUPS', '482369'],
  ['FROZEN SHRIMPS', '030617'],
  ['SPARE PARTS', '848790'],
  ['Кофе зелёный в зёрнах', '090111'],
  ['FURNITURE (WOODEN CHAIRS)', '940161'],
  ['PERSONAL EFFECTS', ''],
  ['CERAMIC TILES', '690721'],
  ['BASMATI RICE', '100630'],
  ['ЗАПАСНЫЕ ЧАСТИ', '870899'],
];
const types = ['22G1', '45G1', '45R1', '42G1', '22R1'];

function party(index: number, role: string) {
  const name = index % 97 === 0 ? 'TO ORDER' : index % 5 === 0 ? `ООО «Компания ${index}»` : `${role} TRADING ${index} LLC`;
  return { name, key: normalisePartyName(name), address: index % 13 === 0 ? 'P.O. BOX 1234' : `STREET ${index}`, country: null };
}

/** Varied synthetic lines: every indicator gets something to look at. */
export function syntheticLines(count: number): RiskLine[] {
  return Array.from({ length: count }, (_, index): RiskLine => {
    const [description, hs] = goods[index % goods.length]!;
    const pol = ports[index % ports.length]!;
    return {
      consignmentId: index + 1,
      manifestId: 1 + Math.floor(index / 5000),
      receivedAt: '2026-11-29T00:00:00.000Z',
      mode: 'sea',
      blNumber: `BL${index}`,
      masterBl: null,
      containerNumber: `MSCU${String(index).padStart(7, '0')}`,
      containerCheckDigitOk: index % 50 !== 0,
      containerType: types[index % types.length]!,
      seals: index % 40 === 0 ? [] : [`SL${index % 30_000}`],
      shipper: party(index % 3000, 'SHIPPER'),
      consignee: party(index % 5000, 'CONSIGNEE'),
      notify: index % 7 === 0 ? party(index % 5000, 'CONSIGNEE') : null,
      goodsDescription: description,
      hsCode: hs || null,
      packages: 100 + (index % 900),
      packageType: 'CT',
      grossWeightKg: 500 + ((index * 7919) % 32_000),
      placeOfReceipt: null,
      portOfLoading: pol,
      transshipmentPorts: index % 4 === 0 ? [ports[(index + 3) % ports.length]!] : [],
      portOfDischarge: 'IRBND',
      placeOfDelivery: 'UZTAS',
      originCountry: index % 11 === 0 ? 'BR' : pol.slice(0, 2),
      reefer: index % 5 === 2,
      vessel: { name: 'MSC BENCH', imo: '9321483', imoCheckDigitOk: true, voyage: '001W' },
      amendments: [],
    };
  });
}

const history: RiskHistory = {
  consigneeShipments: (key) => key.length % 3,
  pairShipments: (a, b) => (a.length + b.length) % 2,
  consigneeChapters: () => new Map([['52', 3]]),
  containerFlags: () => [],
  laneTransshipments: () => 0,
};

const seconds = (ms: number) => (ms / 1000).toFixed(2);

export interface RiskBenchRow {
  readonly measure: string;
  readonly value: string;
  readonly ratio: string;
}

function scoringBench(lines: readonly RiskLine[]): RiskBenchRow[] {
  const draft = defaultDraft(allIndicators);
  const version: ProfileVersion = {
    id: 1,
    profileId: 1,
    name: 'Standard',
    version: 1,
    redThreshold: draft.redThreshold,
    yellowThreshold: draft.yellowThreshold,
    randomRate: draft.randomRate,
    watchlistWeights: draft.watchlistWeights,
    indicators: new Map(draft.indicators.map((entry) => [entry.id, { weight: entry.weight, params: entry.params ?? {} }])),
    active: true,
    createdAt: '',
    createdBy: null,
    changeReason: '',
  };
  const known = new Map(allIndicators.map((indicator) => [indicator.id, indicator]));
  const entries = Array.from({ length: 1000 }, (_, index) => {
    const kind = index % 4 === 0 ? ('container' as const) : ('party' as const);
    const value = kind === 'container' ? `MSCU${String(index * 101).padStart(7, '0')}` : `WATCHED FIRM ${index} LLC`;
    return { id: index + 1, kind, value, valueNormalised: watchKey(kind, value), severity: 'high' as const };
  });

  // The floor: read every field an indicator reads, do nothing with it.
  const bare = (batch: readonly RiskLine[]) => {
    let sink = 0;
    for (const line of batch) {
      sink += line.goodsDescription.length + (line.hsCode?.length ?? 0) + (line.consignee?.name.length ?? 0) + (line.shipper?.key.length ?? 0);
      sink += (line.portOfLoading?.length ?? 0) + line.transshipmentPorts.length + (line.grossWeightKg ?? 0) + (line.packages ?? 0) + line.seals.length;
      sink += (line.containerType?.length ?? 0) + (line.originCountry?.length ?? 0) + (line.reefer ? 1 : 0) + (line.notify?.address.length ?? 0);
    }
    return sink;
  };
  const score = (batch: readonly RiskLine[]) => {
    const context = { reference: defaultReference(), history, call: callFacts(batch) };
    const matcher = createWatchMatcher(entries);
    const scorer = createScorer(version, known, 'bench-secret');
    const lanes = { red: 0, yellow: 0, green: 0 };
    for (const line of batch) lanes[scorer.score(line, context, matcher.match(line)).lane] += 1;
    return lanes;
  };
  // Both warmed up on other lines first, so neither figure is the JIT compiling.
  const warm = syntheticLines(10_000).map((line) => ({ ...line, consignmentId: line.consignmentId + 10_000_000 }));
  bare(warm);
  score(warm);

  const bareStart = performance.now();
  if (bare(lines) < 0) throw new Error('unreachable');
  const bareMs = performance.now() - bareStart;
  const started = performance.now();
  const lanes = score(lines);
  const scoreMs = performance.now() - started;
  process.stdout.write(`  lanes: ${JSON.stringify(lanes)}\n`);
  return [
    { measure: `Score ${lines.length.toLocaleString('en')} lines (${allIndicators.length} indicators, 1,000 watch-list entries)`, value: `${seconds(scoreMs)} s (${Math.round(lines.length / (scoreMs / 1000)).toLocaleString('en')} lines/s)`, ratio: `${(scoreMs / bareMs).toFixed(0)} × the bare loop` },
    { measure: 'Bare loop reading the same fields', value: `${bareMs.toFixed(1)} ms`, ratio: '' },
  ];
}

/** 1,000,000 stored lines with scores and fired indicators, written straight into an encrypted database. */
function buildStore(file: string, count: number): Db {
  const db = new Database(file) as unknown as Db;
  applyKey(db, randomBytes(32));
  db.pragma('journal_mode = WAL');
  db.pragma('cache_size = -65536');
  migrate(db);
  db.exec(`INSERT INTO users (id, username, display_name, role, created_at, password_changed_at) VALUES (1, 'b', 'B', 'officer', 'now', 'now');
           INSERT INTO profiles (id, name, created_at) VALUES (1, 'Standard', 'now');
           INSERT INTO profile_versions (id, profile_id, version, red_threshold, yellow_threshold, active, created_at) VALUES (1, 1, 1, 60, 30, 1, 'now');`);
  const insertIndicator = db.prepare('INSERT INTO indicators (id, category, default_weight) VALUES (?, ?, ?)');
  for (const indicator of allIndicators) insertIndicator.run(indicator.id, indicator.category, indicator.defaultWeight);
  const lines = syntheticLines(count);
  const insertManifest = db.prepare("INSERT INTO manifests (id, sha256, file_name, format, received_at, imported_by, line_count, container_count, total_gross_weight_kg) VALUES (?, ?, 'b.xlsx', 'xlsx', '2026-11-29', 1, 0, 0, '0')");
  const insertParty = db.prepare('INSERT INTO parties (id, name, name_normalised, address, first_seen_at) VALUES (?, ?, ?, ?, ?)');
  const insertLine = db.prepare(
    `INSERT INTO consignments (id, manifest_id, line_no, source_ref, bl_number, container_number, consignee_id, goods_description, hs_code, packages, gross_weight_kg,
       port_of_loading, transshipment_ports_json, port_of_discharge, origin_country, seals_json) VALUES (?, ?, ?, 'R', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IRBND', ?, '[]')`,
  );
  const insertScore = db.prepare('INSERT INTO scores (id, consignment_id, profile_version_id, total, band, scored_at) VALUES (?, ?, 1, ?, ?, ?)');
  const insertFired = db.prepare("INSERT INTO fired_indicators (score_id, indicator_id, weight, evidence_json) VALUES (?, ?, ?, '{}')");
  db.transaction(() => {
    for (let manifest = 1; manifest <= Math.ceil(count / 5000); manifest += 1) insertManifest.run(manifest, `sha${manifest}`);
    for (let index = 0; index < 5000; index += 1) {
      const p = party(index, 'CONSIGNEE');
      insertParty.run(index + 1, p.name, p.key, `${p.address} #${index}`, 'now');
    }
    for (const line of lines) {
      const id = line.consignmentId;
      insertLine.run(id, line.manifestId, id, line.blNumber, line.containerNumber, ((id - 1) % 5000) + 1, line.goodsDescription, line.hsCode, line.packages, String(line.grossWeightKg),
        line.portOfLoading, JSON.stringify(line.transshipmentPorts), line.originCountry);
      const total = (id * 7919) % 120;
      insertScore.run(id, id, total, total >= 60 ? 'red' : total >= 30 ? 'yellow' : 'green', 'now');
      insertFired.run(id, allIndicators[id % allIndicators.length]!.id, 20);
      if (id % 3 === 0) insertFired.run(id, allIndicators[(id + 7) % allIndicators.length]!.id, 15);
    }
    db.exec('INSERT INTO consignments_fts (rowid, goods_description) SELECT id, goods_description FROM consignments');
  })();
  db.exec('ANALYZE');
  return db;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeMedian(work: () => unknown, runs = 7): number {
  work();
  return median(Array.from({ length: runs }, () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  }));
}

function listBench(dir: string, count: number): RiskBenchRow[] {
  process.stdout.write(`Writing ${count.toLocaleString('en')} scored lines into an encrypted database …\n`);
  const started = performance.now();
  const db = buildStore(path.join(dir, 'risk-bench.db'), count);
  process.stdout.write(`  ${seconds(performance.now() - started)} s\n`);
  try {
    const page = { limit: 200, offset: 0, withTotal: false } as const;
    // The floor for each list: the same WHERE and ORDER BY, returning only the ids of the page (no display columns, reasons or decisions).
    const bare = (filter: Parameters<typeof targetWhere>[1]) => {
      const where = targetWhere(1, filter);
      const statement = db.prepare(`SELECT s.consignment_id FROM scores s JOIN consignments c ON c.id = s.consignment_id WHERE ${where.sql} ORDER BY s.total DESC, s.consignment_id LIMIT 200`);
      return () => statement.all(...where.params);
    };
    const firstPage = timeMedian(() => listTargets(db, 1, {}, page));
    const bareFirst = timeMedian(bare({}));
    const filtered = timeMedian(() => listTargets(db, 1, { lane: 'red', country: 'EC' }, page));
    const bareFiltered = timeMedian(bare({ lane: 'red', country: 'EC' }));
    const withCount = timeMedian(() => listTargets(db, 1, { lane: 'red', country: 'EC' }, { limit: 200, offset: 0 }), 3);
    const search = timeMedian(() => listTargets(db, 1, { text: 'bananas' }, page));
    const bareSearch = timeMedian(bare({ text: 'bananas' }));
    const millions = `${(count / 1_000_000).toLocaleString('en')} M`;
    return [
      { measure: `First page (200 lines) by risk over ${millions} stored lines`, value: `${firstPage.toFixed(1)} ms`, ratio: `${(firstPage / bareFirst).toFixed(1)} × the bare query (${bareFirst.toFixed(1)} ms)` },
      { measure: `First page, filtered (red lane, country EC), over ${millions}`, value: `${filtered.toFixed(1)} ms`, ratio: `${(filtered / bareFiltered).toFixed(1)} × the bare query (${bareFiltered.toFixed(1)} ms)` },
      { measure: '… the same with the count of all matching lines', value: `${withCount.toFixed(1)} ms`, ratio: '' },
      { measure: `Full-text search "bananas", first page, over ${millions}`, value: `${search.toFixed(1)} ms`, ratio: `${(search / bareSearch).toFixed(1)} × the bare query (${bareSearch.toFixed(1)} ms)` },
    ];
  } finally {
    db.close();
  }
}

export function runRiskBench(dir: string, scoreLines: number, storedLines: number): RiskBenchRow[] {
  process.stdout.write(`Scoring ${scoreLines.toLocaleString('en')} synthetic lines …\n`);
  return [...scoringBench(syntheticLines(scoreLines)), ...listBench(dir, storedLines)];
}

import { seizureCategories, type SeizureCategory } from '../../../shared/domain/seizure-categories';
import { translate, type MessageKey } from '../../../shared/i18n';
import { DomainError } from '../../../shared/ipc/errors';
import { liveExamination, liveSeizure } from '../casework/live-records';
import type { Db } from '../db/open';
import type { ReportHeader } from './report-data';

export interface StatisticsData extends ReportHeader {
  readonly kind: 'statistics';
  /** Calendar dates, both included (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
  readonly manifests: number;
  readonly lines: number;
  readonly lanes: { readonly red: number; readonly yellow: number; readonly green: number; readonly unscored: number };
  readonly selected: number;
  readonly targeted: number;
  readonly random: number;
  readonly examined: number;
  readonly withSeizure: number;
  readonly seizures: readonly { readonly category: string; readonly group: string; readonly name: string; readonly count: number; readonly quantities: readonly { readonly unit: string; readonly quantity: string }[] }[];
  readonly profiles: readonly { readonly name: string; readonly version: number; readonly scored: number; readonly selected: number; readonly seizures: number; readonly hitRate: number | null }[];
  readonly indicators: readonly { readonly id: string; readonly name: string; readonly fired: number; readonly selected: number; readonly seizures: number; readonly hitRate: number | null }[];
  /** The exchange with partner units in the period: packages sent and received, lines alerts flagged, partners' seizures. */
  readonly exchange: ExchangeFigures;
}

export interface ExchangeFigures {
  readonly alertsSent: number;
  readonly noticesSent: number;
  readonly alertsReceived: number;
  readonly noticesReceived: number;
  /**
   * Lines of the period's manifests whose latest score has a hit on a watch-list
   * entry made from a partner's alert: its container, B/L or parties. Not the
   * vessel: its entry only nudges every other line of the call.
   */
  readonly linesFlaggedByAlerts: number;
  /** Seizures partner units reported in the notices received in the period, by category. */
  readonly partnerSeizures: readonly { readonly category: string; readonly name: string; readonly count: number; readonly quantities: readonly { readonly unit: string; readonly quantity: string }[] }[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The instant range of a period of calendar dates (UTC days), `to` included. */
export function periodBounds(from: string, to: string): { start: string; end: string } {
  if (!DATE.test(from) || !DATE.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)) || from > to) {
    throw new DomainError('INVALID_INPUT', 'A period is two dates YYYY-MM-DD, the first not after the second', { field: 'from' });
  }
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
  return { start: new Date(`${from}T00:00:00Z`).toISOString(), end };
}

/** Adds decimal strings exactly enough for report totals (six decimals, as the seizure form allows). */
function addDecimal(a: string, b: string): string {
  const scale = 1_000_000n;
  const parse = (text: string) => {
    const [whole = '0', fraction = ''] = text.split('.');
    return BigInt(whole) * scale + BigInt((fraction + '000000').slice(0, 6));
  };
  const sum = parse(a) + parse(b);
  const fraction = (sum % scale).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sum / scale}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Statistics for managers over the manifests received in a period: volume,
 * lanes (latest score of each line), selections, examinations and seizures
 * that count (casework/live-records.ts), seizures by category and CEN group,
 * and hit rates per profile version and per indicator over those lines.
 */
export function statisticsData(db: Db, period: { from: string; to: string }, header: ReportHeader): StatisticsData {
  const { start, end } = periodBounds(period.from, period.to);
  const t = (key: string) => translate(header.language, key as MessageKey);
  const volume = db
    .prepare(`SELECT count(*) AS manifests, coalesce(sum(line_count), 0) AS lines FROM manifests WHERE received_at >= ? AND received_at < ?`)
    .get(start, end) as { manifests: number; lines: number };
  const lines = `SELECT c.id FROM consignments c JOIN manifests m ON m.id = c.manifest_id WHERE m.received_at >= @start AND m.received_at < @end`;
  const lanes = db
    .prepare(
      `WITH line AS (${lines}), latest AS (SELECT l.id, (SELECT band FROM scores s WHERE s.consignment_id = l.id ORDER BY s.id DESC LIMIT 1) AS band FROM line l)
       SELECT coalesce(sum(band = 'red'), 0) AS red, coalesce(sum(band = 'yellow'), 0) AS yellow, coalesce(sum(band = 'green'), 0) AS green, coalesce(sum(band IS NULL), 0) AS unscored FROM latest`,
    )
    .get({ start, end }) as StatisticsData['lanes'];
  const funnel = db
    .prepare(
      `WITH line AS (${lines}), outcome AS (
         SELECT l.id, (SELECT decision FROM selections x WHERE x.consignment_id = l.id ORDER BY x.id DESC LIMIT 1) AS decision,
           EXISTS (SELECT 1 FROM examinations e WHERE e.consignment_id = l.id AND ${liveExamination('e')}) AS examined,
           EXISTS (SELECT 1 FROM examinations e JOIN seizures z ON z.examination_id = e.id WHERE e.consignment_id = l.id AND ${liveSeizure('z', 'e')}) AS seized
         FROM line l)
       SELECT coalesce(sum(decision IN ('targeted', 'random')), 0) AS selected, coalesce(sum(decision = 'targeted'), 0) AS targeted, coalesce(sum(decision = 'random'), 0) AS random,
              coalesce(sum(examined), 0) AS examined, coalesce(sum(seized), 0) AS withSeizure FROM outcome`,
    )
    .get({ start, end }) as { selected: number; targeted: number; random: number; examined: number; withSeizure: number };
  const seizureRows = db
    .prepare(
      `WITH line AS (${lines})
       SELECT z.category, z.quantity_unit AS unit, z.quantity FROM seizures z JOIN examinations e ON e.id = z.examination_id
       WHERE e.consignment_id IN (SELECT id FROM line) AND ${liveSeizure('z', 'e')} ORDER BY z.id`,
    )
    .all({ start, end }) as { category: string; unit: string; quantity: string }[];
  const seizures = byCategoryOf(seizureRows, t).map((item) => ({ ...item, group: seizureCategories[item.category as SeizureCategory] ?? 'other' }));
  const outcome = `WITH line AS (${lines}), outcome AS (
      SELECT s.id AS score_id, s.profile_version_id,
        (SELECT decision FROM selections x WHERE x.consignment_id = s.consignment_id ORDER BY x.id DESC LIMIT 1) IN ('targeted', 'random') AS selected,
        EXISTS (SELECT 1 FROM examinations e JOIN seizures z ON z.examination_id = e.id WHERE e.consignment_id = s.consignment_id AND ${liveSeizure('z', 'e')}) AS seized
      FROM scores s WHERE s.consignment_id IN (SELECT id FROM line))`;
  const rate = (selected: number, seized: number) => (selected === 0 ? null : seized / selected);
  const profiles = (db
    .prepare(
      `${outcome} SELECT p.name, v.version, count(*) AS scored, coalesce(sum(o.selected), 0) AS selected, coalesce(sum(o.selected AND o.seized), 0) AS seizures
       FROM outcome o JOIN profile_versions v ON v.id = o.profile_version_id JOIN profiles p ON p.id = v.profile_id GROUP BY v.id ORDER BY p.name, v.version`,
    )
    .all({ start, end }) as { name: string; version: number; scored: number; selected: number; seizures: number }[]).map((row) => ({ ...row, hitRate: rate(row.selected, row.seizures) }));
  const indicators = (db
    .prepare(
      `${outcome} SELECT f.indicator_id AS id, count(*) AS fired, coalesce(sum(o.selected), 0) AS selected, coalesce(sum(o.selected AND o.seized), 0) AS seizures
       FROM outcome o JOIN fired_indicators f ON f.score_id = o.score_id GROUP BY f.indicator_id ORDER BY seizures DESC, selected DESC, fired DESC, f.indicator_id`,
    )
    .all({ start, end }) as { id: string; fired: number; selected: number; seizures: number }[]).map((row) => ({
    ...row,
    name: t(`indicator.${row.id}.name`),
    hitRate: rate(row.selected, row.seizures),
  }));
  const exchange = exchangeFigures(db, { start, end }, lines, t);
  return { ...header, kind: 'statistics', from: period.from, to: period.to, ...volume, lanes, ...funnel, seizures, profiles, indicators, exchange };
}

/** Sums seizures by category in the order of the category list, quantities exactly per unit. */
function byCategoryOf(rows: readonly { category: string; unit: string; quantity: string }[], t: (key: string) => string) {
  const byCategory = new Map<string, { count: number; quantities: Map<string, string> }>();
  for (const row of rows) {
    const entry = byCategory.get(row.category) ?? { count: 0, quantities: new Map<string, string>() };
    entry.count += 1;
    entry.quantities.set(row.unit, addDecimal(entry.quantities.get(row.unit) ?? '0', row.quantity));
    byCategory.set(row.category, entry);
  }
  const order = Object.keys(seizureCategories);
  return [...byCategory.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([category, entry]) => ({
      category,
      name: t(`seizure.category.${category}`),
      count: entry.count,
      quantities: [...entry.quantities.entries()].map(([unit, quantity]) => ({ unit, quantity })),
    }));
}

/**
 * Packages sent and received in the period, the period's lines an accepted
 * alert flagged (the exchange's effect on targeting), and the seizures
 * partners reported, read from the stored notices (validated on import).
 */
function exchangeFigures(db: Db, period: { start: string; end: string }, lines: string, t: (key: string) => string): ExchangeFigures {
  const counted = (table: 'exchange_sent' | 'exchange_received', column: 'created_at' | 'received_at') =>
    db
      .prepare(`SELECT coalesce(sum(kind = 'alert'), 0) AS alerts, coalesce(sum(kind = 'seizure-notice'), 0) AS notices FROM ${table} WHERE ${column} >= ? AND ${column} < ?`)
      .get(period.start, period.end) as { alerts: number; notices: number };
  const sent = counted('exchange_sent', 'created_at');
  const received = counted('exchange_received', 'received_at');
  const flagged = db
    .prepare(
      `WITH line AS (${lines}), latest AS (SELECT (SELECT s.id FROM scores s WHERE s.consignment_id = l.id ORDER BY s.id DESC LIMIT 1) AS score_id FROM line l)
       SELECT count(*) AS n FROM latest WHERE EXISTS (
         SELECT 1 FROM watch_list_hits h JOIN exchange_alert_watch_entries a ON a.watch_entry_id = h.entry_id JOIN watch_list_entries w ON w.id = h.entry_id
         WHERE h.score_id = latest.score_id AND w.kind <> 'vessel')`,
    )
    .get(period) as { n: number };
  const notices = db
    .prepare(`SELECT payload_json FROM exchange_received WHERE kind = 'seizure-notice' AND received_at >= ? AND received_at < ? ORDER BY id`)
    .all(period.start, period.end) as { payload_json: string }[];
  const partnerSeizures = byCategoryOf(
    notices.flatMap((row) => {
      const seizure = (JSON.parse(row.payload_json) as { seizure?: { category?: unknown; quantityUnit?: unknown; quantity?: unknown } }).seizure;
      return typeof seizure?.category === 'string' && typeof seizure.quantityUnit === 'string' && typeof seizure.quantity === 'string'
        ? [{ category: seizure.category, unit: seizure.quantityUnit, quantity: seizure.quantity }]
        : [];
    }),
    t,
  );
  return {
    alertsSent: sent.alerts,
    noticesSent: sent.notices,
    alertsReceived: received.alerts,
    noticesReceived: received.notices,
    linesFlaggedByAlerts: flagged.n,
    partnerSeizures,
  };
}

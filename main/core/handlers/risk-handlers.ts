import type { Handlers } from '../../../shared/ipc/dispatch';
import { DomainError } from '../../../shared/ipc/errors';
import { translate, type MessageKey } from '../../../shared/i18n';
import type { Language } from '../../../shared/i18n/languages';
import { locodes } from '../manifests/reference';
import { allIndicators } from '../risk/indicators';
import { activateVersion, activeVersion, listVersions, loadVersion, saveVersion } from '../risk/profile-store';
import type { ProfileVersion } from '../risk/profile';
import { isReferenceTableName, listReferenceTables, saveReferenceTable } from '../risk/reference-store';
import { measuredHitRates } from '../risk/hit-rates';
import { backtestVersion, scoreManifests } from '../risk/risk-service';
import { riskLineById } from '../risk/risk-lines';
import { consigneeHistory, decisionsOf, recordDecision, type DecisionRecord } from '../risk/selection';
import { firedIndicatorsOf, listTargets, watchHitsOf } from '../risk/targets';
import type { Evidence } from '../risk/types';
import { addWatchEntries, listWatchEntries, removeWatchEntry, type WatchEntry } from '../risk/watchlist-store';
import { readWatchListCsv } from '../risk/watchlist-csv';
import type { HandlerContext } from './context';

type RiskChannels =
  | 'targets.list'
  | 'targets.detail'
  | 'targets.decide'
  | 'targets.rescore'
  | 'watchlist.list'
  | 'watchlist.add'
  | 'watchlist.importCsv'
  | 'watchlist.remove'
  | 'indicators.list'
  | 'profiles.list'
  | 'profiles.save'
  | 'profiles.activate'
  | 'profiles.backtest'
  | 'profiles.hitRates'
  | 'reference.list'
  | 'reference.save';

/** Calls received within this many days are re-scored when another profile version becomes active. */
export const RESCORE_ON_ACTIVATION_DAYS = 30;

export function profileSummary(version: ProfileVersion) {
  return {
    id: version.id,
    profileId: version.profileId,
    name: version.name,
    version: version.version,
    redThreshold: version.redThreshold,
    yellowThreshold: version.yellowThreshold,
    randomRate: version.randomRate,
    watchlistWeights: { ...version.watchlistWeights },
    indicators: [...version.indicators].map(([id, setting]) => ({ id, weight: setting.weight, params: { ...setting.params } })),
    active: version.active,
    createdAt: version.createdAt,
    createdBy: version.createdBy,
    changeReason: version.changeReason,
  };
}

/** Evidence values as words for a reason sentence: lists joined, numbers as the officer reads them. */
export function evidenceParams(evidence: Evidence): Record<string, string | number> {
  return Object.fromEntries(Object.entries(evidence).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : typeof value === 'boolean' ? String(value) : (value as string | number)]));
}

export function indicatorTexts(language: Language, id: string, evidence: Evidence): { name: string; reason: string } {
  return {
    name: translate(language, `indicator.${id}.name` as MessageKey),
    reason: translate(language, `indicator.${id}.reason` as MessageKey, evidenceParams(evidence)),
  };
}

export function riskHandlers({ sessions, clock, language }: HandlerContext): Pick<Handlers, RiskChannels> {
  const db = () => sessions.store().db;
  const now = () => clock().toISOString();
  const userId = () => {
    const id = sessions.actor().userId;
    if (id === null) throw new DomainError('SESSION_LOCKED', 'Log in first');
    return id;
  };

  /**
   * A newly active version scores the recent calls at once, so the workspace
   * does not go empty; older history is re-scored on request (it can be long).
   */
  const rescoreRecent = () =>
    scoreManifests(sessions.store(), sessions.actor(), clock, { from: new Date(clock().getTime() - RESCORE_ON_ACTIVATION_DAYS * 86_400_000).toISOString() }, 'risk.rescored');

  return {
    'targets.list': ({ filter, sort, limit, offset }) => {
      const version = activeVersion(db());
      if (!version) return { profile: null, total: 0, rows: [] };
      const { rows, total } = listTargets(db(), version.id, filter, { limit, offset, sort, withTotal: offset === 0 });
      return {
        profile: { id: version.id, name: version.name, version: version.version, redThreshold: version.redThreshold, yellowThreshold: version.yellowThreshold },
        total,
        rows,
      };
    },

    'targets.detail': async ({ consignmentId }) => {
      const line = riskLineById(db(), consignmentId);
      if (!line) throw new DomainError('NOT_FOUND', `There is no consignment ${consignmentId}`, { what: 'consignment', id: consignmentId });
      const lang = await language();
      const version = activeVersion(db());
      const score = version
        ? (db().prepare('SELECT id, total, band, random_pick FROM scores WHERE consignment_id = ? AND profile_version_id = ?').get(consignmentId, version.id) as
            | { id: number; total: number; band: 'red' | 'yellow' | 'green'; random_pick: number }
            | undefined)
        : undefined;
      const stored = db()
        .prepare('SELECT c.line_no, c.source_ref, c.gross_weight_kg FROM consignments c WHERE c.id = ?')
        .get(consignmentId) as { line_no: number; source_ref: string; gross_weight_kg: string | null };
      const place = (role: 'receipt' | 'loading' | 'transshipment' | 'discharge' | 'delivery', locode: string | null) =>
        locode ? [{ role, locode, name: locodes().lookup(locode)?.name ?? null }] : [];
      const party = (p: typeof line.consignee) => (p ? { name: p.name, address: p.address, country: p.country } : null);
      return {
        line: {
          id: line.consignmentId,
          manifestId: line.manifestId,
          lineNo: stored.line_no,
          sourceRef: stored.source_ref,
          vessel: line.vessel.name,
          imo: line.vessel.imo,
          voyage: line.vessel.voyage,
          receivedAt: line.receivedAt,
          bl: line.blNumber,
          masterBl: line.masterBl,
          container: line.containerNumber,
          containerType: line.containerType,
          seals: [...line.seals],
          shipper: party(line.shipper),
          consignee: party(line.consignee),
          notify: party(line.notify),
          goods: line.goodsDescription,
          hsCode: line.hsCode,
          packages: line.packages,
          packageType: line.packageType,
          grossWeightKg: stored.gross_weight_kg,
          route: [
            ...place('receipt', line.placeOfReceipt),
            ...place('loading', line.portOfLoading),
            ...line.transshipmentPorts.flatMap((port) => place('transshipment', port)),
            ...place('discharge', line.portOfDischarge),
            ...place('delivery', line.placeOfDelivery),
          ],
          originCountry: line.originCountry,
          reefer: line.reefer,
        },
        score: score && version ? { id: score.id, total: score.total, lane: score.band, randomPick: score.random_pick === 1, profile: version.name, version: version.version } : null,
        fired: score ? firedIndicatorsOf(db(), score.id).map((fired) => ({ ...fired, ...indicatorTexts(lang, fired.id, fired.evidence) })) : [],
        watchHits: score ? watchHitsOf(db(), score.id) : [],
        history: consigneeHistory(db(), consignmentId),
        amendments: line.amendments.map(({ field, before, after, receivedAt }) => ({ field, before, after, receivedAt })),
        decisions: decisionsOf(db(), consignmentId),
      };
    },

    'targets.decide': async ({ consignmentId, choice, reason }) => {
      const store = sessions.store();
      const version = activeVersion(store.db);
      return store.change(
        sessions.actor(),
        (record: DecisionRecord) => ({
          action: choice === 'waive' ? 'target.waived' : 'target.selected',
          subject: `consignment:${consignmentId}`,
          details: { decision: record.decision, reason: record.reason, score: record.score, lane: record.lane, profileVersionId: version?.id ?? null },
        }),
        (database) => recordDecision(database, { consignmentId, versionId: version?.id ?? null, choice, reason, userId: userId(), at: now() }),
      );
    },

    'targets.rescore': ({ manifestId, from, to }) =>
      scoreManifests(sessions.store(), sessions.actor(), clock, { ...(manifestId ? { manifestIds: [manifestId] } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }, 'risk.rescored'),

    'watchlist.list': ({ includeRemoved }) => listWatchEntries(db(), { includeRemoved }),

    'watchlist.add': ({ entries }) =>
      sessions.store().change(
        sessions.actor(),
        (added: WatchEntry[]) => ({ action: 'watchlist.added', subject: 'watchlist', details: { entries: added.map((entry) => ({ id: entry.id, kind: entry.kind, value: entry.value, severity: entry.severity, reason: entry.reason })) } }),
        (database) => addWatchEntries(database, entries, now(), userId()),
      ),

    'watchlist.importCsv': async ({ name, dataBase64, dryRun }) => {
      const lang = await language();
      const parsed = readWatchListCsv(Buffer.from(dataBase64, 'base64'), name, lang);
      if (parsed.problems.length > 0 || dryRun) return { added: [], entries: parsed.entries.length, problems: parsed.problems };
      const added = await sessions.store().change(
        sessions.actor(),
        (list: WatchEntry[]) => ({ action: 'watchlist.imported', subject: name, details: { entries: list.length, ids: list.map((entry) => entry.id) } }),
        (database) => addWatchEntries(database, parsed.entries, now(), userId()),
      );
      return { added, entries: added.length, problems: [] };
    },

    'watchlist.remove': async ({ id, reason }) => {
      const removed = await sessions.store().change(
        sessions.actor(),
        (entry: WatchEntry | null) => ({ action: 'watchlist.removed', subject: `watchlist-entry:${id}`, details: { reason, value: entry?.value ?? null } }),
        (database) => removeWatchEntry(database, id, now(), userId()),
      );
      if (!removed) throw new DomainError('NOT_FOUND', `There is no active watch-list entry ${id}`, { what: 'watch-list entry', id });
      return removed;
    },

    'indicators.list': () =>
      allIndicators.map((indicator) => ({ id: indicator.id, category: indicator.category, defaultWeight: indicator.defaultWeight, defaultParams: { ...indicator.defaultParams } })),

    'profiles.list': () => listVersions(db()).map(profileSummary),

    'profiles.save': async ({ profileName, draft, activate }) => {
      const version = await sessions.store().change(
        sessions.actor(),
        (saved: ProfileVersion) => ({
          action: 'profile.saved',
          subject: `profile:${saved.name}`,
          details: { version: saved.version, versionId: saved.id, active: saved.active, reason: saved.changeReason, redThreshold: saved.redThreshold, yellowThreshold: saved.yellowThreshold, randomRate: saved.randomRate, indicators: Object.fromEntries([...saved.indicators].map(([id, s]) => [id, s.weight])) },
        }),
        (database) => saveVersion(database, allIndicators, { profileName, draft, userId: userId(), at: now(), activate }),
      );
      if (version.active) await rescoreRecent();
      return profileSummary(version);
    },

    'profiles.activate': async ({ versionId }) => {
      const version = await sessions.store().change(
        sessions.actor(),
        (activated: ProfileVersion) => ({ action: 'profile.activated', subject: `profile:${activated.name}`, details: { version: activated.version, versionId } }),
        (database) => activateVersion(database, versionId),
      );
      await rescoreRecent();
      return profileSummary(version);
    },

    'profiles.backtest': ({ versionId, from, to }) => {
      const result = backtestVersion(db(), versionId, { ...(from ? { from } : {}), ...(to ? { to } : {}) }, now());
      if (!result) throw new DomainError('NOT_FOUND', `There is no profile version ${versionId}`, { what: 'profile version', id: versionId });
      return result;
    },

    'profiles.hitRates': ({ versionId }) => {
      if (!loadVersion(db(), versionId)) throw new DomainError('NOT_FOUND', `There is no profile version ${versionId}`, { what: 'profile version', id: versionId });
      return measuredHitRates(db(), versionId);
    },

    'reference.list': () => listReferenceTables(db()),

    'reference.save': async ({ name, table }) => {
      if (!isReferenceTableName(name)) throw new DomainError('NOT_FOUND', `There is no reference table ${name}`, { what: 'reference table', id: name });
      await sessions.store().change(
        sessions.actor(),
        { action: table === null ? 'reference.restored' : 'reference.saved', subject: `reference:${name}`, details: { entries: Array.isArray((table as { entries?: unknown[] } | null)?.entries) ? (table as { entries: unknown[] }).entries.length : null } },
        (database) => saveReferenceTable(database, name, table, now(), userId()),
      );
      return listReferenceTables(db()).find((info) => info.name === name)!;
    },
  };
}

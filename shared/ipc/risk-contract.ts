import { z } from 'zod';
import type { Access } from '../domain/roles';

/**
 * IPC channels of the risk engine and the targeting workspace, spread into
 * the one contract table (contract.ts). Kept apart only for length: the same
 * rules apply (names exist only here, input parsed in dispatch, output before
 * it leaves main, access is the minimum role).
 */
const channel = <I extends z.ZodType, O extends z.ZodType>(def: { input: I; output: O; access: Access; summary: string }) => def;

export const Lane = z.enum(['red', 'yellow', 'green']);
export const Decision = z.enum(['targeted', 'random', 'waived']);
export const WatchKind = z.enum(['party', 'container', 'vessel', 'bl', 'seal']);
export const WatchSeverity = z.enum(['critical', 'high', 'medium', 'low']);
const EvidenceValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
const Evidence = z.record(z.string(), EvidenceValue);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const TargetFilter = z
  .object({
    manifestId: z.number().int().positive().optional(),
    lane: Lane.optional(),
    port: z.string().trim().regex(/^[A-Za-z]{2}[A-Za-z0-9]{3}$/, 'a UN/LOCODE such as UZTAS').optional(),
    country: z.string().trim().regex(/^[A-Za-z]{2}$/, 'a two-letter country code').optional(),
    hsChapter: z.string().trim().regex(/^\d{1,2}$/, 'an HS chapter, 01 to 99').optional(),
    indicatorId: z.string().max(100).optional(),
    watchlisted: z.boolean().optional(),
    decision: z.enum(['none', 'selected', 'waived']).optional(),
    text: z.string().max(200).optional(),
  })
  .strict();
export type TargetFilter = z.infer<typeof TargetFilter>;

export const TargetRow = z.object({
  id: z.number().int(),
  manifestId: z.number().int(),
  lineNo: z.number().int(),
  scoreId: z.number().int(),
  score: z.number().int(),
  lane: Lane,
  randomPick: z.boolean(),
  container: z.string().nullable(),
  bl: z.string().nullable(),
  consignee: z.string().nullable(),
  goods: z.string(),
  hsCode: z.string().nullable(),
  route: z.array(z.string()),
  grossWeightKg: z.string().nullable(),
  topReasons: z.array(z.object({ id: z.string(), weight: z.number().int() })),
  watchlistHits: z.number().int(),
  decision: Decision.nullable(),
});
export type TargetRow = z.infer<typeof TargetRow>;

export const ProfileSummary = z.object({
  id: z.number().int(),
  profileId: z.number().int(),
  name: z.string(),
  version: z.number().int(),
  redThreshold: z.number().int(),
  yellowThreshold: z.number().int(),
  randomRate: z.number(),
  watchlistWeights: z.object({ critical: z.number(), high: z.number(), medium: z.number(), low: z.number() }),
  indicators: z.array(z.object({ id: z.string(), weight: z.number().int(), params: z.record(z.string(), z.unknown()) })),
  active: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  changeReason: z.string(),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

export const WatchHit = z.object({
  entryId: z.number().int(),
  type: z.string(),
  value: z.string(),
  matched: z.string(),
  strength: z.number(),
  how: z.string(),
  weight: z.number().int(),
  severity: z.string(),
  reason: z.string(),
  source: z.string(),
});

export const DecisionRecord = z.object({
  id: z.number().int(),
  consignmentId: z.number().int(),
  decision: Decision,
  reason: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  score: z.number().int().nullable(),
  lane: z.string().nullable(),
});

const Party = z.object({ name: z.string(), address: z.string(), country: z.string().nullable() }).nullable();

export const TargetDetail = z.object({
  line: z.object({
    id: z.number().int(),
    manifestId: z.number().int(),
    lineNo: z.number().int(),
    sourceRef: z.string(),
    vessel: z.string().nullable(),
    imo: z.string().nullable(),
    voyage: z.string().nullable(),
    receivedAt: z.string(),
    bl: z.string().nullable(),
    masterBl: z.string().nullable(),
    container: z.string().nullable(),
    containerType: z.string().nullable(),
    seals: z.array(z.string()),
    shipper: Party,
    consignee: Party,
    notify: Party,
    goods: z.string(),
    hsCode: z.string().nullable(),
    packages: z.number().nullable(),
    packageType: z.string().nullable(),
    grossWeightKg: z.string().nullable(),
    route: z.array(z.object({ role: z.enum(['receipt', 'loading', 'transshipment', 'discharge', 'delivery']), locode: z.string(), name: z.string().nullable() })),
    originCountry: z.string().nullable(),
    reefer: z.boolean().nullable(),
  }),
  score: z.object({ id: z.number().int(), total: z.number().int(), lane: Lane, randomPick: z.boolean(), profile: z.string(), version: z.number().int() }).nullable(),
  fired: z.array(z.object({ id: z.string(), weight: z.number().int(), evidence: Evidence, reason: z.string(), name: z.string() })),
  watchHits: z.array(WatchHit),
  history: z.object({
    total: z.number().int(),
    lines: z.array(
      z.object({
        consignmentId: z.number().int(),
        manifestId: z.number().int(),
        receivedAt: z.string(),
        container: z.string().nullable(),
        goods: z.string(),
        hsCode: z.string().nullable(),
        decision: Decision.nullable(),
        result: z.string().nullable(),
      }),
    ),
  }),
  amendments: z.array(z.object({ field: z.string(), before: z.string(), after: z.string(), receivedAt: z.string() })),
  decisions: z.array(DecisionRecord),
});
export type TargetDetail = z.infer<typeof TargetDetail>;

export const RescoreSummary = z.object({
  profileVersionId: z.number().int(),
  manifests: z.number().int(),
  lines: z.number().int(),
  red: z.number().int(),
  yellow: z.number().int(),
  green: z.number().int(),
  randomPicks: z.number().int(),
  watchlistHits: z.number().int(),
});

export const WatchEntryInput = z.object({
  kind: WatchKind,
  value: z.string().trim().min(1).max(300),
  severity: WatchSeverity,
  reason: z.string().trim().min(1).max(2000),
  expiresAt: IsoDate.nullable().optional(),
});

export const WatchEntry = z.object({
  id: z.number().int(),
  kind: WatchKind,
  value: z.string(),
  valueNormalised: z.string(),
  severity: WatchSeverity,
  reason: z.string(),
  source: z.string(),
  expiresAt: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

const Funnel = z.object({ scored: z.number().int(), red: z.number().int(), selected: z.number().int(), examined: z.number().int(), seizures: z.number().int() });

export const ProfileDraftInput = z.object({
  redThreshold: z.number().int().min(1).max(1000),
  yellowThreshold: z.number().int().min(1).max(1000),
  randomRate: z.number().min(0).max(0.2),
  watchlistWeights: z.object({
    critical: z.number().int().min(0).max(1000),
    high: z.number().int().min(0).max(1000),
    medium: z.number().int().min(0).max(1000),
    low: z.number().int().min(0).max(1000),
  }),
  indicators: z.array(z.object({ id: z.string().min(1).max(100), weight: z.number().int().min(0).max(100), params: z.record(z.string(), z.unknown()).optional() })).max(500),
  changeReason: z.string().trim().min(1).max(2000),
}).refine((draft) => draft.yellowThreshold < draft.redThreshold, { message: 'the yellow threshold must be below the red one', path: ['yellowThreshold'] });

export const riskChannels = {
  'targets.list': channel({
    input: z.object({
      filter: TargetFilter.default({}),
      sort: z.enum(['score', 'container', 'consignee', 'weight', 'line']).default('score'),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({
      profile: z.object({ id: z.number().int(), name: z.string(), version: z.number().int(), redThreshold: z.number().int(), yellowThreshold: z.number().int() }).nullable(),
      /** How many lines match; counted for the first page only (later pages: null), as counting a million lines takes a while. */
      total: z.number().int().nullable(),
      rows: z.array(TargetRow),
    }),
    access: 'officer',
    summary: 'One page of scored lines under the active profile, highest risk first, filtered; the first page also counts all matching lines.',
  }),
  'targets.detail': channel({
    input: z.object({ consignmentId: z.number().int().positive() }),
    output: TargetDetail,
    access: 'officer',
    summary: 'One line with its parties, route, goods, every fired indicator with its evidence, watch-list hits, the consignee\'s history, amendments and decisions.',
  }),
  'targets.decide': channel({
    input: z.object({ consignmentId: z.number().int().positive(), choice: z.enum(['select', 'waive']), reason: z.string().trim().min(1).max(2000) }),
    output: DecisionRecord,
    access: 'officer',
    summary: 'Select a line for examination or waive it, with a mandatory reason; audited.',
  }),
  'targets.rescore': channel({
    input: z.object({ manifestId: z.number().int().positive().optional(), from: IsoDate.optional(), to: IsoDate.optional() }).strict(),
    output: RescoreSummary,
    access: 'officer',
    summary: 'Score stored lines again under the active profile and the current watch lists (one manifest, a date range, or all).',
  }),
  'watchlist.list': channel({
    input: z.object({ includeRemoved: z.boolean().default(false) }).default({ includeRemoved: false }),
    output: z.array(WatchEntry),
    access: 'officer',
    summary: 'Watch-list entries, newest first.',
  }),
  'watchlist.add': channel({
    input: z.object({ entries: z.array(WatchEntryInput).min(1).max(10000) }),
    output: z.array(WatchEntry),
    access: 'officer',
    summary: 'Add watch-list entries (all or none); audited. Re-score to apply them to lines already loaded.',
  }),
  'watchlist.importCsv': channel({
    input: z.object({ name: z.string().min(1).max(255), dataBase64: z.string().max(14_000_000), dryRun: z.boolean().default(false) }),
    output: z.object({
      added: z.array(WatchEntry),
      entries: z.number().int(),
      problems: z.array(z.object({ row: z.number().int(), field: z.string(), code: z.string(), message: z.string() })),
    }),
    access: 'officer',
    summary: 'Bulk add from a CSV (type, value, severity, reason, expires); nothing is added while any row has a problem.',
  }),
  'watchlist.remove': channel({
    input: z.object({ id: z.number().int().positive(), reason: z.string().trim().min(1).max(2000) }),
    output: WatchEntry,
    access: 'supervisor',
    summary: 'Stop an entry matching (it stays in the record with who removed it and why).',
  }),
  'indicators.list': channel({
    input: z.undefined(),
    output: z.array(z.object({ id: z.string(), category: z.string(), defaultWeight: z.number().int(), defaultParams: z.record(z.string(), z.unknown()) })),
    access: 'officer',
    summary: 'The indicators this version ships, with default weights and parameters.',
  }),
  'profiles.list': channel({
    input: z.undefined(),
    output: z.array(ProfileSummary),
    access: 'officer',
    summary: 'Every version of every profile, newest first; exactly one is active.',
  }),
  'profiles.save': channel({
    input: z.object({ profileName: z.string().trim().min(1).max(100), draft: ProfileDraftInput, activate: z.boolean().default(false) }),
    output: ProfileSummary,
    access: 'supervisor',
    summary: 'Save a new version of a profile (versions are never edited); audited with the reason.',
  }),
  'profiles.activate': channel({
    input: z.object({ versionId: z.number().int().positive() }),
    output: ProfileSummary,
    access: 'supervisor',
    summary: 'Make a profile version the one new lines are scored with; audited.',
  }),
  'profiles.backtest': channel({
    input: z.object({ versionId: z.number().int().positive(), from: IsoDate.optional(), to: IsoDate.optional() }),
    output: z.object({
      profileVersionId: z.number().int(),
      manifests: z.number().int(),
      lines: z.number().int(),
      red: z.number().int(),
      yellow: z.number().int(),
      green: z.number().int(),
      wouldSelect: z.number().int(),
      seizuresInPeriod: z.number().int(),
      seizuresCaught: z.number().int(),
      indicators: z.array(z.object({ indicatorId: z.string(), fired: z.number().int(), firedOnSeizures: z.number().int() })),
    }),
    access: 'supervisor',
    summary: 'Run a profile version over stored history without storing: lines it would select and seizures it would have caught.',
  }),
  'profiles.hitRates': channel({
    input: z.object({ versionId: z.number().int().positive() }),
    output: z.object({ profile: Funnel, indicators: z.array(Funnel.extend({ indicatorId: z.string() })) }),
    access: 'officer',
    summary: 'Measured selection → examination → seizure counts for a profile version and each of its indicators.',
  }),
  'reference.list': channel({
    input: z.undefined(),
    output: z.array(z.object({ name: z.string(), table: z.unknown(), updatedAt: z.string().nullable(), updatedBy: z.string().nullable() })),
    access: 'officer',
    summary: 'The risk reference tables in use (shipped, or as the unit edited them).',
  }),
  'reference.save': channel({
    input: z.object({ name: z.string().min(1).max(100), table: z.unknown() }),
    output: z.object({ name: z.string(), table: z.unknown(), updatedAt: z.string().nullable(), updatedBy: z.string().nullable() }),
    access: 'supervisor',
    summary: 'Replace one reference table with an edited one (checked first; null restores the shipped table); audited.',
  }),
} as const;

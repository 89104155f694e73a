import { z } from 'zod';
import addressPatternsTable from '../../../resources/risk/address-patterns.json';
import cigaretteCoverLoadsTable from '../../../resources/risk/cigarette-cover-loads.json';
import cocaineCoverLoadsTable from '../../../resources/risk/cocaine-cover-loads.json';
import commodityProducersTable from '../../../resources/risk/commodity-producers.json';
import consigneePlaceholdersTable from '../../../resources/risk/consignee-placeholders.json';
import containerPayloadsTable from '../../../resources/risk/container-payloads.json';
import descriptionChaptersTable from '../../../resources/risk/description-chapters.json';
import dualUseGoodsTable from '../../../resources/risk/dual-use-goods.json';
import emptyContainerWordsTable from '../../../resources/risk/empty-container-words.json';
import highRiskCountriesTable from '../../../resources/risk/high-risk-countries.json';
import highRiskPortsTable from '../../../resources/risk/high-risk-ports.json';
import reeferGoodsTable from '../../../resources/risk/reefer-goods.json';
import sensitiveDestinationsTable from '../../../resources/risk/sensitive-destinations.json';
import transshipmentHubsTable from '../../../resources/risk/transshipment-hubs.json';
import vagueDescriptionsTable from '../../../resources/risk/vague-descriptions.json';
import weightRangesTable from '../../../resources/risk/weight-ranges.json';
import wildlifeGoodsTable from '../../../resources/risk/wildlife-goods.json';
import wildlifeSourcesTable from '../../../resources/risk/wildlife-sources.json';
import { PrefixIndex } from './indicators/prefix-index';
import { compilePhrases, phraseWords, type PhraseMatcher } from './indicators/text-match';

/**
 * The risk engine's reference tables: which countries, ports, goods, words
 * and weights the indicators treat as risky. They ship as data under
 * resources/risk/ with their sources, and supervisors edit them in the app,
 * so every table has the one shape a generic grid can edit:
 * `{ source, notes?, entries: [flat objects of strings and numbers] }`.
 * Each table's schema checks its rows, and a refusal names table, row and field.
 */

// ---------------------------------------------------------------- field rules

const country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 country code (2 capital letters)');
const locode = z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/, 'a UN/LOCODE (5 characters, the first two the country)');
/** Country or port: wildlife sources are sometimes a whole country, sometimes one port of it. */
const place = z.string().regex(/^[A-Z]{2}(?:[A-Z2-9]{3})?$/, 'a country code (2 letters) or a UN/LOCODE (5 characters)');
const hsChapterText = z
  .string()
  .regex(/^\d{2}$/, 'an HS chapter (2 digits)')
  .refine((text) => isHsChapter(text), 'an HS chapter from 01 to 97');
/** Chapter, heading or subheading: the tables name goods as precisely as their source does. */
const hsCodeText = z
  .string()
  .regex(/^\d{2}(?:\d{2}){0,2}$/, 'an HS code of 2, 4 or 6 digits')
  .refine((text) => isHsChapter(text.slice(0, 2)), 'an HS code whose chapter is 01 to 97');
const chapterList = z
  .string()
  .regex(/^\d{2}(?: \d{2})*$/, 'HS chapters (2 digits each) separated by single spaces')
  .refine((text) => text.split(' ').every(isHsChapter), 'HS chapters from 01 to 97');
const countryList = z.string().regex(/^[A-Z]{2}(?: [A-Z]{2})*$/, 'country codes (2 capital letters each) separated by single spaces');
const language = z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 language code such as en or ru');
/** A table phrase: words, `*` only at the end of a word, and something left after folding. */
const phrase = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((text) => !/\*(?=[^\s])/.test(text), '`*` only at the end of a word')
  .refine((text) => phraseWords(text) !== null, 'a phrase with at least one letter or digit');
const text = z.string().trim().min(1).max(500);
const kilograms = z.number().finite().min(0).max(100_000);

function isHsChapter(chapter: string): boolean {
  const number = Number(chapter);
  return /^\d{2}$/.test(chapter) && number >= 1 && number <= 97 && number !== 77;
}

/** Smuggling the unit's lists speak of; a country can be listed for several. */
export const riskCategories = ['cocaine', 'heroin', 'synthetic-drugs', 'precursors', 'cannabis', 'tobacco', 'wildlife', 'weapons'] as const;
export type RiskCategory = (typeof riskCategories)[number];
const riskCategory = z.enum(riskCategories);

// ---------------------------------------------------------------- table shape

/** Rows whose key field repeats are refused: an edited grid must not hold two answers for one code. */
function uniqueBy<K extends string>(key: K) {
  return (entries: readonly Record<K, unknown>[], context: z.RefinementCtx) => {
    const seen = new Set<unknown>();
    entries.forEach((entry, index) => {
      const value = entry[key];
      if (seen.has(value)) context.addIssue({ code: 'custom', message: `duplicate ${key} ${String(value)}`, path: [index, key] });
      seen.add(value);
    });
  };
}

function table<E extends z.ZodType<Record<string, string | number>>>(entry: E, unique?: (entries: z.infer<E>[], context: z.RefinementCtx) => void) {
  const entries = unique ? z.array(entry).superRefine(unique) : z.array(entry);
  return z.strictObject({
    /** Where the data comes from: URL or publication, with its date. */
    source: z.string().trim().min(1).max(2000),
    notes: z.string().max(4000).optional(),
    entries,
  });
}

function withRange<T extends z.ZodObject>(shape: T, low: string, high: string) {
  return shape.superRefine((row, context) => {
    const values = row as Record<string, unknown>;
    if (typeof values[low] === 'number' && typeof values[high] === 'number' && values[low] > values[high]) {
      context.addIssue({ code: 'custom', message: `${low} must not exceed ${high}`, path: [low] });
    }
  });
}

const HighRiskCountry = z.strictObject({ code: country, category: riskCategory, reason: text });
const HighRiskPort = z.strictObject({ locode, category: riskCategory, reason: text });
const TransshipmentHub = z.strictObject({ locode, reason: text });
const VagueDescription = z.strictObject({
  phrase,
  language,
  /** vague: says nothing precise about the goods; filler: packaging, quantities and connecting words, ignored. */
  kind: z.enum(['vague', 'filler']),
});
const EmptyContainerWord = z.strictObject({ phrase, language });
const DescriptionChapters = z.strictObject({ keyword: phrase, language, hsChapters: chapterList });
const CoverLoad = z.strictObject({ keyword: phrase, language, hsCode: hsCodeText });
const DualUseGoods = z.strictObject({ hsCode: hsCodeText, goods: text, basis: text });
const SensitiveDestination = z.strictObject({ code: country, reason: text });
const WildlifeGoods = z.strictObject({ hsCode: hsCodeText, goods: text, basis: text });
const WildlifeSource = z.strictObject({ place, reason: text });
const CommodityProducers = z.strictObject({ hsCode: hsCodeText, commodity: text, producers: countryList });
const WeightRange = withRange(
  withRange(
    z.strictObject({
      hsChapter: hsChapterText,
      goods: text,
      minKgPerPackage: kilograms,
      maxKgPerPackage: kilograms,
      minKgPerContainer: kilograms,
      maxKgPerContainer: kilograms,
    }),
    'minKgPerPackage',
    'maxKgPerPackage',
  ),
  'minKgPerContainer',
  'maxKgPerContainer',
);
const ContainerPayload = z.strictObject({
  /** ISO 6346 size-type code ("45R1") or a prefix of one ("4": any 40-foot unit); legacy codes such as 40HC too. */
  sizeType: z.string().regex(/^[0-9A-Z]{1,4}$/, 'an ISO 6346 size-type code or its prefix (1 to 4 capitals or digits)'),
  description: text,
  tareKg: kilograms,
  maxPayloadKg: kilograms.min(1),
});
const ReeferGoods = z.strictObject({
  hsCode: hsCodeText,
  goods: text,
  /** required: perishable, travels refrigerated; unneeded: never needs it; either: overrides a broader entry. */
  reefer: z.enum(['required', 'unneeded', 'either']),
});
const AddressPattern = z.strictObject({ phrase, language, kind: z.enum(['po-box', 'residential']) });
const ConsigneePlaceholder = z.strictObject({
  phrase,
  language,
  /** whole: the name is only this ("UNKNOWN"); start: the name begins with it ("TO THE ORDER OF …"). */
  match: z.enum(['whole', 'start']),
});

export type HighRiskCountry = z.infer<typeof HighRiskCountry>;
export type HighRiskPort = z.infer<typeof HighRiskPort>;
export type TransshipmentHub = z.infer<typeof TransshipmentHub>;
export type VagueDescription = z.infer<typeof VagueDescription>;
export type EmptyContainerWord = z.infer<typeof EmptyContainerWord>;
export type DescriptionChapters = z.infer<typeof DescriptionChapters>;
export type CoverLoad = z.infer<typeof CoverLoad>;
export type DualUseGoods = z.infer<typeof DualUseGoods>;
export type SensitiveDestination = z.infer<typeof SensitiveDestination>;
export type WildlifeGoods = z.infer<typeof WildlifeGoods>;
export type WildlifeSource = z.infer<typeof WildlifeSource>;
export type CommodityProducers = z.infer<typeof CommodityProducers>;
export type WeightRange = z.infer<typeof WeightRange>;
export type ContainerPayload = z.infer<typeof ContainerPayload>;
export type ReeferGoods = z.infer<typeof ReeferGoods>;
export type AddressPattern = z.infer<typeof AddressPattern>;
export type ConsigneePlaceholder = z.infer<typeof ConsigneePlaceholder>;

/** Every table by name (the name is also its file, kebab-cased, under resources/risk/). */
export const referenceTableSchemas = {
  highRiskCountries: table(HighRiskCountry),
  highRiskPorts: table(HighRiskPort, uniqueBy('locode')),
  transshipmentHubs: table(TransshipmentHub, uniqueBy('locode')),
  vagueDescriptions: table(VagueDescription, uniqueBy('phrase')),
  emptyContainerWords: table(EmptyContainerWord, uniqueBy('phrase')),
  descriptionChapters: table(DescriptionChapters, uniqueBy('keyword')),
  cocaineCoverLoads: table(CoverLoad),
  cigaretteCoverLoads: table(CoverLoad),
  dualUseGoods: table(DualUseGoods, uniqueBy('hsCode')),
  sensitiveDestinations: table(SensitiveDestination, uniqueBy('code')),
  wildlifeGoods: table(WildlifeGoods, uniqueBy('hsCode')),
  wildlifeSources: table(WildlifeSource, uniqueBy('place')),
  commodityProducers: table(CommodityProducers, uniqueBy('hsCode')),
  weightRanges: table(WeightRange, uniqueBy('hsChapter')),
  containerPayloads: table(ContainerPayload, uniqueBy('sizeType')),
  reeferGoods: table(ReeferGoods, uniqueBy('hsCode')),
  addressPatterns: table(AddressPattern, uniqueBy('phrase')),
  consigneePlaceholders: table(ConsigneePlaceholder, uniqueBy('phrase')),
} as const;

export type ReferenceTableName = keyof typeof referenceTableSchemas;
export const referenceTableNames = Object.keys(referenceTableSchemas) as readonly ReferenceTableName[];

export const ReferenceTables = z.strictObject(referenceTableSchemas);
export type ReferenceTables = z.infer<typeof ReferenceTables>;

// ---------------------------------------------------------------- lookups

export interface CoverLoadLookup {
  /** Keywords in the goods description. */
  readonly keywords: PhraseMatcher<CoverLoad>;
  /** The same goods by HS code, for lines whose description is vague but whose code is not. */
  readonly hsCodes: PrefixIndex<CoverLoad>;
}

/**
 * The tables prepared for scoring: Sets, Maps, prefix indexes and compiled
 * phrase expressions, built once per reference so that scoring 100,000 lines
 * never rebuilds a regular expression.
 */
export interface RiskLookups {
  /** Country code → its listings (one per smuggling category). */
  readonly highRiskCountries: ReadonlyMap<string, readonly HighRiskCountry[]>;
  readonly highRiskPorts: ReadonlyMap<string, HighRiskPort>;
  readonly transshipmentHubs: ReadonlyMap<string, TransshipmentHub>;
  readonly vagueWords: PhraseMatcher<VagueDescription>;
  /** Vague and filler phrases together, to strip from a description and see whether anything precise is left. */
  readonly descriptionNoise: PhraseMatcher<VagueDescription>;
  readonly emptyContainerWords: PhraseMatcher<EmptyContainerWord>;
  /** Keyword → the HS chapters goods so described may be classified in. */
  readonly descriptionChapters: PhraseMatcher<{ readonly entry: DescriptionChapters; readonly chapters: ReadonlySet<string> }>;
  readonly cocaineCoverLoads: CoverLoadLookup;
  readonly cigaretteCoverLoads: CoverLoadLookup;
  readonly dualUseGoods: PrefixIndex<DualUseGoods>;
  readonly sensitiveDestinations: ReadonlyMap<string, SensitiveDestination>;
  readonly wildlifeGoods: PrefixIndex<WildlifeGoods>;
  /** Country code or UN/LOCODE → listing. */
  readonly wildlifeSources: ReadonlyMap<string, WildlifeSource>;
  readonly commodityProducers: PrefixIndex<{ readonly entry: CommodityProducers; readonly producers: ReadonlySet<string> }>;
  /** HS chapter → plausible weights. */
  readonly weightRanges: ReadonlyMap<string, WeightRange>;
  readonly containerPayloads: PrefixIndex<ContainerPayload>;
  readonly reeferGoods: PrefixIndex<ReeferGoods>;
  readonly poBoxAddresses: PhraseMatcher<AddressPattern>;
  readonly residentialAddresses: PhraseMatcher<AddressPattern>;
  readonly consigneePlaceholders: PhraseMatcher<ConsigneePlaceholder>;
}

export interface RiskReference {
  /** The tables as stored (and as a supervisor edits them). */
  readonly tables: ReferenceTables;
  readonly lookups: RiskLookups;
}

function groupBy<T>(entries: readonly T[], key: (entry: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const entry of entries) {
    const list = map.get(key(entry)) ?? [];
    list.push(entry);
    map.set(key(entry), list);
  }
  return map;
}

function coverLoads(entries: readonly CoverLoad[]): CoverLoadLookup {
  return {
    keywords: compilePhrases(entries.map((entry) => ({ phrase: entry.keyword, value: entry }))),
    hsCodes: new PrefixIndex(entries.map((entry) => [entry.hsCode, entry] as const)),
  };
}

function buildLookups(tables: ReferenceTables): RiskLookups {
  const vague = tables.vagueDescriptions.entries;
  const addresses = tables.addressPatterns.entries;
  return {
    highRiskCountries: groupBy(tables.highRiskCountries.entries, (entry) => entry.code),
    highRiskPorts: new Map(tables.highRiskPorts.entries.map((entry) => [entry.locode, entry])),
    transshipmentHubs: new Map(tables.transshipmentHubs.entries.map((entry) => [entry.locode, entry])),
    vagueWords: compilePhrases(vague.filter((entry) => entry.kind === 'vague').map((entry) => ({ phrase: entry.phrase, value: entry }))),
    descriptionNoise: compilePhrases(vague.map((entry) => ({ phrase: entry.phrase, value: entry }))),
    emptyContainerWords: compilePhrases(tables.emptyContainerWords.entries.map((entry) => ({ phrase: entry.phrase, value: entry }))),
    descriptionChapters: compilePhrases(
      tables.descriptionChapters.entries.map((entry) => ({ phrase: entry.keyword, value: { entry, chapters: new Set(entry.hsChapters.split(' ')) } })),
    ),
    cocaineCoverLoads: coverLoads(tables.cocaineCoverLoads.entries),
    cigaretteCoverLoads: coverLoads(tables.cigaretteCoverLoads.entries),
    dualUseGoods: new PrefixIndex(tables.dualUseGoods.entries.map((entry) => [entry.hsCode, entry] as const)),
    sensitiveDestinations: new Map(tables.sensitiveDestinations.entries.map((entry) => [entry.code, entry])),
    wildlifeGoods: new PrefixIndex(tables.wildlifeGoods.entries.map((entry) => [entry.hsCode, entry] as const)),
    wildlifeSources: new Map(tables.wildlifeSources.entries.map((entry) => [entry.place, entry])),
    commodityProducers: new PrefixIndex(
      tables.commodityProducers.entries.map((entry) => [entry.hsCode, { entry, producers: new Set(entry.producers.split(' ')) }] as const),
    ),
    weightRanges: new Map(tables.weightRanges.entries.map((entry) => [entry.hsChapter, entry])),
    containerPayloads: new PrefixIndex(tables.containerPayloads.entries.map((entry) => [entry.sizeType, entry] as const)),
    reeferGoods: new PrefixIndex(tables.reeferGoods.entries.map((entry) => [entry.hsCode, entry] as const)),
    poBoxAddresses: compilePhrases(addresses.filter((entry) => entry.kind === 'po-box').map((entry) => ({ phrase: entry.phrase, value: entry }))),
    residentialAddresses: compilePhrases(addresses.filter((entry) => entry.kind === 'residential').map((entry) => ({ phrase: entry.phrase, value: entry }))),
    consigneePlaceholders: compilePhrases(
      tables.consigneePlaceholders.entries.map((entry) => ({ phrase: entry.phrase, anchor: entry.match, value: entry })),
    ),
  };
}

/**
 * Validates a full set of tables (as shipped, or as a supervisor saved them)
 * and prepares the lookups. Throws a ZodError whose issue paths name the
 * table, the row and the field: ["highRiskPorts", "entries", 3, "locode"].
 */
export function parseReference(tables: Record<string, unknown>): RiskReference {
  const parsed = ReferenceTables.parse(tables);
  return { tables: parsed, lookups: buildLookups(parsed) };
}

/** The shipped tables by name, unparsed: what parseReference reads and what a "reset to shipped" offers. */
export function shippedReferenceTables(): Record<ReferenceTableName, unknown> {
  return {
    highRiskCountries: highRiskCountriesTable,
    highRiskPorts: highRiskPortsTable,
    transshipmentHubs: transshipmentHubsTable,
    vagueDescriptions: vagueDescriptionsTable,
    emptyContainerWords: emptyContainerWordsTable,
    descriptionChapters: descriptionChaptersTable,
    cocaineCoverLoads: cocaineCoverLoadsTable,
    cigaretteCoverLoads: cigaretteCoverLoadsTable,
    dualUseGoods: dualUseGoodsTable,
    sensitiveDestinations: sensitiveDestinationsTable,
    wildlifeGoods: wildlifeGoodsTable,
    wildlifeSources: wildlifeSourcesTable,
    commodityProducers: commodityProducersTable,
    weightRanges: weightRangesTable,
    containerPayloads: containerPayloadsTable,
    reeferGoods: reeferGoodsTable,
    addressPatterns: addressPatternsTable,
    consigneePlaceholders: consigneePlaceholdersTable,
  };
}

let shipped: RiskReference | null = null;

/** The tables shipped under resources/risk/, bundled into the build; parsed once, on first use. */
export function defaultReference(): RiskReference {
  shipped ??= parseReference(shippedReferenceTables());
  return shipped;
}

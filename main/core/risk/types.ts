import type { z } from 'zod';
import type { RiskReference } from './reference';

/**
 * What the risk engine knows about one manifest line when it scores it. Built
 * from the stored consignment and its manifest (never from the raw file), so
 * scoring at import and re-scoring months later see the same facts.
 */
export interface RiskParty {
  /** As the manifest wrote it: shown to the officer and quoted in evidence. */
  readonly name: string;
  /** Matching key from shared/domain/party-name (legal forms dropped, case and quotes folded). */
  readonly key: string;
  readonly address: string;
  /** ISO 3166 alpha-2 when known. */
  readonly country: string | null;
}

/** A change of this line after the vessel call was first received (from the import's amendment record). */
export interface LineAmendment {
  /** consignee | goodsDescription | grossWeightKg | seals | portOfLoading | portOfDischarge | placeOfDelivery */
  readonly field: string;
  readonly before: string;
  readonly after: string;
  /** When the amending file was received (ISO 8601). */
  readonly receivedAt: string;
  /** When the vessel call was first received (ISO 8601). */
  readonly firstReceivedAt: string;
}

export interface RiskLine {
  readonly consignmentId: number;
  readonly manifestId: number;
  /** When the manifest was received (ISO 8601): "first-time" and history mean before this. */
  readonly receivedAt: string;
  readonly mode: 'sea' | 'air' | 'rail' | 'road';
  readonly blNumber: string | null;
  readonly masterBl: string | null;
  readonly containerNumber: string | null;
  /** null when there is no container number to check. */
  readonly containerCheckDigitOk: boolean | null;
  /** ISO 6346 size-type code such as 22G1, 45R1, when stated. */
  readonly containerType: string | null;
  readonly seals: readonly string[];
  readonly shipper: RiskParty | null;
  readonly consignee: RiskParty | null;
  readonly notify: RiskParty | null;
  readonly goodsDescription: string;
  /** Digits only (4 to 10), or null. */
  readonly hsCode: string | null;
  readonly packages: number | null;
  readonly packageType: string | null;
  /** Kilograms; a float is precise enough for scoring (the exact text stays in the database). */
  readonly grossWeightKg: number | null;
  /** UN/LOCODEs (5 characters; the first two are the ISO country) or null. */
  readonly placeOfReceipt: string | null;
  readonly portOfLoading: string | null;
  readonly transshipmentPorts: readonly string[];
  readonly portOfDischarge: string | null;
  readonly placeOfDelivery: string | null;
  /** ISO 3166 alpha-2 country of origin of the goods, when stated. */
  readonly originCountry: string | null;
  /** Declared reefer (temperature controlled); null when the file does not say. */
  readonly reefer: boolean | null;
  readonly vessel: {
    readonly name: string | null;
    readonly imo: string | null;
    /** null when there is no IMO number. */
    readonly imoCheckDigitOk: boolean | null;
    readonly voyage: string | null;
  };
  readonly amendments: readonly LineAmendment[];
}

/** Earlier business of the unit, as of the line's receipt (lines of the same manifest do not count). */
export interface RiskHistory {
  /** Number of earlier lines naming this consignee key. */
  consigneeShipments(consigneeKey: string): number;
  /** Number of earlier lines from this shipper key to this consignee key. */
  pairShipments(shipperKey: string, consigneeKey: string): number;
  /** HS chapter (2 digits) → number of earlier lines of this consignee with that chapter. */
  consigneeChapters(consigneeKey: string): ReadonlyMap<string, number>;
  /** Earlier seizures and alerts involving this container number. */
  containerFlags(containerNumber: string): readonly ContainerFlag[];
  /** The usual number of transshipments on this lane (port of loading → port of discharge), or null when the unit has too little history. */
  laneTransshipments(portOfLoading: string, portOfDischarge: string): number | null;
}

export interface ContainerFlag {
  readonly kind: 'seizure' | 'alert';
  /** Case reference, alert id or watch-list entry the flag comes from. */
  readonly reference: string;
  readonly at: string;
}

/** Facts about the whole vessel call the line arrived in. */
export interface CallFacts {
  /** Seal number → how many different containers of the call declare it (a groupage container's B/Ls share one seal). */
  readonly sealCounts: ReadonlyMap<string, number>;
  /**
   * Container number → summed gross weight (kg) of all the call's lines in that
   * container. Optional: without it, weight indicators fall back to the line's
   * own weight, which for a groupage container is only part of the load (so
   * "too light" checks skip house B/Ls and "too heavy" checks stay sound).
   */
  readonly containerGrossKg?: ReadonlyMap<string, number>;
}

export interface RiskContext {
  readonly reference: RiskReference;
  readonly history: RiskHistory;
  readonly call: CallFacts;
}

export type EvidenceValue = string | number | boolean | readonly string[];
/**
 * What an indicator saw, by name. The reason text `indicator.<id>.reason`
 * interpolates these names ({port}, {country}…; arrays are joined with ", "),
 * so evidence keys and catalogue placeholders must agree.
 */
export type Evidence = Readonly<Record<string, EvidenceValue>>;

export const indicatorCategories = ['routing', 'goods', 'weight', 'parties', 'equipment', 'amendments'] as const;
export type IndicatorCategory = (typeof indicatorCategories)[number];

export type IndicatorParams = Readonly<Record<string, unknown>>;

/**
 * One risk indicator: a small pure function. It fires with the evidence it
 * saw, or stays silent (null). Weights are not the indicator's business: the
 * profile decides them; defaultWeight is only the starting point.
 */
export interface Indicator<P extends IndicatorParams = IndicatorParams> {
  /** Stable id, e.g. "routing.high-risk-loading-country"; also the catalogue key stem. */
  readonly id: string;
  readonly category: IndicatorCategory;
  /** 1..100; a single indicator should rarely reach the red threshold on its own. */
  readonly defaultWeight: number;
  /** Validates a profile's parameters for this indicator (zod, every boundary). */
  readonly params: z.ZodType<P>;
  readonly defaultParams: P;
  evaluate(line: RiskLine, context: RiskContext, params: P): Evidence | null;
}

import { type Problem } from '../../../../../shared/domain/manifest';

/**
 * Which qualifier carries which value, as the UN/EDIFACT code lists define
 * them for CUSCAR D.95B-D.01B, and which near-miss qualifiers real senders use
 * instead. A value under an `expected` qualifier is taken silently; one found
 * only under a `tolerated` qualifier is taken and reported as
 * QUALIFIER_UNEXPECTED, so the officer knows the reading involved a guess.
 * Earlier qualifiers in a list win over later ones.
 */
export interface QualifierRule {
  readonly expected: readonly string[];
  readonly tolerated: readonly string[];
}

/** A value found under a qualifier, with the segment that said it. */
export interface Candidate<T> {
  readonly qualifier: string;
  readonly value: T;
  readonly segment: number;
}

export interface Choice<T> {
  /** Every value under the winning qualifier, in file order. */
  readonly values: readonly T[];
  /** Set when the winning qualifier was only tolerated. */
  readonly unexpected?: Candidate<T>;
}

export function chooseAll<T>(candidates: readonly Candidate<T>[], rule: QualifierRule): Choice<T> | undefined {
  for (const qualifier of rule.expected) {
    const found = candidates.filter((candidate) => candidate.qualifier === qualifier);
    if (found.length > 0) return { values: found.map((candidate) => candidate.value) };
  }
  for (const qualifier of rule.tolerated) {
    const found = candidates.filter((candidate) => candidate.qualifier === qualifier);
    if (found[0]) return { values: found.map((candidate) => candidate.value), unexpected: found[0] };
  }
  return undefined;
}

const rule = (expected: readonly string[], tolerated: readonly string[] = []): QualifierRule => ({ expected, tolerated });

/**
 * LOC 3227 in the vessel-call group (TDT+20 and its LOC/DTM, message level).
 * 5 "Place of departure" is where the conveyance left for this call; 60 "Place
 * of arrival" and 11 "Place/port of discharge" where it reports. Senders often
 * write the cargo qualifiers instead: 9 "Place/port of loading" or 125 "Last
 * place/port of call of conveyance" for the departure, 12 "Port of discharge",
 * 8 "Place of destination", 24 "Port of entry" or 153 "Port of call" for the
 * arrival. 61 "Next port of call" has no field in the header and is not read.
 */
export const vesselCallLocations = {
  portOfLoading: rule(['5'], ['9', '125']),
  portOfDischarge: rule(['60', '11'], ['12', '8', '24', '153']),
} as const;

/**
 * DTM 2005 in the vessel-call group. An actual date (178 arrival, 186
 * departure) wins over an estimated one (132, 133): CUSCAR is usually sent
 * before arrival, but an amended report carries the actual. 232 "Arrival
 * date/time, scheduled" and 189 "Departure date/time, scheduled" are timetable
 * dates some senders use instead.
 */
export const vesselCallDates = {
  arrival: rule(['178', '132'], ['232']),
  departure: rule(['186', '133'], ['189']),
} as const;

/**
 * TDT 8051 transport stage: 20 "Main-carriage transport" is the vessel call.
 * A message-level TDT with another or no stage is read as the vessel when no
 * TDT+20 exists (some senders write 1 or leave it empty).
 */
export const mainCarriageStage = '20';

/** RFF 1153 at message level: VON "Voyage number" backs up TDT 8028. */
export const voyageReference = rule(['VON']);

/**
 * Consignment-level LOC 3227 (in the CNI group, or under its GID).
 * - 88 "Place of receipt"; 10 "Place of acceptance" means the same to a carrier.
 * - 76 "Original port of loading" and 9 "Place/port of loading" are resolved
 *   together (see bills.ts); 5 "Place of departure" is the vessel's word for it.
 * - 13 "Place of transhipment", every occurrence, in file order.
 * - 11 "Place/port of discharge" and 12 "Port of discharge".
 * - 7 "Place of delivery"; 8 "Place of destination" and 20 "Place of ultimate
 *   destination of goods" are what senders use when they mean it.
 * - 27 "Country of origin" (3225 then holds an ISO 3166 code).
 */
export const consignmentLocations = {
  placeOfReceipt: rule(['88'], ['10']),
  portOfLoading: rule(['76', '9'], ['5']),
  loadedHere: '9',
  originalLoading: '76',
  transshipment: '13',
  portOfDischarge: rule(['11', '12']),
  placeOfDelivery: rule(['7'], ['8', '20']),
  originCountry: rule(['27']),
} as const;

/**
 * NAD 3035 in the consignment. CZ "Consignor" is the CUSCAR shipper; SH
 * "Shipper" is the IFTMIN word senders carry over. CN "Consignee"; UC
 * "Ultimate consignee" when no CN is given. N1 "Notify party no. 1", NI
 * "Notify party", N2 "Notify party no. 2". CA "Carrier" at message level.
 */
export const parties = {
  shipper: rule(['CZ'], ['SH']),
  consignee: rule(['CN'], ['UC']),
  notify: rule(['N1', 'NI', 'N2']),
  carrier: rule(['CA']),
} as const;

/**
 * RFF 1153 in the consignment. BM "Bill of lading number" or the CNI C503
 * document number (candidate qualifier "CNI"), or AAM "Waybill number" for a
 * sea waybill. BH "House bill of lading number" is accepted as the bill when
 * nothing else names it. MB "Master bill of lading number".
 */
export const consignmentReferences = {
  billOfLading: rule(['BM', 'CNI', 'AAM'], ['BH']),
  masterBill: rule(['MB']),
} as const;

/** FTX 4451: AAA "Goods item description"; AAI "General information" and ZZZ "Mutually defined" when no AAA. */
export const goodsDescription = rule(['AAA'], ['AAI', 'ZZZ']);

/**
 * EQD 8053: CN "Container", TE "Trailer", RR "Rail car". Senders write CON,
 * CNT or CT for a container: any other qualifier is still read as equipment,
 * and reported.
 */
export const equipmentQualifiers: readonly string[] = ['CN', 'TE', 'RR'];

/**
 * The values under the winning qualifier; reports QUALIFIER_UNEXPECTED (with
 * the segment, the qualifier found and the ones expected) when it was only
 * tolerated.
 */
export function pickAll<T>(candidates: readonly Candidate<T>[], qualifiers: QualifierRule, tag: string, problems: Problem[]): readonly T[] {
  const choice = chooseAll(candidates, qualifiers);
  if (choice?.unexpected) {
    problems.push({
      code: 'QUALIFIER_UNEXPECTED',
      segment: choice.unexpected.segment,
      params: { tag, qualifier: choice.unexpected.qualifier, expected: qualifiers.expected.join('/') },
    });
  }
  return choice?.values ?? [];
}

/** The first value under the winning qualifier (see pickAll). */
export function pick<T>(candidates: readonly Candidate<T>[], qualifiers: QualifierRule, tag: string, problems: Problem[]): T | undefined {
  return pickAll(candidates, qualifiers, tag, problems)[0];
}

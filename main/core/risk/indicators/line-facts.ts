import type { RiskCategory, RiskLookups } from '../reference';
import type { Indicator, IndicatorParams, CallFacts, RiskLine, RiskParty } from '../types';
import { foldWords, hasContent, type Words } from './text-match';

/**
 * Small readings of a RiskLine that several indicators share, so that they
 * agree on what "the route", "the destination" or "a reefer" means.
 */

/**
 * Lets TypeScript take an indicator's parameter type from its zod schema
 * (not from the default values, which would widen enums to string).
 */
export function defineIndicator<P extends IndicatorParams>(indicator: Omit<Indicator<P>, 'defaultParams'> & { readonly defaultParams: NoInfer<P> }): Indicator<P> {
  return indicator;
}

/** The ISO country of a UN/LOCODE: its first two letters. */
export function countryOf(locode: string): string {
  return locode.slice(0, 2);
}

export function hsChapterOf(line: RiskLine): string | null {
  return line.hsCode !== null && line.hsCode.length >= 2 ? line.hsCode.slice(0, 2) : null;
}

/** Where the goods entered the carrier's hands: place of receipt, then port of loading (each once). */
export function departurePorts(line: RiskLine): string[] {
  const ports: string[] = [];
  if (line.placeOfReceipt) ports.push(line.placeOfReceipt);
  if (line.portOfLoading && line.portOfLoading !== line.placeOfReceipt) ports.push(line.portOfLoading);
  return ports;
}

/** Receipt, loading and every transshipment: the places where the container could have been opened. */
export function routePorts(line: RiskLine): string[] {
  return [...departurePorts(line), ...line.transshipmentPorts];
}

/** Where the goods are going: place of delivery, else port of discharge; null when the file says neither. */
export function destinationCountry(line: RiskLine): string | null {
  const place = line.placeOfDelivery ?? line.portOfDischarge;
  return place ? countryOf(place) : null;
}

/** The first port on the route that is listed for one of the categories (by port, else by its country). */
export function riskOnRoute(
  line: RiskLine,
  lookups: RiskLookups,
  categories: readonly RiskCategory[],
): { port: string; country: string; category: RiskCategory } | null {
  for (const port of routePorts(line)) {
    const country = countryOf(port);
    const listedPort = lookups.highRiskPorts.get(port);
    if (listedPort && categories.includes(listedPort.category)) return { port, country, category: listedPort.category };
    const listedCountry = lookups.highRiskCountries.get(country)?.find((entry) => categories.includes(entry.category));
    if (listedCountry) return { port, country, category: listedCountry.category };
  }
  return null;
}

/**
 * Whether the equipment is a reefer: declared so, or its ISO 6346 type group
 * is R (45R1), or a legacy code says RF/RH/HR. A reefer declared "not
 * reefer" is still reefer equipment (a non-operating reefer), which is what
 * matters for concealment in the machinery space. null when nothing says.
 */
export function reeferEquipment(line: RiskLine): boolean | null {
  const byType = reeferByType(line.containerType);
  if (line.reefer === true || byType === true) return true;
  if (line.reefer === false || byType === false) return false;
  return null;
}

function reeferByType(type: string | null): boolean | null {
  if (!type) return null;
  const code = type.trim().toUpperCase();
  if (/^[0-9A-Z]{2}R\d$/.test(code) || /^\d{2}(RF|RH|HR|RE)$/.test(code)) return true;
  if (/^[0-9A-Z]{2}[GUPTBVS]\d$/.test(code) || /^\d{2}(GP|DV|DC|HC|HQ|OT|FR|TK)$/.test(code)) return false;
  return null;
}

/**
 * The weight in the container: all lines of the call in it when the call
 * facts say so, else this line's own weight (a groupage container holds
 * several B/Ls, so the line alone can only be a lower bound).
 */
export function containerWeightKg(line: RiskLine, call: CallFacts): number | null {
  if (line.containerNumber !== null) {
    const total = call.containerGrossKg?.get(line.containerNumber);
    if (total !== undefined) return total;
  }
  return line.grossWeightKg;
}

// Folded once per line and per party, however many indicators read them:
// folding (NFKC and a Unicode split) is the dearest step of phrase matching.
const foldedDescriptions = new WeakMap<RiskLine, Words>();
const foldedParties = new WeakMap<RiskParty, { readonly name: Words; readonly address: Words }>();
/** Per reference: whether a party has a real name (five indicators ask, per line). */
const namedParties = new WeakMap<RiskLookups, WeakMap<RiskParty, boolean>>();

export function foldedDescription(line: RiskLine): Words {
  let folded = foldedDescriptions.get(line);
  if (folded === undefined) {
    folded = foldWords(line.goodsDescription);
    foldedDescriptions.set(line, folded);
  }
  return folded;
}

export function foldedParty(party: RiskParty): { readonly name: Words; readonly address: Words } {
  let folded = foldedParties.get(party);
  if (folded === undefined) {
    folded = { name: foldWords(party.name), address: foldWords(party.address) };
    foldedParties.set(party, folded);
  }
  return folded;
}

/** A party with a real name: not absent, not blank, not "TO ORDER" or "UNKNOWN". */
export function namedParty(party: RiskParty | null, lookups: RiskLookups): RiskParty | null {
  if (party === null) return null;
  let known = namedParties.get(lookups);
  if (known === undefined) {
    known = new WeakMap();
    namedParties.set(lookups, known);
  }
  let named = known.get(party);
  if (named === undefined) {
    named = hasContent(party.name) && party.key !== '' && !lookups.consigneePlaceholders.test(foldedParty(party).name);
    known.set(party, named);
  }
  return named ? party : null;
}

/** Kilograms as evidence: whole kilograms above 10, two decimals below (a 0.25 kg parcel matters). */
export function roundKg(kg: number): number {
  return kg >= 10 ? Math.round(kg) : Math.round(kg * 100) / 100;
}

/**
 * Whether the line is an empty container: its description has an "empty"
 * word and nothing meaningful besides (filler words and numbers). "EMPTY
 * GLASS BOTTLES" are goods.
 */
export function isEmptyContainerLine(line: RiskLine, lookups: RiskLookups): boolean {
  const folded = foldedDescription(line);
  if (!lookups.emptyContainerWords.test(folded)) return false;
  return meaningfulWords(lookups.descriptionNoise.strip(lookups.emptyContainerWords.strip(folded))).length === 0;
}

/** Words that could name goods: not numbers or codes with digits ("40hc", "1x20"), not single letters. */
export function meaningfulWords(words: Words): string[] {
  return words.filter((word) => word.length > 1 && !/\p{N}/u.test(word));
}

import { type ManifestLineInput, type PartyInput, type Problem } from '../../../../../shared/domain/manifest';
import { type RawBill, type RawEquipment, type RawGoodsItem } from './message';
import { consignmentLocations, consignmentReferences, goodsDescription, parties, pick, pickAll } from './qualifiers';
import { sumMeasures, type Measure } from './quantities';
import { joinText, withoutUndefined } from './segment';

/** What a consignment says once, for all its lines. */
interface BillFields {
  readonly blNumber?: string;
  readonly masterBl?: string;
  readonly shipper?: PartyInput;
  readonly consignee?: PartyInput;
  readonly notify?: PartyInput;
  readonly placeOfReceipt?: string;
  readonly portOfLoading?: string;
  readonly transshipmentPorts: readonly string[];
  readonly portOfDischarge?: string;
  readonly placeOfDelivery?: string;
  readonly originCountry?: string;
  readonly description?: string;
}

/** A goods item with its qualifiers resolved. */
interface GoodsFields {
  readonly raw: RawGoodsItem;
  readonly description?: string;
  readonly hsCode?: string;
}

/** A goods item's contribution to one line; 'unknown' when the file does not say how much of it is in this container. */
interface Share {
  readonly goods: GoodsFields;
  readonly packages?: readonly Measure[] | 'unknown';
  readonly weight?: readonly Measure[] | 'unknown';
}

export interface LineContext {
  readonly equipment: ReadonlyMap<string, RawEquipment>;
  /** How many consignments each container appears under (1 = not groupage). */
  readonly billsPerContainer: ReadonlyMap<string, number>;
}

/**
 * The lines of one consignment: one per container its goods are in (a
 * groupage container under several CNI groups gives a line under each), or
 * a single line with no container when the file names none (validation
 * reports CONTAINER_MISSING, not the reader). Every line points at the CNI
 * segment, where the officer finds the whole consignment.
 */
export function linesOfBill(bill: RawBill, context: LineContext, problems: Problem[]): ManifestLineInput[] {
  const fields = billFields(bill, problems);
  const goods = bill.goods.map((item) => goodsFields(item, problems));
  const containers = containersOf(bill);
  if (containers.length === 0) {
    return [line(bill, fields, undefined, goods.map((item) => unlinkedShare(item, true)), context)];
  }
  return containers.map((key) => {
    const shares = goods.flatMap((item) => {
      if (item.raw.placements.length === 0) return [unlinkedShare(item, containers.length === 1)];
      const share = placedShare(item, key);
      return share ? [share] : [];
    });
    return line(bill, fields, key, shares, context);
  });
}

/**
 * Containers in order of first mention: those SGP names; when the goods name
 * none, the EQD groups inside the CNI group. EQD groups that merely follow
 * the last CNI (some senders list all equipment at the end) must not all
 * become that consignment's containers when its goods say where they are.
 */
function containersOf(bill: RawBill): string[] {
  const placed = [...new Set(bill.goods.flatMap((item) => item.placements.map((placement) => placement.key)))];
  return placed.length > 0 ? placed : bill.equipment;
}

function billFields(bill: RawBill, problems: Problem[]): BillFields {
  const locations = bill.locations;
  const first = (qualifier: string) => locations.find((location) => location.qualifier === qualifier)?.value;
  const portOfLoading = pick(locations, consignmentLocations.portOfLoading, 'LOC', problems);
  // With both 76 "Original port of loading" and 9 "Place/port of loading",
  // the B/L's port of loading is the original one and the goods were
  // transshipped where this vessel loaded them: that port is the last
  // transshipment, after any LOC+13.
  const transshipmentPorts = [...new Set(locations.filter((location) => location.qualifier === consignmentLocations.transshipment).map((location) => location.value))];
  const original = first(consignmentLocations.originalLoading);
  const loadedHere = first(consignmentLocations.loadedHere);
  if (original && loadedHere && loadedHere !== original && !transshipmentPorts.includes(loadedHere)) transshipmentPorts.push(loadedHere);
  return {
    blNumber: pick(bill.references, consignmentReferences.billOfLading, 'RFF', problems),
    masterBl: pick(bill.references, consignmentReferences.masterBill, 'RFF', problems),
    shipper: pick(bill.parties, parties.shipper, 'NAD', problems),
    consignee: pick(bill.parties, parties.consignee, 'NAD', problems),
    notify: pick(bill.parties, parties.notify, 'NAD', problems),
    placeOfReceipt: pick(locations, consignmentLocations.placeOfReceipt, 'LOC', problems),
    portOfLoading,
    transshipmentPorts,
    portOfDischarge: pick(locations, consignmentLocations.portOfDischarge, 'LOC', problems),
    placeOfDelivery: pick(locations, consignmentLocations.placeOfDelivery, 'LOC', problems),
    originCountry: pick(locations, consignmentLocations.originCountry, 'LOC', problems),
    description: joinText(pickAll(bill.descriptions, goodsDescription, 'FTX', problems)),
  };
}

/** Several FTX+AAA of one goods item are one description split at an..512 (or an..70 in national guides). */
function goodsFields(raw: RawGoodsItem, problems: Problem[]): GoodsFields {
  return {
    raw,
    description: joinText(pickAll(raw.descriptions, goodsDescription, 'FTX', problems)),
    hsCode: raw.hsCodes[0] ?? raw.hsInText[0],
  };
}

/** A goods item no SGP places: it counts in full only when its consignment has one container (or none). */
function unlinkedShare(goods: GoodsFields, countsInFull: boolean): Share {
  if (!countsInFull) return { goods };
  return {
    goods,
    ...(goods.raw.packages ? { packages: [goods.raw.packages] } : {}),
    ...(goods.raw.weight ? { weight: [goods.raw.weight] } : {}),
  };
}

/**
 * The part of a goods item in container `key`. SGP 7224 and a MEA under the
 * SGP say how much of it is there; without them the goods item's own count
 * and weight apply only when all of it is in this one container. A weight the
 * file does not split cannot be split by the reader.
 */
function placedShare(goods: GoodsFields, key: string): Share | undefined {
  const here = goods.raw.placements.filter((placement) => placement.key === key);
  if (here.length === 0) return undefined;
  const allHere = goods.raw.placements.every((placement) => placement.key === key);
  const ownPackages = goods.raw.packages ? [goods.raw.packages] : undefined;
  const ownWeight = goods.raw.weight ? [goods.raw.weight] : undefined;
  const placedPackages = here.flatMap((placement) => (placement.packages ? [placement.packages] : []));
  const placedWeights = here.flatMap((placement) => (placement.weight ? [placement.weight] : []));
  const packages = placedPackages.length === here.length ? placedPackages : allHere ? ownPackages : 'unknown';
  const weight = placedWeights.length === here.length ? placedWeights : allHere ? ownWeight : 'unknown';
  return { goods, ...(packages ? { packages } : {}), ...(weight ? { weight } : {}) };
}

/** Sums the shares' quantities; any share of unknown size makes the total unknown. */
function total(parts: readonly (readonly Measure[] | 'unknown' | undefined)[]): string | undefined {
  if (parts.includes('unknown')) return undefined;
  return sumMeasures(parts.flatMap((part) => (part === undefined || part === 'unknown' ? [] : part)));
}

function line(bill: RawBill, fields: BillFields, key: string | undefined, shares: readonly Share[], context: LineContext): ManifestLineInput {
  const container = key === undefined ? undefined : context.equipment.get(key);
  const number = container?.number ?? bill.goods.flatMap((item) => item.placements).find((placement) => placement.key === key)?.number;
  let grossWeightKg = total(shares.map((share) => share.weight));
  // The EQD group's gross weight stands in only when no goods item states a
  // weight and the container holds this consignment alone.
  const noGoodsWeight = shares.every((share) => share.weight === undefined);
  if (grossWeightKg === undefined && noGoodsWeight && container?.weight && key !== undefined && context.billsPerContainer.get(key) === 1) {
    grossWeightKg = sumMeasures([container.weight]);
  }
  const packageTypes = [...new Set(shares.flatMap((share) => (share.goods.raw.packageType ? [share.goods.raw.packageType] : [])))];
  const reefer = container?.reefer === true || shares.some((share) => share.goods.raw.reefer);
  return withoutUndefined({
    source: { segment: bill.segment },
    blNumber: fields.blNumber,
    masterBl: fields.masterBl,
    containerNumber: number,
    containerType: container?.type,
    seals: container ? [...container.seals] : [],
    shipper: fields.shipper,
    consignee: fields.consignee,
    notify: fields.notify,
    goodsDescription: joinText(shares.map((share) => share.goods.description), '; ') ?? fields.description,
    hsCode: shares.find((share) => share.goods.hsCode)?.goods.hsCode,
    packages: total(shares.map((share) => share.packages)),
    packageType: joinText(packageTypes, ', '),
    grossWeightKg,
    placeOfReceipt: fields.placeOfReceipt,
    portOfLoading: fields.portOfLoading,
    transshipmentPorts: fields.transshipmentPorts,
    portOfDischarge: fields.portOfDischarge,
    placeOfDelivery: fields.placeOfDelivery,
    originCountry: fields.originCountry,
    reefer: reefer ? true : undefined,
  });
}

import { type PartyInput, type Problem } from '../../../../../shared/domain/manifest';
import { dateOf } from './dates';
import { type Segment } from './lexer';
import { partyOf } from './parties';
import { equipmentQualifiers, type Candidate } from './qualifiers';
import { grossWeightOf, measureOf, type Measure } from './quantities';
import { component, components, isWellFormedTag, joinText } from './segment';

/**
 * One CUSCAR message read segment by segment into what it says, before any
 * choice between qualifiers is made (that is vessel-call.ts and bills.ts).
 *
 * CUSCAR D.95B-D.01B nests, in this order: the message header (BGM, DTM, RFF,
 * NAD, FTX); the vessel call (TDT + LOC + DTM); equipment groups (EQD + MEA,
 * SEL, TMP ...); then one group per consignment (CNI) holding references,
 * parties, places, and goods items (GID + FTX, MEA, SGP, PCI, CST ...), with
 * SGP (split goods placement) naming the container a goods item is in. Some
 * senders put EQD groups inside the CNI group instead. The segment tag tells
 * which group starts; every later segment belongs to the innermost open group.
 */
export interface RawMessage {
  readonly call: RawVesselCall;
  readonly bills: readonly RawBill[];
  readonly equipment: ReadonlyMap<string, RawEquipment>;
  readonly problems: readonly Problem[];
}

export interface RawVesselCall {
  /** Message-level TDT segments (a TDT inside a CNI group is pre- or on-carriage). */
  readonly transports: Segment[];
  readonly locations: Candidate<string>[];
  /** DTM values already as ISO text (dates.ts). */
  readonly dates: Candidate<string>[];
  readonly references: Candidate<string>[];
  readonly parties: Candidate<PartyInput>[];
}

export interface RawBill {
  /** The CNI segment (or the GID, when goods come without one). */
  readonly segment: number;
  /** RFF values by 1153 qualifier; the CNI C503 document number under "CNI". */
  readonly references: Candidate<string>[];
  readonly parties: Candidate<PartyInput>[];
  readonly locations: Candidate<string>[];
  readonly descriptions: Candidate<string>[];
  readonly goods: RawGoodsItem[];
  /** EQD groups inside this CNI group, by equipment key. */
  readonly equipment: string[];
}

export interface RawGoodsItem {
  readonly segment: number;
  readonly packages?: Measure;
  readonly packageType?: string;
  readonly descriptions: Candidate<string>[];
  /** From CST C246/7361 or PIA C212 with 7143 "HS", in file order. */
  readonly hsCodes: string[];
  /** From free text such as "HS CODE 8471.30". */
  readonly hsInText: string[];
  weight?: Measure;
  readonly placements: RawPlacement[];
  reefer: boolean;
}

export interface RawPlacement {
  readonly key: string;
  readonly number: string;
  /** SGP 7224: how many of the goods item's packages are in this container. */
  readonly packages?: Measure;
  /** A MEA after the SGP: the weight of that share. */
  weight?: Measure;
  readonly segment: number;
}

export interface RawEquipment {
  readonly key: string;
  readonly number: string;
  type?: string;
  readonly seals: string[];
  reefer: boolean;
  /** Gross weight stated in the EQD group (used only as a fall-back). */
  weight?: Measure;
  readonly segment: number;
}

/**
 * Segments CUSCAR D.95B-D.01B may hold that say nothing the manifest line
 * needs (contacts, control totals, dangerous goods, dimensions, marks, ...).
 * They are skipped without a problem; a tag outside this list and the ones
 * read below is SEGMENT_UNKNOWN.
 */
const skippedTags = new Set([
  'BGM', 'CTA', 'COM', 'QTY', 'GIS', 'CNT', 'HAN', 'RNG', 'TMD', 'MOA', 'DIM', 'DGS', 'PAC', 'GDS', 'TSR', 'TPL', 'EQA', 'EQN',
  'NAT', 'PDI', 'DOC', 'ATT', 'PCD', 'TOD', 'GEI', 'CPI', 'PCI', 'IMD', 'GIR', 'TCC', 'CUX', 'TAX', 'ALI', 'SEQ', 'STS', 'UNS',
]);

/** Container numbers compared without the blanks and dashes people type into them. */
export function equipmentKey(number: string): string {
  return number.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * An HS code written in free text: "HS 520512", "HS CODE: 8471.30",
 * "H.S. NO. 8708 99". Kept as digits only, since the spacing is the writer's.
 */
const hsInFreeText = /\bH\.?\s?S\.?(?:\s*CODE)?(?:\s*NO\.?)?\s*[:#-]?\s*(\d{4}(?:[.\s]?\d{2}){0,3})(?!\d)/i;

export function readCuscarMessage(body: readonly Segment[]): RawMessage {
  const problems: Problem[] = [];
  const call: RawVesselCall = { transports: [], locations: [], dates: [], references: [], parties: [] };
  const bills: RawBill[] = [];
  const equipment = new Map<string, RawEquipment>();
  let bill: RawBill | undefined;
  let goods: RawGoodsItem | undefined;
  let placement: RawPlacement | undefined;
  let currentEquipment: RawEquipment | undefined;

  const malformed = (segment: Segment, element: string) =>
    problems.push({ code: 'SEGMENT_MALFORMED', segment: segment.position, params: { tag: segment.tag, element } });

  const equipmentRecord = (number: string, segment: number): RawEquipment => {
    const key = equipmentKey(number);
    const known = equipment.get(key);
    if (known) return known;
    const created: RawEquipment = { key, number, seals: [], reefer: false, segment };
    equipment.set(key, created);
    return created;
  };

  const startBill = (segment: Segment): RawBill => {
    const started: RawBill = { segment: segment.position, references: [], parties: [], locations: [], descriptions: [], goods: [], equipment: [] };
    bills.push(started);
    return started;
  };

  for (const segment of body) {
    const position = segment.position;
    switch (segment.tag) {
      case 'TDT':
        if (!bill) call.transports.push(segment);
        break;
      case 'LOC': {
        // LOC: 010 3227 qualifier, 020 C517 (3225 code, 1131, 3055, 3224 name).
        const value = component(segment, 1, 0) || component(segment, 1, 3);
        if (!value) malformed(segment, 'C517');
        else (bill ? bill.locations : call.locations).push({ qualifier: component(segment, 0), value, segment: position });
        break;
      }
      case 'DTM': {
        const date = dateOf(segment);
        if (!date.text) malformed(segment, 'C507');
        else if (!bill) call.dates.push({ qualifier: date.qualifier, value: date.text, segment: position });
        break;
      }
      case 'RFF': {
        // RFF: 010 C506 (1153 qualifier, 1154 reference).
        const value = component(segment, 0, 1);
        if (!value) malformed(segment, 'C506');
        else (bill ? bill.references : call.references).push({ qualifier: component(segment, 0, 0), value, segment: position });
        break;
      }
      case 'NAD': {
        const party = partyOf(segment);
        if (!party) malformed(segment, 'C080');
        else (bill ? bill.parties : call.parties).push({ qualifier: component(segment, 0), value: party, segment: position });
        break;
      }
      case 'CNI': {
        bill = startBill(segment);
        goods = placement = currentEquipment = undefined;
        // CNI: 010 1490 consolidation item number, 020 C503 (1004 document number ...).
        const documentNumber = component(segment, 1, 0);
        if (documentNumber) bill.references.push({ qualifier: 'CNI', value: documentNumber, segment: position });
        break;
      }
      case 'GID': {
        if (!bill) {
          // Goods before any CNI: keep them as a consignment of their own
          // rather than lose them; it will have no B/L number to show.
          problems.push({ code: 'SEGMENT_MALFORMED', segment: position, params: { tag: 'GID', missing: 'CNI' } });
          bill = startBill(segment);
        }
        // GID: 010 1496 item number, 020 C213 (7224 count, 7065 type code, 1131, 3055, 7064 type).
        const count = component(segment, 1, 0);
        const packageType = component(segment, 1, 1) || component(segment, 1, 4);
        goods = {
          segment: position,
          ...(count ? { packages: measureOf(count) } : {}),
          ...(packageType ? { packageType } : {}),
          descriptions: [],
          hsCodes: [],
          hsInText: [],
          placements: [],
          reefer: false,
        };
        bill.goods.push(goods);
        placement = currentEquipment = undefined;
        break;
      }
      case 'FTX': {
        // FTX: 010 4451 subject, 020 4453, 030 C107, 040 C108 (five 4440 lines), 050 3453.
        // An FTX with only a coded text (C107) has nothing to show.
        const text = joinText(components(segment, 3));
        if (!text) break;
        const candidate = { qualifier: component(segment, 0), value: text, segment: position };
        if (goods) {
          goods.descriptions.push(candidate);
          const hs = hsInFreeText.exec(text)?.[1];
          if (hs) goods.hsInText.push(hs.replace(/[.\s]/g, ''));
        } else if (bill) {
          bill.descriptions.push(candidate);
        }
        break;
      }
      case 'MEA': {
        const reading = grossWeightOf(segment);
        problems.push(...reading.problems);
        // The first gross weight of a group counts; a second MEA restates it
        // in another form, it does not add to it.
        const target = placement ?? goods ?? currentEquipment;
        if (reading.weight && target && target.weight === undefined) target.weight = reading.weight;
        break;
      }
      case 'SGP': {
        // SGP: 010 C237 (8260 equipment identification ...), 020 7224 package count.
        const number = component(segment, 0, 0);
        if (!goods) {
          problems.push({ code: 'SEGMENT_MALFORMED', segment: position, params: { tag: 'SGP', missing: 'GID' } });
        } else if (!number) {
          malformed(segment, 'C237');
        } else {
          const count = component(segment, 1);
          placement = { key: equipmentKey(number), number, ...(count ? { packages: measureOf(count) } : {}), segment: position };
          goods.placements.push(placement);
        }
        break;
      }
      case 'EQD': {
        // EQD: 010 8053 qualifier, 020 C237 (8260 number ...), 030 C224 (8155 size and type ...).
        goods = placement = undefined;
        const number = component(segment, 1, 0);
        if (!number) {
          currentEquipment = undefined;
          malformed(segment, 'C237');
          break;
        }
        const qualifier = component(segment, 0);
        if (!equipmentQualifiers.includes(qualifier)) {
          problems.push({ code: 'QUALIFIER_UNEXPECTED', segment: position, params: { tag: 'EQD', qualifier, expected: 'CN' } });
        }
        currentEquipment = equipmentRecord(number, position);
        const sizeType = component(segment, 2, 0);
        if (sizeType && !currentEquipment.type) currentEquipment.type = sizeType;
        if (bill && !bill.equipment.includes(currentEquipment.key)) bill.equipment.push(currentEquipment.key);
        break;
      }
      case 'SEL': {
        // SEL: 010 9308 seal number, 020 C215 issuer, 030 4517 condition, and in
        // later directories 040 C208 identity number range (a run of seals).
        const seals = [component(segment, 0), ...components(segment, 3)].filter((seal) => seal !== '');
        const target = currentEquipment ?? (placement ? equipmentRecord(placement.number, placement.segment) : undefined);
        if (seals.length === 0) malformed(segment, '9308');
        else if (!target) problems.push({ code: 'SEGMENT_MALFORMED', segment: position, params: { tag: 'SEL', missing: 'EQD' } });
        else for (const seal of seals) if (!target.seals.includes(seal)) target.seals.push(seal);
        break;
      }
      case 'TMP': {
        // A transport temperature is only given for a reefer.
        if (currentEquipment) currentEquipment.reefer = true;
        else if (placement) equipmentRecord(placement.number, placement.segment).reefer = true;
        else if (goods) goods.reefer = true;
        break;
      }
      case 'CST': {
        // CST: 010 1496, then up to five C246 (7361 customs goods identifier ...).
        const code = [1, 2, 3, 4, 5].map((element) => component(segment, element, 0)).find((value) => value !== '');
        if (goods && code) goods.hsCodes.push(code);
        break;
      }
      case 'PIA': {
        // PIA: 010 4347, then up to five C212 (7140 item number, 7143 type: HS = Harmonised System).
        const code = [1, 2, 3, 4, 5].find((element) => component(segment, element, 1).toUpperCase() === 'HS');
        if (goods && code !== undefined && component(segment, code, 0)) goods.hsCodes.push(component(segment, code, 0));
        break;
      }
      default:
        if (!isWellFormedTag(segment.tag)) {
          problems.push({ code: 'SEGMENT_MALFORMED', segment: position, params: { tag: segment.tag.slice(0, 10) } });
        } else if (!skippedTags.has(segment.tag)) {
          problems.push({ code: 'SEGMENT_UNKNOWN', segment: position, params: { tag: segment.tag } });
        }
    }
  }
  return { call, bills, equipment, problems };
}

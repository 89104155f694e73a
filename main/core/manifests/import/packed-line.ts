import type { PartyInput } from '../../../../shared/domain/manifest';
import type { ConsignmentRecord } from '../consignment';

/**
 * Validated lines as they are stored: each line the consignments row's values
 * in a fixed order, its JSON columns already written; its container and
 * parties as references into lists that name each one once. The import worker
 * validates lines in one thread and stores them in another: flat arrays of
 * strings and numbers cross between threads many times faster than the record
 * objects they come from (100,000 records with their nested parties and
 * problem lists took most of a second to copy), and the storing thread, the
 * slower of the two, looks ids up by position instead of by name.
 */
export type PackedLine = [
  lineNo: number,
  sourceRef: string,
  blNumber: string | null,
  masterBl: string | null,
  /** Into the import's containers (PackedChunk.containers, counted on from chunk to chunk). */
  containerRef: number | null,
  containerNumber: string | null,
  containerType: string | null,
  /** Into the import's parties (PackedChunk.parties, counted on from chunk to chunk). */
  shipperRef: number | null,
  consigneeRef: number | null,
  notifyRef: number | null,
  goodsDescription: string,
  hsCode: string | null,
  packages: number | null,
  packageType: string | null,
  grossWeightKg: string | null,
  placeOfReceipt: string | null,
  portOfLoading: string | null,
  transshipmentPortsJson: string,
  portOfDischarge: string | null,
  placeOfDelivery: string | null,
  originCountry: string | null,
  sealsJson: string,
  reefer: 0 | 1 | null,
  problemsJson: string,
];

/** Positions in a PackedLine, by name. */
export const packed = {
  lineNo: 0,
  sourceRef: 1,
  blNumber: 2,
  masterBl: 3,
  containerRef: 4,
  containerNumber: 5,
  containerType: 6,
  shipperRef: 7,
  consigneeRef: 8,
  notifyRef: 9,
  goodsDescription: 10,
  hsCode: 11,
  packages: 12,
  packageType: 13,
  grossWeightKg: 14,
  placeOfReceipt: 15,
  portOfLoading: 16,
  transshipmentPortsJson: 17,
  portOfDischarge: 18,
  placeOfDelivery: 19,
  originCountry: 20,
  sealsJson: 21,
  reefer: 22,
  problemsJson: 23,
} as const;

/** A party as the import first meets it: what its row is created with, and what finds an existing one. */
export interface PackedParty {
  /** As validated (spaces collapsed, trimmed). */
  readonly name: string;
  /** Trimmed; '' when the file gives none. */
  readonly address: string;
  readonly country: string | null;
}

/** A container as the first line that names it describes it. */
export interface PackedContainer {
  readonly number: string;
  readonly checkDigitOk: boolean;
  readonly type: string | null;
}

export interface PackedChunk {
  /** Parties and containers named for the first time in this import, in the order they first appear. */
  readonly parties: PackedParty[];
  readonly containers: PackedContainer[];
  readonly lines: PackedLine[];
}

/** The JSON of an empty list, the usual value of three columns: not written 100,000 times. */
const EMPTY_LIST = '[]';
const json = (list: readonly unknown[]): string => (list.length === 0 ? EMPTY_LIST : JSON.stringify(list));

/**
 * Packs one import's lines, chunk after chunk, remembering which parties and
 * containers earlier chunks named. A party is one party per name and address
 * as written (the storing side matches it by its normalised name); a line
 * whose party has no name stores no party.
 */
export function createLinePacker() {
  const parties = new Map<string, number>();
  // Validation hands the same cleaned object to every line of the same party: found by identity first.
  const partyObjects = new WeakMap<PartyInput, number | null>();
  const containers = new Map<string, number>();
  return {
    pack(lines: readonly ConsignmentRecord[]): PackedChunk {
      const chunk: PackedChunk = { parties: [], containers: [], lines: [] };
      const partyRef = (party: PartyInput | null): number | null => {
        if (!party) return null;
        const seen = partyObjects.get(party);
        if (seen !== undefined) return seen;
        let ref: number | null = null;
        if (party.name.trim()) {
          const address = party.address?.trim() ?? '';
          const key = `${party.name}\u0000${address}`;
          ref = parties.get(key) ?? null;
          if (ref === null) {
            ref = parties.size;
            parties.set(key, ref);
            chunk.parties.push({ name: party.name, address, country: party.country ?? null });
          }
        }
        partyObjects.set(party, ref);
        return ref;
      };
      for (const line of lines) {
        let containerRef: number | null = null;
        if (line.containerNumber) {
          const known = containers.get(line.containerNumber);
          if (known === undefined) {
            containerRef = containers.size;
            containers.set(line.containerNumber, containerRef);
            chunk.containers.push({ number: line.containerNumber, checkDigitOk: line.containerCheckDigitOk === true, type: line.containerType });
          } else {
            containerRef = known;
          }
        }
        chunk.lines.push([
          line.lineNo,
          line.sourceRef,
          line.blNumber,
          line.masterBl,
          containerRef,
          line.containerNumber,
          line.containerType,
          partyRef(line.shipper),
          partyRef(line.consignee),
          partyRef(line.notify),
          line.goodsDescription,
          line.hsCode,
          line.packages,
          line.packageType,
          line.grossWeightKg,
          line.placeOfReceipt,
          line.portOfLoading,
          json(line.transshipmentPorts),
          line.portOfDischarge,
          line.placeOfDelivery,
          line.originCountry,
          json(line.seals),
          line.reefer === null ? null : line.reefer ? 1 : 0,
          json(line.problems),
        ]);
      }
      return chunk;
    },
  };
}

export type LinePacker = ReturnType<typeof createLinePacker>;

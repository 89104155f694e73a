import { type ManifestHeaderInput, type ManifestLineInput, type Problem } from '../../../../../shared/domain/manifest';
import { linesOfBill } from './bills';
import { decodeInterchange, readSyntaxIdentifier } from './charset';
import { looksLikeEdifact, skipPreamble } from './detect';
import { readInterchange, type EdifactMessage, type InterchangeSyntax } from './envelope';
import { CuscarUnreadable } from './errors';
import { lexSegments } from './lexer';
import { readCuscarMessage, type RawEquipment, type RawMessage } from './message';
import { defaultServiceCharacters, readServiceStringAdvice, serviceStringAdviceLength, startsWithAscii } from './service-string';
import { withoutUndefined } from './segment';
import { readVesselCall, type VesselCallFields } from './vessel-call';

export type { InterchangeSyntax } from './envelope';

/** What a CUSCAR interchange says, in the canonical manifest model. */
export interface CuscarReadResult {
  readonly format: 'cuscar';
  readonly header: ManifestHeaderInput;
  readonly lines: readonly ManifestLineInput[];
  /** Ordered by segment. */
  readonly problems: readonly Problem[];
  readonly syntax: InterchangeSyntax;
}

/**
 * Reads a UN/EDIFACT CUSCAR interchange (directories D.95B to D.01B; later
 * ones share the segments read here). Returns what could be read with a
 * Problem for everything doubtful; throws CuscarUnreadable only when nothing
 * usable is there. Never throws anything else, whatever the bytes.
 *
 * Several CUSCAR messages in one interchange are one vessel call sent in
 * parts: their lines are merged in order, and each header field comes from
 * the first message that states it. Messages of other types are skipped and
 * reported at their UNH.
 */
export function readCuscar(bytes: Uint8Array): CuscarReadResult {
  const start = skipPreamble(bytes);
  if (start >= bytes.length) throw new CuscarUnreadable('EMPTY', 'the file holds no data');
  if (!looksLikeEdifact(bytes)) throw new CuscarUnreadable('NOT_EDIFACT', 'the file does not start with UNA or UNB');

  const advice = readServiceStringAdvice(bytes, start);
  const chars = advice ?? defaultServiceCharacters;
  let unbOffset = advice ? start + serviceStringAdviceLength : start;
  while (unbOffset < bytes.length && (bytes[unbOffset] ?? 0) <= 0x20) unbOffset++;
  if (unbOffset >= bytes.length) throw new CuscarUnreadable('TRUNCATED', 'the data ends after UNA');
  if (!startsWithAscii(bytes, unbOffset, 'UNB')) throw new CuscarUnreadable('NOT_EDIFACT', 'UNA is not followed by UNB');

  const syntaxIdentifier = readSyntaxIdentifier(bytes, unbOffset, chars);
  const decoded = decodeInterchange(bytes.subarray(unbOffset), syntaxIdentifier.identifier);
  const [unb, ...rest] = lexSegments(decoded.text, chars);
  if (!unb || unb.tag !== 'UNB') throw new CuscarUnreadable('NOT_EDIFACT', 'the first segment is not UNB', 1);
  if (!unb.terminated) throw new CuscarUnreadable('TRUNCATED', 'the data ends inside UNB', 1);

  const interchange = readInterchange(unb, rest);
  const problems: Problem[] = [...interchange.problems];
  if (decoded.mismatch) {
    // The bytes do not fit the declared character set (or it is unknown):
    // names may be garbled, and the officer should know why.
    problems.push({
      code: 'SEGMENT_MALFORMED',
      segment: unb.position,
      params: { tag: 'UNB', element: '0001', value: syntaxIdentifier.identifier, decodedAs: decoded.decodedAs },
    });
  }

  const cuscar = interchange.messages.filter((message) => message.type === 'CUSCAR');
  for (const other of interchange.messages.filter((message) => message.type !== 'CUSCAR')) {
    problems.push({ code: 'SEGMENT_UNKNOWN', segment: other.header.position, params: { tag: 'UNH', messageType: other.type } });
  }
  if (cuscar.length === 0) throw noCuscar(interchange.messages, interchange.complete);

  const messages = cuscar.map((message) => readCuscarMessage(message.body));
  const equipment = mergedEquipment(messages);
  const billsPerContainer = countBillsPerContainer(messages);
  const calls: VesselCallFields[] = [];
  const lines: ManifestLineInput[] = [];
  for (const message of messages) {
    // A loop, not push(...spread): a damaged file can hold more problems
    // than a call may take arguments.
    for (const problem of message.problems) problems.push(problem);
    calls.push(readVesselCall(message.call, problems));
    for (const bill of message.bills) lines.push(...linesOfBill(bill, { equipment, billsPerContainer }, problems));
  }
  if (!interchange.complete && lines.length === 0) {
    throw new CuscarUnreadable('TRUNCATED', 'the data ends before the first consignment', rest.at(-1)?.position);
  }

  return {
    format: 'cuscar',
    header: headerOf(calls, interchange.syntax),
    lines,
    problems: problems.sort((a, b) => (a.segment ?? 0) - (b.segment ?? 0)),
    syntax: interchange.syntax,
  };
}

function noCuscar(messages: readonly EdifactMessage[], complete: boolean): CuscarUnreadable {
  if (messages.length > 0) {
    const types = [...new Set(messages.map((message) => message.type || '?'))].join(', ');
    return new CuscarUnreadable('NOT_CUSCAR', `the interchange holds ${types}, not CUSCAR`, messages[0]?.header.position);
  }
  return complete
    ? new CuscarUnreadable('NOT_CUSCAR', 'the interchange holds no message')
    : new CuscarUnreadable('TRUNCATED', 'the data ends before the first message');
}

/** One record per container across all messages: seals and reefer evidence add up, the first type and weight stand. */
function mergedEquipment(messages: readonly RawMessage[]): Map<string, RawEquipment> {
  const merged = new Map<string, RawEquipment>();
  for (const message of messages) {
    for (const record of message.equipment.values()) {
      const known = merged.get(record.key);
      if (!known) {
        merged.set(record.key, { ...record, seals: [...record.seals] });
        continue;
      }
      for (const seal of record.seals) if (!known.seals.includes(seal)) known.seals.push(seal);
      known.reefer ||= record.reefer;
      known.type ??= record.type;
      known.weight ??= record.weight;
    }
  }
  return merged;
}

/** Under how many consignments each container appears: more than one is groupage. */
function countBillsPerContainer(messages: readonly RawMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const bill of messages.flatMap((message) => message.bills)) {
    const keys = new Set([...bill.goods.flatMap((item) => item.placements.map((placement) => placement.key)), ...bill.equipment]);
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function headerOf(calls: readonly VesselCallFields[], syntax: InterchangeSyntax): ManifestHeaderInput {
  const first = <K extends keyof VesselCallFields>(field: K): VesselCallFields[K] | undefined =>
    calls.map((call) => call[field]).find((value) => value !== undefined && value !== '');
  return withoutUndefined<ManifestHeaderInput>({
    // CUSCAR is the sea cargo report unless TDT C220 says otherwise.
    mode: first('mode') ?? 'sea',
    vesselName: first('vesselName'),
    imo: first('imo'),
    voyage: first('voyage'),
    carrier: first('carrier'),
    portOfLoading: first('portOfLoading'),
    portOfDischarge: first('portOfDischarge'),
    departureDate: first('departureDate'),
    arrivalDate: first('arrivalDate'),
    sender: syntax.sender || undefined,
  });
}

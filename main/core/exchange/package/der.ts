/**
 * A strict DER reader and a minimal DER writer over Buffers, for exchange packages.
 *
 * Why not node-forge's ASN.1 layer (used by main/core/signing/cms.ts): forge keeps
 * no byte offsets, so every exact slice we must hash or compare (the certificate for
 * signing-certificate-v2, the signed attributes for the signature, the eContent for
 * message-digest, issuer names for sid/rid matching) would have to be re-encoded, and
 * re-encoding hides a sender's non-DER bytes instead of refusing them. forge also
 * works on binary strings, which doubles the memory of a 48 MiB package.
 *
 * The reader refuses what DER forbids and a forged package could use to make two
 * parsers disagree: indefinite lengths, non-minimal length octets, high tag numbers,
 * lengths running past the end, and trailing bytes inside any constructed element.
 */

/** One element: `bytes` is the whole TLV, `content` its contents; both share the source buffer. */
export interface Tlv {
  /** The identifier octet (class, constructed bit and tag number; high tag numbers are refused). */
  tag: number;
  bytes: Buffer;
  content: Buffer;
}

/**
 * Thrown on bytes that are not strict DER; callers turn it into their own refusal.
 * `ber` marks a well-formed BER construct DER forbids (indefinite length, constructed
 * string): another encoder's choice rather than damage.
 */
export class DerError extends Error {
  override name = 'DerError';
  constructor(
    message: string,
    readonly ber = false,
  ) {
    super(message);
  }
}

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
  /** [n] constructed, context-specific (EXPLICIT tags and IMPLICIT SET/SEQUENCE). */
  context: (n: number): number => 0xa0 | n,
  /** [n] primitive, context-specific (IMPLICIT OCTET STRING and the like). */
  contextPrimitive: (n: number): number => 0x80 | n,
} as const;

/** Reads the element starting at `offset`. */
export function readTlv(source: Buffer, offset = 0): Tlv {
  if (offset >= source.length) throw new DerError('DER: unexpected end of data');
  const tag = source[offset] as number;
  if ((tag & 0x1f) === 0x1f) throw new DerError('DER: high tag numbers are not used here');
  let pos = offset + 1;
  if (pos >= source.length) throw new DerError('DER: length missing');
  const first = source[pos++] as number;
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const count = first & 0x7f;
    if (count === 0) throw new DerError('DER: indefinite length (BER)', true);
    if (count > 4) throw new DerError('DER: length too large');
    if (pos + count > source.length) throw new DerError('DER: length octets missing');
    if (source[pos] === 0) throw new DerError('DER: non-minimal length');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + (source[pos + i] as number);
    pos += count;
    if (length < 0x80) throw new DerError('DER: non-minimal length');
  }
  const end = pos + length;
  if (end > source.length) throw new DerError('DER: element runs past the end of the data');
  return { tag, bytes: source.subarray(offset, end), content: source.subarray(pos, end) };
}

/** Reads exactly one element filling all of `source` (nothing before, nothing after). */
export function readWhole(source: Buffer): Tlv {
  const tlv = readTlv(source, 0);
  if (tlv.bytes.length !== source.length) throw new DerError('DER: trailing bytes after the element');
  return tlv;
}

/** The children of a constructed element; its contents must be exactly a run of elements. */
export function childrenOf(parent: Tlv): Tlv[] {
  if ((parent.tag & 0x20) === 0) throw new DerError('DER: expected a constructed element');
  const out: Tlv[] = [];
  for (let offset = 0; offset < parent.content.length; ) {
    const child = readTlv(parent.content, offset);
    out.push(child);
    offset += child.bytes.length;
  }
  return out;
}

/** Checks the tag and returns the element, so reads state what they expect. */
export function expectTag(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv) throw new DerError(`DER: ${what} missing`);
  if (tlv.tag !== tag) throw new DerError(`DER: ${what} has tag 0x${tlv.tag.toString(16)}, expected 0x${tag.toString(16)}`);
  return tlv;
}

export function readOid(tlv: Tlv | undefined, what: string): string {
  const { content } = expectTag(tlv, TAG.oid, what);
  if (content.length === 0 || ((content[content.length - 1] as number) & 0x80) !== 0) throw new DerError(`DER: ${what} is malformed`);
  const arcs: number[] = [];
  let value = 0;
  for (const byte of content) {
    if (value === 0 && byte === 0x80) throw new DerError(`DER: ${what} is not minimally encoded`);
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) throw new DerError(`DER: ${what} has an arc too large`);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  const first = arcs.shift() as number;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

/** A small non-negative INTEGER (versions, ICV lengths). */
export function readSmallInteger(tlv: Tlv | undefined, what: string): number {
  const { content } = expectTag(tlv, TAG.integer, what);
  if (content.length === 0 || content.length > 4 || ((content[0] as number) & 0x80) !== 0) throw new DerError(`DER: ${what} out of range`);
  return content.reduce((acc, byte) => acc * 256 + byte, 0);
}

/** Lower-case hex of a non-negative INTEGER's magnitude, without leading zeros ("0" for zero). */
export function integerHex(tlv: Tlv | undefined, what: string): string {
  const { content } = expectTag(tlv, TAG.integer, what);
  if (content.length === 0) throw new DerError(`DER: ${what} is empty`);
  if (((content[0] as number) & 0x80) !== 0) throw new DerError(`DER: ${what} is negative`);
  return BigInt(`0x${content.toString('hex')}`).toString(16);
}

/** UTCTime (RFC 5280 §4.1.2.5.1 pivot: YY < 50 → 20YY) or GeneralizedTime, both in the DER form ending in Z. */
export function readTime(tlv: Tlv, what: string): Date {
  const text = tlv.content.toString('latin1');
  const match =
    tlv.tag === TAG.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : tlv.tag === TAG.generalizedTime
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text)
        : null;
  if (!match) throw new DerError(`DER: ${what} is not a UTCTime or GeneralizedTime in UTC`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fullYear = tlv.tag === TAG.utcTime ? (year < 50 ? 2000 + year : 1900 + year) : year;
  return new Date(Date.UTC(fullYear, month - 1, day, hour, minute, second));
}

// ---- writer ----

function lengthOctets(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One element from a tag and its already encoded contents. */
export function tlv(tag: number, ...contents: Buffer[]): Buffer {
  const body = contents.length === 1 ? (contents[0] as Buffer) : Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), lengthOctets(body.length), body]);
}

export const seq = (...items: Buffer[]): Buffer => tlv(TAG.sequence, ...items);
export const octetString = (value: Buffer): Buffer => tlv(TAG.octetString, value);
export const nullValue = (): Buffer => Buffer.from([TAG.null, 0]);

export function smallInteger(value: number): Buffer {
  if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) throw new RangeError('smallInteger: out of range');
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  if (bytes.length === 0 || ((bytes[0] as number) & 0x80) !== 0) bytes.unshift(0);
  return tlv(TAG.integer, Buffer.from(bytes));
}

export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const [a, b, ...rest] = arcs;
  if (a === undefined || b === undefined || arcs.some((n) => !Number.isSafeInteger(n) || n < 0)) throw new RangeError(`oid: ${dotted}`);
  const bytes: number[] = [];
  for (const arc of [a * 40 + b, ...rest]) {
    const group: number[] = [arc % 128];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) group.unshift(0x80 | (v % 128));
    bytes.push(...group);
  }
  return tlv(TAG.oid, Buffer.from(bytes));
}

/** AlgorithmIdentifier; `parameters` is the encoded parameters element, if any. */
export const algorithmIdentifier = (id: string, parameters?: Buffer): Buffer =>
  parameters ? seq(oid(id), parameters) : seq(oid(id));

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5652 §11.3), to the second. */
export function timeValue(at: Date): Buffer {
  const iso = at.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  const year = at.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? tlv(TAG.utcTime, Buffer.from(digits.slice(2), 'latin1'))
    : tlv(TAG.generalizedTime, Buffer.from(digits, 'latin1'));
}

import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal ZIP writer for crafting hostile archives in tests: every header field
 * can be made to lie. Not a general-purpose writer (no data descriptors, no ZIP64).
 */

export interface ZipEntrySpec {
  readonly name: string;
  readonly data?: Uint8Array | string;
  /** 0 stored, 8 deflated (default), anything else is written as given. */
  readonly method?: number;
  readonly flags?: number;
  /** Use these bytes as the entry's payload instead of compressing `data`. */
  readonly payload?: Uint8Array;
  /** Lie about the unpacked size, in both headers. */
  readonly declaredSize?: number;
  /** Lie about the unpacked size in the local header only. */
  readonly localDeclaredSize?: number;
  readonly crc?: number;
  readonly localExtra?: Uint8Array;
}

export interface CentralRecord {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  readonly extra?: Uint8Array;
}

export interface ZipOptions {
  readonly comment?: Uint8Array | string;
  /** Extra central-directory records, e.g. pointing into another entry's bytes. */
  readonly extraCentral?: readonly CentralRecord[];
  /** Override EOCD fields. */
  readonly eocd?: { readonly entries?: number; readonly cdSize?: number; readonly cdOffset?: number };
}

const bytesOf = (data: Uint8Array | string | undefined): Uint8Array =>
  data === undefined ? new Uint8Array(0) : typeof data === 'string' ? new TextEncoder().encode(data) : data;

export function localHeader(fields: Omit<CentralRecord, 'localHeaderOffset'>): Uint8Array {
  const name = new TextEncoder().encode(fields.name);
  const extra = fields.extra ?? new Uint8Array(0);
  const out = new Uint8Array(30 + name.length + extra.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x04034b50, true);
  dv.setUint16(4, 20, true);
  dv.setUint16(6, fields.flags, true);
  dv.setUint16(8, fields.method, true);
  dv.setUint32(14, fields.crc, true);
  dv.setUint32(18, fields.compressedSize, true);
  dv.setUint32(22, fields.uncompressedSize, true);
  dv.setUint16(26, name.length, true);
  dv.setUint16(28, extra.length, true);
  out.set(name, 30);
  out.set(extra, 30 + name.length);
  return out;
}

function centralHeader(record: CentralRecord): Uint8Array {
  const name = new TextEncoder().encode(record.name);
  const extra = record.extra ?? new Uint8Array(0);
  const out = new Uint8Array(46 + name.length + extra.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x02014b50, true);
  dv.setUint16(4, 20, true);
  dv.setUint16(6, 20, true);
  dv.setUint16(8, record.flags, true);
  dv.setUint16(10, record.method, true);
  dv.setUint32(16, record.crc, true);
  dv.setUint32(20, record.compressedSize, true);
  dv.setUint32(24, record.uncompressedSize, true);
  dv.setUint16(28, name.length, true);
  dv.setUint16(30, extra.length, true);
  dv.setUint32(42, record.localHeaderOffset, true);
  out.set(name, 46);
  out.set(extra, 46 + name.length);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function writeZip(entries: readonly ZipEntrySpec[], options: ZipOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: CentralRecord[] = [];
  let offset = 0;
  for (const spec of entries) {
    const data = bytesOf(spec.data);
    const method = spec.method ?? 8;
    const payload = spec.payload ?? (method === 8 ? deflateRawSync(data) : data);
    const record: CentralRecord = {
      name: spec.name,
      method,
      flags: spec.flags ?? 0,
      crc: spec.crc ?? crc32(data) >>> 0,
      compressedSize: payload.length,
      uncompressedSize: spec.declaredSize ?? data.length,
      localHeaderOffset: offset,
    };
    const header = localHeader({
      ...record,
      uncompressedSize: spec.localDeclaredSize ?? record.uncompressedSize,
      ...(spec.localExtra ? { extra: spec.localExtra } : {}),
    });
    parts.push(header, payload);
    central.push(record);
    offset += header.length + payload.length;
  }
  const cdOffset = offset;
  const cd = [...central, ...(options.extraCentral ?? [])].map(centralHeader);
  const cdSize = cd.reduce((n, p) => n + p.length, 0);
  const comment = bytesOf(options.comment);
  const eocd = new Uint8Array(22 + comment.length);
  const dv = new DataView(eocd.buffer);
  const count = options.eocd?.entries ?? cd.length;
  dv.setUint32(0, 0x06054b50, true);
  dv.setUint16(8, count, true);
  dv.setUint16(10, count, true);
  dv.setUint32(12, options.eocd?.cdSize ?? cdSize, true);
  dv.setUint32(16, options.eocd?.cdOffset ?? cdOffset, true);
  dv.setUint16(20, comment.length, true);
  eocd.set(comment, 22);
  return concat([...parts, ...cd, eocd]);
}

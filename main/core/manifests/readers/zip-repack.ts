import type { ZipEntry } from './zip-guard-directory';

/**
 * Writes the entries the zip guard has just unpacked and proven (sizes and
 * CRC-32) into a new archive of our own making, every entry STORED (method 0).
 * SheetJS is then handed this archive instead of the sender's:
 * - it no longer inflates everything a second time in JavaScript (the guard
 *   has already inflated it with zlib): a 100,000-line sheet is ~50 MB of XML;
 * - the parser differential zip-guard-directory.ts guards against is gone: the
 *   only archive SheetJS ever parses is one whose every header we wrote, holding
 *   exactly the bytes we checked.
 * Names keep their bytes (Latin-1 round trip, as zip-guard-directory decodes
 * them) and their order; flags keep only the UTF-8 name bit; no extra fields,
 * comments or data descriptors. Dates are 1980-01-01, which nothing reads.
 */

const sigLocal = 0x04034b50;
const sigCentral = 0x02014b50;
const sigEocd = 0x06054b50;
const localHeaderSize = 30;
const centralHeaderSize = 46;
const eocdSize = 22;
const versionNeeded = 20;
const flagUtf8Names = 0x0800;
/** DOS date 1980-01-01 (day 1, month 1, year 0). */
const dosDate = 0x0021;

export interface StoredArchiveWriter {
  /** The next entry's proven bytes, in the order of the entries given at the start. */
  add(entry: ZipEntry, data: Uint8Array): void;
  /** The finished archive; throws if an entry is missing or sizes differ from the declared ones. */
  finish(): Buffer;
}

/**
 * Sized from the declared sizes, which the guard has capped (maxUncompressedBytes)
 * before any inflating; each entry's real size is proven equal before it is added.
 * Memory is taken from the system as it is written, not at allocation.
 */
export function storedArchiveWriter(entries: readonly ZipEntry[]): StoredArchiveWriter {
  const names = entries.map((entry) => Buffer.from(entry.name, 'latin1'));
  let dataBytes = 0;
  let nameBytes = 0;
  entries.forEach((entry, index) => {
    dataBytes += entry.uncompressedSize;
    nameBytes += names[index]?.length ?? 0;
  });
  const total = entries.length * (localHeaderSize + centralHeaderSize) + 2 * nameBytes + dataBytes + eocdSize;
  // Every byte is written before the buffer leaves this module (checked in finish()).
  const out = Buffer.allocUnsafe(total);
  const offsets: number[] = [];
  let at = 0;

  return {
    add(entry, data) {
      const index = offsets.length;
      const name = names[index];
      if (entries[index] !== entry || !name || data.length !== entry.uncompressedSize) throw new Error('zip repack: entries out of order or resized');
      offsets.push(at);
      out.writeUInt32LE(sigLocal, at);
      out.writeUInt16LE(versionNeeded, at + 4);
      out.writeUInt16LE(entry.flags & flagUtf8Names, at + 6);
      out.writeUInt16LE(0, at + 8);
      out.writeUInt16LE(0, at + 10);
      out.writeUInt16LE(dosDate, at + 12);
      out.writeUInt32LE(entry.crc32 >>> 0, at + 14);
      out.writeUInt32LE(data.length, at + 18);
      out.writeUInt32LE(data.length, at + 22);
      out.writeUInt16LE(name.length, at + 26);
      out.writeUInt16LE(0, at + 28);
      name.copy(out, at + localHeaderSize);
      out.set(data, at + localHeaderSize + name.length);
      at += localHeaderSize + name.length + data.length;
    },
    finish() {
      if (offsets.length !== entries.length) throw new Error('zip repack: entries missing');
      const directoryStart = at;
      entries.forEach((entry, index) => {
        const name = names[index] as Buffer;
        out.writeUInt32LE(sigCentral, at);
        out.writeUInt16LE(versionNeeded, at + 4);
        out.writeUInt16LE(versionNeeded, at + 6);
        out.writeUInt16LE(entry.flags & flagUtf8Names, at + 8);
        out.writeUInt16LE(0, at + 10);
        out.writeUInt16LE(0, at + 12);
        out.writeUInt16LE(dosDate, at + 14);
        out.writeUInt32LE(entry.crc32 >>> 0, at + 16);
        out.writeUInt32LE(entry.uncompressedSize, at + 20);
        out.writeUInt32LE(entry.uncompressedSize, at + 24);
        out.writeUInt16LE(name.length, at + 28);
        out.writeUInt16LE(0, at + 30);
        out.writeUInt16LE(0, at + 32);
        out.writeUInt16LE(0, at + 34);
        out.writeUInt16LE(0, at + 36);
        out.writeUInt32LE(0, at + 38);
        out.writeUInt32LE(offsets[index] as number, at + 42);
        name.copy(out, at + centralHeaderSize);
        at += centralHeaderSize + name.length;
      });
      out.writeUInt32LE(sigEocd, at);
      out.writeUInt16LE(0, at + 4);
      out.writeUInt16LE(0, at + 6);
      out.writeUInt16LE(entries.length, at + 8);
      out.writeUInt16LE(entries.length, at + 10);
      out.writeUInt32LE(at - directoryStart, at + 12);
      out.writeUInt32LE(directoryStart, at + 16);
      out.writeUInt16LE(0, at + 20);
      at += eocdSize;
      if (at !== total) throw new Error('zip repack: size mismatch');
      return out;
    },
  };
}

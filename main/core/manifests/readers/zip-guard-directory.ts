import { ManifestFileRefused } from './zip-guard-refusal';

/**
 * Reads a ZIP archive's End Of Central Directory and central directory (PKWARE
 * APPNOTE 6.3), checking structure only; zip-guard.ts applies the limits.
 *
 * The hazard this module is shaped by is the parser differential: SheetJS reads the
 * archive again after us, so wherever the two could disagree about which bytes form
 * which entry, we refuse instead of guessing. In particular:
 * - SheetJS takes the LAST `PK\x05\x06` in the file as the EOCD; so do we.
 * - ZIP64 is refused ('ARCHIVE_UNSUPPORTED'): SheetJS ignores the ZIP64 end record
 *   (it would read 0xFFFF entries at offset 0xFFFFFFFF) and reads a ZIP64 extra field
 *   in a way that differs from the spec. No manifest within our limits (100 MB file,
 *   10,000 entries) needs ZIP64. A ZIP64 end record beside an EOCD holding real values
 *   is tolerated: both parsers then use the EOCD.
 * - Duplicate entry names are refused: which copy a parser keeps is its own choice.
 */

export interface ZipEntry {
  /** As stored, decoded byte by byte (Latin-1), which is how SheetJS matches names. */
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  /** Declared, not proven: zip-guard.ts inflates to check it. */
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** Where the central directory starts: entry data must end before it. */
  readonly centralDirectoryOffset: number;
}

const sigEocd = 0x06054b50;
const sigZip64Locator = 0x07064b50;
const sigCentral = 0x02014b50;
const eocdSize = 22;
const maxCommentLength = 0xffff;
const centralHeaderSize = 46;
export const zip64ExtraId = 0x0001;

export const isZipSignature = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/**
 * True when an extra field (a list of id/size/data blocks) holds a block with this id.
 * Walks the list exactly as SheetJS's parse_extra_field does, so both see the same blocks.
 */
export function extraHasBlock(extra: Uint8Array, id: number): boolean {
  const dv = view(extra);
  let at = 0;
  while (at + 4 <= extra.length) {
    if (dv.getUint16(at, true) === id) return true;
    at += 4 + dv.getUint16(at + 2, true);
  }
  return false;
}

function findEocd(bytes: Uint8Array, fileName: string): number {
  const dv = view(bytes);
  const lowest = Math.max(0, bytes.length - eocdSize - maxCommentLength);
  // From the very end, like SheetJS: a signature inside the last 22 bytes is the one it would use.
  for (let at = bytes.length - 4; at >= lowest; at--) {
    if (bytes[at] === 0x50 && dv.getUint32(at, true) === sigEocd) return at;
  }
  throw isZipSignature(bytes)
    ? new ManifestFileRefused('ARCHIVE_TRUNCATED', fileName, 'no end of central directory: the file is cut short')
    : new ManifestFileRefused(
        bytes.length === 0 ? 'ARCHIVE_TRUNCATED' : 'ARCHIVE_CORRUPT',
        fileName,
        bytes.length === 0 ? 'the file is empty' : 'not a ZIP archive',
      );
}

export function readZipDirectory(bytes: Uint8Array, fileName: string): ZipDirectory {
  const dv = view(bytes);
  const eocd = findEocd(bytes, fileName);
  const refuse = (reason: 'ARCHIVE_CORRUPT' | 'ARCHIVE_TRUNCATED' | 'ARCHIVE_UNSUPPORTED', detail: string, entry?: string) =>
    new ManifestFileRefused(reason, fileName, detail, entry);

  if (eocd + eocdSize > bytes.length) throw refuse('ARCHIVE_TRUNCATED', 'end of central directory is cut short');
  const disk = dv.getUint16(eocd + 4, true);
  const cdDisk = dv.getUint16(eocd + 6, true);
  const entriesHere = dv.getUint16(eocd + 8, true);
  const entriesTotal = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  const commentLength = dv.getUint16(eocd + 20, true);
  if (eocd + eocdSize + commentLength > bytes.length) throw refuse('ARCHIVE_TRUNCATED', 'archive comment is cut short');

  if (entriesTotal === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw refuse('ARCHIVE_UNSUPPORTED', 'ZIP64 archive');
  }
  if (disk !== 0 || cdDisk !== 0) throw refuse('ARCHIVE_UNSUPPORTED', 'multi-volume (split) archive');
  if (entriesHere !== entriesTotal) throw refuse('ARCHIVE_CORRUPT', 'entry counts disagree');

  // A ZIP64 locator, if present, sits right before the EOCD; the directory must end before either.
  const hasLocator = eocd >= 20 && dv.getUint32(eocd - 20, true) === sigZip64Locator;
  const cdLimit = hasLocator ? eocd - 20 : eocd;
  const cdEnd = cdOffset + cdSize;
  if (cdEnd > cdLimit) throw refuse('ARCHIVE_CORRUPT', 'central directory runs past its end record');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = cdOffset;
  for (let i = 0; i < entriesTotal; i++) {
    if (at + centralHeaderSize > cdEnd || dv.getUint32(at, true) !== sigCentral) {
      throw refuse('ARCHIVE_CORRUPT', `central directory entry ${i + 1} of ${entriesTotal} is damaged`);
    }
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLen = dv.getUint16(at + 32, true);
    const next = at + centralHeaderSize + nameLength + extraLength + commentLen;
    if (next > cdEnd) throw refuse('ARCHIVE_CORRUPT', `central directory entry ${i + 1} overruns the directory`);
    const name = latin1(bytes.subarray(at + centralHeaderSize, at + centralHeaderSize + nameLength));
    const extra = bytes.subarray(at + centralHeaderSize + nameLength, at + centralHeaderSize + nameLength + extraLength);
    const entry: ZipEntry = {
      name,
      flags: dv.getUint16(at + 8, true),
      method: dv.getUint16(at + 10, true),
      crc32: dv.getUint32(at + 16, true),
      compressedSize: dv.getUint32(at + 20, true),
      uncompressedSize: dv.getUint32(at + 24, true),
      localHeaderOffset: dv.getUint32(at + 42, true),
    };
    if (
      entry.compressedSize === 0xffffffff ||
      entry.uncompressedSize === 0xffffffff ||
      entry.localHeaderOffset === 0xffffffff ||
      extraHasBlock(extra, zip64ExtraId)
    ) {
      throw refuse('ARCHIVE_UNSUPPORTED', 'ZIP64 entry', name);
    }
    if (dv.getUint16(at + 34, true) !== 0) throw refuse('ARCHIVE_UNSUPPORTED', 'entry on another volume', name);
    if (names.has(name)) throw refuse('ARCHIVE_CORRUPT', 'the same entry name appears twice', name);
    names.add(name);
    entries.push(entry);
    at = next;
  }
  return { entries, centralDirectoryOffset: cdOffset };
}

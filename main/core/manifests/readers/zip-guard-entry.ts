import { inflateRaw, inflateRawSync, type ZlibOptions } from 'node:zlib';
import { extraHasBlock, latin1, view, zip64ExtraId, type ZipDirectory, type ZipEntry } from './zip-guard-directory';
import { ManifestFileRefused } from './zip-guard-refusal';

/**
 * Finds an entry's bytes through its local header and unpacks them with a hard
 * output limit. SheetJS trusts the LOCAL header (sizes, method, ZIP64 extra) where
 * we read the central directory, so every field both could use must agree, or the
 * archive is refused: otherwise the bytes we checked are not the bytes it parses.
 */

export interface EntrySpan {
  readonly headerStart: number;
  readonly dataStart: number;
  readonly dataEnd: number;
}

const sigLocal = 0x04034b50;
const localHeaderSize = 30;
const flagEncrypted = 0x0001;
const flagDataDescriptor = 0x0008;
/** Bits SheetJS treats as encryption: traditional, strong, and encrypted central directory. */
export const encryptionFlags = 0x2041;

export function locateEntry(bytes: Uint8Array, entry: ZipEntry, directory: ZipDirectory, fileName: string): EntrySpan {
  const corrupt = (detail: string) => new ManifestFileRefused('ARCHIVE_CORRUPT', fileName, detail, entry.name);
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + localHeaderSize > directory.centralDirectoryOffset || dv.getUint32(at, true) !== sigLocal) {
    throw corrupt('local header missing where the directory points');
  }
  const flags = dv.getUint16(at + 6, true);
  const method = dv.getUint16(at + 8, true);
  const crc = dv.getUint32(at + 14, true);
  const compressed = dv.getUint32(at + 18, true);
  const uncompressed = dv.getUint32(at + 22, true);
  const nameLength = dv.getUint16(at + 26, true);
  const extraLength = dv.getUint16(at + 28, true);
  const dataStart = at + localHeaderSize + nameLength + extraLength;
  if (dataStart > directory.centralDirectoryOffset) throw corrupt('local header overruns the archive');
  const name = latin1(bytes.subarray(at + localHeaderSize, at + localHeaderSize + nameLength));
  const extra = bytes.subarray(at + localHeaderSize + nameLength, dataStart);

  if (name !== entry.name) throw corrupt(`local header names "${name}"`);
  if (method !== entry.method) throw corrupt('local and central compression methods differ');
  if ((flags & encryptionFlags) !== (entry.flags & encryptionFlags)) throw corrupt('local and central encryption flags differ');
  if (extraHasBlock(extra, zip64ExtraId)) {
    throw new ManifestFileRefused('ARCHIVE_UNSUPPORTED', fileName, 'ZIP64 local header', entry.name);
  }
  if (flags & flagDataDescriptor) {
    // SheetJS finds a deflated entry's end by inflating, but for a STORED entry with
    // a data descriptor it would read zero bytes and then misparse what follows.
    if (method === 0) throw new ManifestFileRefused('ARCHIVE_UNSUPPORTED', fileName, 'stored entry with a data descriptor', entry.name);
  } else if (compressed !== entry.compressedSize || uncompressed !== entry.uncompressedSize || crc !== entry.crc32) {
    throw corrupt('local and central sizes or checksums differ');
  }
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > directory.centralDirectoryOffset) throw corrupt('entry data runs into the central directory');
  return { headerStart: at, dataStart, dataEnd };
}

/** Entries whose bytes overlap (the "overlapping files" ZIP bomb, or plain damage). */
export function assertNoOverlap(spans: readonly { entry: ZipEntry; span: EntrySpan }[], fileName: string): void {
  const sorted = [...spans].sort((a, b) => a.span.headerStart - b.span.headerStart);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous && current && current.span.headerStart < previous.span.dataEnd) {
      throw new ManifestFileRefused('ARCHIVE_CORRUPT', fileName, 'two entries share the same bytes', current.entry.name);
    }
  }
}

export const isEncrypted = (entry: ZipEntry): boolean => (entry.flags & encryptionFlags) !== 0 || entry.method === 99;

/** zlib writes an entry of up to this size into one buffer, in one pass (no chunks to join). */
const maxChunkBytes = 64 * 1024 * 1024;

function inflateOptions(maxBytes: number): ZlibOptions {
  // maxOutputLength must be at least 1; an empty entry's stream inflates to 0 bytes.
  return { maxOutputLength: Math.max(1, maxBytes), chunkSize: Math.max(64, Math.min(maxBytes, maxChunkBytes)) };
}

function inflateRefusal(error: unknown, entry: ZipEntry, fileName: string, maxBytes: number): ManifestFileRefused {
  const tooLarge = (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
  return new ManifestFileRefused('ARCHIVE_CORRUPT', fileName, tooLarge ? `inflates to more than ${maxBytes} bytes` : 'compressed data is damaged', entry.name);
}

/** A stored entry's bytes, or null when it is deflated; refuses what cannot be unpacked. */
function storedOrDeflated(bytes: Uint8Array, entry: ZipEntry, span: EntrySpan, fileName: string, maxBytes: number): Uint8Array | null {
  const data = bytes.subarray(span.dataStart, span.dataEnd);
  if (entry.flags & flagEncrypted) throw new ManifestFileRefused('ENCRYPTED', fileName, 'encrypted entry', entry.name);
  switch (entry.method) {
    case 0:
      if (data.length > maxBytes) {
        throw new ManifestFileRefused('ARCHIVE_CORRUPT', fileName, `stored entry is longer than ${maxBytes} bytes`, entry.name);
      }
      return data;
    case 8:
      return null;
    default:
      throw new ManifestFileRefused('ARCHIVE_UNSUPPORTED', fileName, `compression method ${entry.method}`, entry.name);
  }
}

/**
 * The entry's unpacked bytes, never more than `maxBytes`: past that, zlib stops
 * and we refuse, so a lying declared size cannot make us allocate a bomb's output.
 */
export function unpackEntry(bytes: Uint8Array, entry: ZipEntry, span: EntrySpan, fileName: string, maxBytes: number): Uint8Array {
  const stored = storedOrDeflated(bytes, entry, span, fileName, maxBytes);
  if (stored) return stored;
  try {
    return inflateRawSync(bytes.subarray(span.dataStart, span.dataEnd), inflateOptions(maxBytes));
  } catch (error) {
    throw inflateRefusal(error, entry, fileName, maxBytes);
  }
}

/**
 * The same, unpacked on libuv's thread pool: the caller's thread goes on with
 * other work meanwhile. Same limit, same refusals.
 */
export function unpackEntryAsync(bytes: Uint8Array, entry: ZipEntry, span: EntrySpan, fileName: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const stored = storedOrDeflated(bytes, entry, span, fileName, maxBytes);
    if (stored) return Promise.resolve(stored);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    inflateRaw(bytes.subarray(span.dataStart, span.dataEnd), inflateOptions(maxBytes), (error, data) => {
      if (error) reject(inflateRefusal(error, entry, fileName, maxBytes));
      else resolve(data);
    });
  });
}

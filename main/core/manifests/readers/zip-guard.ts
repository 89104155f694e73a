import { crc32 } from 'node:zlib';
import { readZipDirectory, type ZipEntry } from './zip-guard-directory';
import { assertNoOverlap, isEncrypted, locateEntry, unpackEntry, type EntrySpan } from './zip-guard-entry';
import { ManifestFileRefused } from './zip-guard-refusal';

/**
 * The gate every .xlsx and .ods passes before SheetJS sees it. Files come on USB
 * sticks from outside the service; SheetJS inflates whatever an archive holds, all
 * in memory, with no limit, so a 200 KB ZIP bomb would take the workstation down
 * in the middle of a vessel's clearance.
 *
 * Declared sizes are checked first (cheap), then every entry is actually unpacked
 * with zlib's maxOutputLength set to its declared size: the real size can then never
 * exceed the declared one, and the declared total is capped, so the real total is.
 * CRC-32 is checked too (zlib.crc32, Node >= 20.15): a damaged copy is refused here
 * with a clear reason instead of failing somewhere inside the parser.
 */

export interface ZipGuardLimits {
  /** The file as received. */
  readonly maxFileBytes: number;
  /** Sum of all entries' declared (and, by construction, real) unpacked sizes. */
  readonly maxUncompressedBytes: number;
  readonly maxEntries: number;
  /** Largest unpacked:packed ratio allowed for an entry bigger than ratioAppliesAboveBytes. */
  readonly maxRatio: number;
  /**
   * Small entries compress absurdly well legitimately (a 1 KB run of spaces); only
   * big ones are worth suspecting. Real sheet XML compresses 10-50:1.
   */
  readonly ratioAppliesAboveBytes: number;
}

const megabyte = 1024 * 1024;

export const defaultZipGuardLimits: ZipGuardLimits = {
  maxFileBytes: 100 * megabyte,
  maxUncompressedBytes: 500 * megabyte,
  maxEntries: 10_000,
  maxRatio: 200,
  ratioAppliesAboveBytes: megabyte,
};

export interface ZipInspection {
  readonly entries: readonly ZipEntry[];
  /** Proven by unpacking, not merely declared. */
  readonly uncompressedBytes: number;
}

function checkDeclared(entries: readonly ZipEntry[], fileName: string, limits: ZipGuardLimits): void {
  if (entries.length > limits.maxEntries) {
    throw new ManifestFileRefused('TOO_MANY_ENTRIES', fileName, `${entries.length} entries (limit ${limits.maxEntries})`);
  }
  let total = 0;
  for (const entry of entries) {
    if (isEncrypted(entry)) throw new ManifestFileRefused('ENCRYPTED', fileName, 'password-protected entry', entry.name);
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ManifestFileRefused('ARCHIVE_UNSUPPORTED', fileName, `compression method ${entry.method}`, entry.name);
    }
    total += entry.uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw new ManifestFileRefused(
        'ARCHIVE_TOO_LARGE_UNCOMPRESSED',
        fileName,
        `unpacks to more than ${limits.maxUncompressedBytes} bytes`,
        entry.name,
      );
    }
    if (entry.uncompressedSize > limits.ratioAppliesAboveBytes && entry.uncompressedSize > entry.compressedSize * limits.maxRatio) {
      throw new ManifestFileRefused(
        'ARCHIVE_TOO_LARGE_UNCOMPRESSED',
        fileName,
        `entry expands ${entry.compressedSize} → ${entry.uncompressedSize} bytes (over ${limits.maxRatio}:1)`,
        entry.name,
      );
    }
  }
}

/**
 * Returns the archive's entries when it is safe to hand to SheetJS; throws
 * ManifestFileRefused otherwise. Pure: reads only `bytes`.
 */
export function guardZipArchive(
  bytes: Uint8Array,
  fileName: string,
  limits: ZipGuardLimits = defaultZipGuardLimits,
): ZipInspection {
  if (bytes.length > limits.maxFileBytes) {
    throw new ManifestFileRefused('TOO_LARGE', fileName, `${bytes.length} bytes (limit ${limits.maxFileBytes})`);
  }
  const directory = readZipDirectory(bytes, fileName);
  checkDeclared(directory.entries, fileName, limits);

  const spans: { entry: ZipEntry; span: EntrySpan }[] = directory.entries.map((entry) => ({
    entry,
    span: locateEntry(bytes, entry, directory, fileName),
  }));
  assertNoOverlap(spans, fileName);

  let uncompressedBytes = 0;
  for (const { entry, span } of spans) {
    const data = unpackEntry(bytes, entry, span, fileName, entry.uncompressedSize);
    if (data.length !== entry.uncompressedSize) {
      throw new ManifestFileRefused('ARCHIVE_CORRUPT', fileName, `unpacks to ${data.length} bytes, declares ${entry.uncompressedSize}`, entry.name);
    }
    if (crc32(data) >>> 0 !== entry.crc32) {
      throw new ManifestFileRefused('ARCHIVE_CORRUPT', fileName, 'checksum mismatch', entry.name);
    }
    uncompressedBytes += data.length;
  }
  return { entries: directory.entries, uncompressedBytes };
}

import { crc32 } from 'node:zlib';
import { readZipDirectory, type ZipEntry } from './zip-guard-directory';
import { assertNoOverlap, isEncrypted, locateEntry, unpackEntry, unpackEntryAsync, type EntrySpan } from './zip-guard-entry';
import { ManifestFileRefused } from './zip-guard-refusal';
import { storedArchiveWriter } from './zip-repack';

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
  /** With `repack`: the proven entries, stored uncompressed in an archive we wrote (zip-repack.ts). */
  readonly stored?: Buffer;
}

export interface ZipGuardOptions {
  /** Keep what was unpacked, as a stored archive for SheetJS, instead of unpacking it twice. */
  readonly repack?: boolean;
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

interface GuardedEntries {
  readonly entries: readonly ZipEntry[];
  readonly spans: readonly { readonly entry: ZipEntry; readonly span: EntrySpan }[];
}

/** Everything but the unpacking: size, directory, declared sizes and methods, local headers, overlaps. */
function checkStructure(bytes: Uint8Array, fileName: string, limits: ZipGuardLimits): GuardedEntries {
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
  return { entries: directory.entries, spans };
}

/** An entry's unpacked bytes must be exactly what the directory declares, checksum included. */
function checkUnpacked(entry: ZipEntry, data: Uint8Array, fileName: string): void {
  if (data.length !== entry.uncompressedSize) {
    throw new ManifestFileRefused('ARCHIVE_CORRUPT', fileName, `unpacks to ${data.length} bytes, declares ${entry.uncompressedSize}`, entry.name);
  }
  if (crc32(data) >>> 0 !== entry.crc32) {
    throw new ManifestFileRefused('ARCHIVE_CORRUPT', fileName, 'checksum mismatch', entry.name);
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
  options: ZipGuardOptions = {},
): ZipInspection {
  const { entries, spans } = checkStructure(bytes, fileName, limits);
  // Sized by the declared sizes, capped above; each entry is added only once its real size and CRC match them.
  const repack = options.repack ? storedArchiveWriter(entries) : null;
  let uncompressedBytes = 0;
  for (const { entry, span } of spans) {
    const data = unpackEntry(bytes, entry, span, fileName, entry.uncompressedSize);
    checkUnpacked(entry, data, fileName);
    uncompressedBytes += data.length;
    repack?.add(entry, data);
  }
  return { entries, uncompressedBytes, ...(repack ? { stored: repack.finish() } : {}) };
}

/** Declared bytes being unpacked at once by guardZipArchiveAsync (at least one entry, whatever its size). */
const asyncBudgetBytes = 96 * 1024 * 1024;

/**
 * guardZipArchive with the unpacking on libuv's thread pool, so the calling
 * thread can do other work meanwhile (the import worker compiles SheetJS).
 * The same checks in the same order and the same refusals; entries are taken
 * in directory order, a few at a time (asyncBudgetBytes), and each is checked
 * and dropped before the next is looked at.
 */
export async function guardZipArchiveAsync(
  bytes: Uint8Array,
  fileName: string,
  limits: ZipGuardLimits = defaultZipGuardLimits,
  options: ZipGuardOptions = {},
): Promise<ZipInspection> {
  const { entries, spans } = checkStructure(bytes, fileName, limits);
  const repack = options.repack ? storedArchiveWriter(entries) : null;
  // Settled results, so an entry failing while an earlier one is awaited is never an unhandled rejection.
  const unpacking: (Promise<{ data: Uint8Array } | { error: unknown }> | undefined)[] = [];
  let started = 0;
  let inFlight = 0;
  const start = (done: number) => {
    while (started < spans.length && (started === done || inFlight + (spans[started]?.entry.uncompressedSize ?? 0) <= asyncBudgetBytes)) {
      const { entry, span } = spans[started] as (typeof spans)[number];
      unpacking[started] = unpackEntryAsync(bytes, entry, span, fileName, entry.uncompressedSize).then(
        (data) => ({ data }),
        (error: unknown) => ({ error }),
      );
      inFlight += entry.uncompressedSize;
      started += 1;
    }
  };
  let uncompressedBytes = 0;
  for (let index = 0; index < spans.length; index += 1) {
    start(index);
    const { entry } = spans[index] as (typeof spans)[number];
    const result = await (unpacking[index] as NonNullable<(typeof unpacking)[number]>);
    unpacking[index] = undefined;
    inFlight -= entry.uncompressedSize;
    if ('error' in result) throw result.error;
    checkUnpacked(entry, result.data, fileName);
    uncompressedBytes += result.data.length;
    repack?.add(entry, result.data);
  }
  return { entries, uncompressedBytes, ...(repack ? { stored: repack.finish() } : {}) };
}

/**
 * Why a manifest file was refused before (or while) a parser looked at it. The
 * codes are stable: the importer turns them into the officer's message (catalogue
 * key `refusal.<reason>`), which names the file and, where it helps, the entry.
 */
export const refusalReasons = [
  /** The file itself is bigger than the import limit. */
  'TOO_LARGE',
  /** The archive would unpack to more than the cap, or one entry compresses absurdly well (a ZIP bomb). */
  'ARCHIVE_TOO_LARGE_UNCOMPRESSED',
  /** Sizes, offsets, checksums or headers contradict each other, or an entry does not inflate. */
  'ARCHIVE_CORRUPT',
  /** The end of the archive is missing: typically a copy from a USB stick pulled out too early. */
  'ARCHIVE_TRUNCATED',
  'TOO_MANY_ENTRIES',
  /** Password-protected: ZIP encryption, or a password-protected Excel workbook. */
  'ENCRYPTED',
  /** Valid ZIP features we do not accept: ZIP64, multi-disk, compression other than stored/deflate. */
  'ARCHIVE_UNSUPPORTED',
  /** The spreadsheet parser could not read a file that passed every check above. */
  'UNREADABLE',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export class ManifestFileRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    /** The file's name as the officer chose it, for the message; never a full path from elsewhere. */
    readonly fileName: string,
    /** English detail for the log and the CLI (an entry name, sizes); no cell content. */
    detail: string,
    /** The archive entry concerned, when there is one. */
    readonly entry?: string,
  ) {
    super(`${fileName}: ${detail}`);
    this.name = 'ManifestFileRefused';
  }
}

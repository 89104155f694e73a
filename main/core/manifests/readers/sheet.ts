import { sheetJs, type SheetJs as XLSX } from './sheetjs';
import { type RawTable } from '../../../../shared/domain/manifest';
import { isOle2 } from './detect-ole2';
import { cellText } from './sheet-cell-text';
import { fillMergedRows, rowsTouchedByMerges } from './sheet-merges';
import { isZipSignature } from './zip-guard-directory';
import { defaultZipGuardLimits, guardZipArchive, type ZipGuardLimits } from './zip-guard';
import { ManifestFileRefused } from './zip-guard-refusal';

/**
 * Reads a workbook (.xlsx, .xls, .ods) into one RawTable per sheet that holds
 * anything. Which sheet is the manifest is the mapper's decision: carriers put a
 * summary first, the manifest second, lookup lists in hidden sheets.
 *
 * SheetJS options, each chosen for safety or speed:
 * - type 'array' (.xls) / 'buffer' (the guard's repacked .xlsx/.ods): bytes in,
 *   no copy to a binary string; a Buffer's entries are sliced without copying.
 * - dense: rows as arrays; the documented fast path for 100k-row manifests.
 * - cellText: false: no display text is formatted per cell (the import's largest
 *   cost); sheet-cell-text.ts prints values itself, formatting only code-like numbers.
 * - cellNF: true: keeps each number's format string, which that needs (cheap).
 * - cellDates: true: date-formatted numbers come back as dates, in any format.
 * - cellFormula: false: formulas are never read, let alone evaluated; their cached
 *   results are the values. A formula can be made to show anything, or call out
 *   (HYPERLINK, WEBSERVICE): the officer sees what the sender's Excel computed.
 * - cellHTML: false, cellStyles: false: no HTML rendition, no style objects.
 * - sheetStubs: false: empty formatted cells are not materialised (a formatted
 *   column A:A would otherwise be a million cells).
 * - bookVBA: false: macros are never extracted.
 * - password: never given; encrypted workbooks are refused as ENCRYPTED.
 *
 * .xlsx/.ods pass the zip guard here, whatever the caller did before: SheetJS
 * inflates every entry in memory without limits, so this is the last safe place.
 * The guard unpacks every entry anyway (capped, CRC-checked); SheetJS then reads
 * those proven bytes from a stored archive the guard wrote (zip-repack.ts), never
 * the sender's archive, and never inflates anything itself.
 */

export type SheetVisibility = 'visible' | 'hidden' | 'very-hidden' | 'unknown';

export interface WorkbookTable extends RawTable {
  /**
   * Excel and LibreOffice hide sheets; "very hidden" (Excel, only via VBA) is unusual
   * enough to mention. SheetJS does not report it for .ods: 'unknown'.
   */
  readonly visibility: SheetVisibility;
}

export interface WorkbookRead {
  readonly tables: readonly WorkbookTable[];
}

export interface ReadWorkbookOptions {
  /** For refusal messages. */
  readonly fileName?: string;
  /** maxFileBytes applies to every format; the rest to .xlsx/.ods archives. */
  readonly limits?: ZipGuardLimits;
}

/**
 * An .xlsx/.ods the zip guard has passed already, with its repacked archive
 * (guardZipArchiveAsync on these very bytes, with the default limits): the
 * import worker guards while SheetJS loads. Only readWorkbookSheets takes it.
 */
export interface GuardedArchive {
  readonly stored: Buffer;
}

/** The zip guard's work for readSheets, done already (see GuardedArchive) or done now. */
function guardedInput(bytes: Uint8Array, fileName: string, limits: ZipGuardLimits, guarded: GuardedArchive | undefined): Buffer {
  if (guarded) return guarded.stored;
  const { stored } = guardZipArchive(bytes, fileName, limits, { repack: true });
  if (!stored) throw new ManifestFileRefused('UNREADABLE', fileName, 'the archive could not be repacked');
  return stored;
}

const sheetJsOptions: XLSX.ParsingOptions = {
  type: 'array',
  dense: true,
  cellText: false,
  cellNF: true,
  cellDates: true,
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
  bookDeps: false,
  bookFiles: false,
  WTF: false,
};

function visibilityOf(workbook: XLSX.WorkBook, index: number): SheetVisibility {
  const hidden: unknown = workbook.Workbook?.Sheets?.[index]?.Hidden;
  switch (hidden) {
    case 0:
      return 'visible';
    case 1:
      return 'hidden';
    case 2:
      return 'very-hidden';
    default:
      return 'unknown';
  }
}

/**
 * One sheet's rows as text, converted when asked for. A 100,000-row manifest is
 * read a chunk at a time while the chunks before it are stored, instead of
 * being turned into text whole first. Rows are exactly what the eager reading
 * gave (readWorkbook): merged cells filled, trailing empty cells and rows
 * dropped. The rows a merge touches are converted and filled up front (merges
 * read and write only those); the rest are converted on each call.
 */
export interface SheetRows {
  readonly sheet: string;
  readonly visibility: SheetVisibility;
  /** Rows up to the last that holds anything. */
  readonly length: number;
  /** Row `index` (0-based); a fresh array from each call, the caller may keep it. */
  row(index: number): string[];
}

function convertRow(cells: (XLSX.CellObject | undefined)[] | undefined, date1904: boolean): string[] {
  const row: string[] = [];
  if (cells) {
    // Dense rows can have holes; index, do not iterate.
    for (let c = 0; c < cells.length; c++) row.push(cellText(cells[c], date1904));
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
  }
  return row;
}

/** The length convertRow would give, converting only the cells at the end. */
function convertedLength(cells: (XLSX.CellObject | undefined)[] | undefined, date1904: boolean): number {
  if (!cells) return 0;
  for (let c = cells.length - 1; c >= 0; c--) if (cellText(cells[c], date1904) !== '') return c + 1;
  return 0;
}

function sheetRows(name: string, visibility: SheetVisibility, sheet: XLSX.WorkSheet, date1904: boolean): SheetRows {
  const data: (XLSX.CellObject[] | undefined)[] = sheet['!data'] ?? [];
  const merges = sheet['!merges'] ?? [];
  // Rows a merge touches: converted now, filled as fillMergedCells fills a whole sheet.
  const filled = new Map<number, string[]>();
  if (merges.length > 0) {
    const touched = rowsTouchedByMerges(merges, data.length);
    let width = 0;
    for (let r = 0; r < data.length; r++) {
      if (touched[r]) {
        const row = convertRow(data[r], date1904);
        filled.set(r, row);
        width = Math.max(width, row.length);
      } else {
        width = Math.max(width, convertedLength(data[r], date1904));
      }
    }
    fillMergedRows((r) => filled.get(r), data.length, width, merges);
  }
  const isEmpty = (r: number) => (filled.get(r)?.length ?? convertedLength(data[r], date1904)) === 0;
  let length = data.length;
  while (length > 0 && isEmpty(length - 1)) length -= 1;
  return {
    sheet: name,
    visibility,
    length,
    row(index) {
      if (index < 0 || index >= length) return [];
      const row = filled.get(index);
      return row ? [...row] : convertRow(data[index], date1904);
    },
  };
}

function parse(bytes: Uint8Array, fileName: string): XLSX.WorkBook {
  try {
    return sheetJs().read(bytes, Buffer.isBuffer(bytes) ? { ...sheetJsOptions, type: 'buffer' } : sheetJsOptions);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // SheetJS: "File is password-protected", "Unsupported ZIP encryption", "ECMA-376 Encrypted file ...".
    if (/password|encrypt/i.test(message)) throw new ManifestFileRefused('ENCRYPTED', fileName, message);
    throw new ManifestFileRefused('UNREADABLE', fileName, message);
  }
}

function readSheets(bytes: Uint8Array, format: 'xlsx' | 'xls' | 'ods', options: ReadWorkbookOptions, guarded?: GuardedArchive): SheetRows[] {
  const fileName = options.fileName ?? `(${format})`;
  // SheetJS guesses the format itself and falls back to reading anything as CSV;
  // only the container we detected may reach it.
  const container = format === 'xls' ? isOle2(bytes) : isZipSignature(bytes);
  if (!container) throw new ManifestFileRefused('UNREADABLE', fileName, `content is not ${format}`);
  const limits = options.limits ?? defaultZipGuardLimits;
  let sheetJsInput: Uint8Array = bytes;
  if (format === 'xls') {
    // BIFF is not compressed: memory follows the file size, so the file limit is the cap.
    if (bytes.length > limits.maxFileBytes) {
      throw new ManifestFileRefused('TOO_LARGE', fileName, `${bytes.length} bytes (limit ${limits.maxFileBytes})`);
    }
  } else {
    sheetJsInput = guardedInput(bytes, fileName, limits, guarded);
  }

  const workbook = parse(sheetJsInput, fileName);
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const sheets: SheetRows[] = [];
  workbook.SheetNames.forEach((name, index) => {
    const sheet = workbook.Sheets[name];
    if (!sheet) return;
    const rows = sheetRows(name, visibilityOf(workbook, index), sheet, date1904);
    if (rows.length > 0) sheets.push(rows);
  });
  return sheets;
}

/** Every sheet that holds anything, its rows converted as they are asked for (see SheetRows). */
export function readWorkbookSheets(
  bytes: Uint8Array,
  format: 'xlsx' | 'xls' | 'ods',
  options: ReadWorkbookOptions = {},
  guarded?: GuardedArchive,
): readonly SheetRows[] {
  return readSheets(bytes, format, options, guarded);
}

/** Every sheet that holds anything, with all its rows as text. */
export function readWorkbook(bytes: Uint8Array, format: 'xlsx' | 'xls' | 'ods', options: ReadWorkbookOptions = {}): WorkbookRead {
  return {
    tables: readSheets(bytes, format, options).map(({ sheet, visibility, length, row }) => ({
      sheet,
      rows: Array.from({ length }, (_, index) => row(index)),
      visibility,
    })),
  };
}

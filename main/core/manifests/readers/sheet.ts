import * as XLSX from 'xlsx';
import { type RawTable } from '../../../../shared/domain/manifest';
import { isOle2 } from './detect-ole2';
import { cellText } from './sheet-cell-text';
import { fillMergedCells } from './sheet-merges';
import { isZipSignature } from './zip-guard-directory';
import { defaultZipGuardLimits, guardZipArchive, type ZipGuardLimits } from './zip-guard';
import { ManifestFileRefused } from './zip-guard-refusal';

/**
 * Reads a workbook (.xlsx, .xls, .ods) into one RawTable per sheet that holds
 * anything. Which sheet is the manifest is the mapper's decision: carriers put a
 * summary first, the manifest second, lookup lists in hidden sheets.
 *
 * SheetJS options, each chosen for safety or speed:
 * - type 'array': a Uint8Array in, no copy to a binary string.
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

function sheetRows(sheet: XLSX.WorkSheet, date1904: boolean): string[][] {
  const data: (XLSX.CellObject[] | undefined)[] = sheet['!data'] ?? [];
  const rows: string[][] = [];
  for (let r = 0; r < data.length; r++) {
    const cells = data[r];
    const row: string[] = [];
    if (cells) {
      // Dense rows can have holes; index, do not iterate.
      for (let c = 0; c < cells.length; c++) row.push(cellText(cells[c], date1904));
      while (row.length > 0 && row[row.length - 1] === '') row.pop();
    }
    rows.push(row);
  }
  fillMergedCells(rows, sheet['!merges'] ?? []);
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}

function parse(bytes: Uint8Array, fileName: string): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, sheetJsOptions);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // SheetJS: "File is password-protected", "Unsupported ZIP encryption", "ECMA-376 Encrypted file ...".
    if (/password|encrypt/i.test(message)) throw new ManifestFileRefused('ENCRYPTED', fileName, message);
    throw new ManifestFileRefused('UNREADABLE', fileName, message);
  }
}

export function readWorkbook(bytes: Uint8Array, format: 'xlsx' | 'xls' | 'ods', options: ReadWorkbookOptions = {}): WorkbookRead {
  const fileName = options.fileName ?? `(${format})`;
  // SheetJS guesses the format itself and falls back to reading anything as CSV;
  // only the container we detected may reach it.
  const container = format === 'xls' ? isOle2(bytes) : isZipSignature(bytes);
  if (!container) throw new ManifestFileRefused('UNREADABLE', fileName, `content is not ${format}`);
  const limits = options.limits ?? defaultZipGuardLimits;
  if (format === 'xls') {
    // BIFF is not compressed: memory follows the file size, so the file limit is the cap.
    if (bytes.length > limits.maxFileBytes) {
      throw new ManifestFileRefused('TOO_LARGE', fileName, `${bytes.length} bytes (limit ${limits.maxFileBytes})`);
    }
  } else {
    guardZipArchive(bytes, fileName, limits);
  }

  const workbook = parse(bytes, fileName);
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const tables: WorkbookTable[] = [];
  workbook.SheetNames.forEach((name, index) => {
    const sheet = workbook.Sheets[name];
    if (!sheet) return;
    const rows = sheetRows(sheet, date1904);
    if (rows.length === 0) return;
    tables.push({ sheet: name, rows, visibility: visibilityOf(workbook, index) });
  });
  return { tables };
}

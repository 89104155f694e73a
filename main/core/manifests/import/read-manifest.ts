import { createHash } from 'node:crypto';
import type { ManifestFormat, ManifestHeaderInput, ManifestLineInput, Problem, RawTable } from '../../../../shared/domain/manifest';
import { sumDecimals } from '../../../../shared/domain/decimal-text';
import { DomainError } from '../../../../shared/ipc/errors';
import type { ConsignmentRecord, ParsedManifest } from '../consignment';
import { findHeader, mapHeaderRow, type HeaderGuess, type SavedMapping } from '../mapping/header-detect';
import { columnLetter, rowsToLines } from '../mapping/rows-to-lines';
import { normaliseHeader } from '../mapping/synonyms';
import { readTitleBlock } from '../mapping/title-block';
import { readDelimitedText } from '../readers/csv';
import { readCuscar } from '../readers/cuscar';
import { CuscarUnreadable } from '../readers/cuscar/errors';
import { detectFormat } from '../readers/detect';
import { readWorkbook } from '../readers/sheet';
import { ManifestFileRefused } from '../readers/zip-guard-refusal';
import { locodes } from '../reference';
import { guessDecimalSeparator, validateHeader, validateLine } from '../validate/validate-line';
import { refuse } from './refusal';

export interface ReadRequest {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly savedMappings: Readonly<Record<string, SavedMapping>>;
  readonly override?: SavedMapping;
  readonly sender?: string;
}

export type ProgressReporter = (stage: 'reading' | 'mapping' | 'validating', done: number, total: number) => void;

/** The refusals of the readers, as the stable codes the UI and CLI translate. */
function translateRefusal(error: unknown, fileName: string): never {
  if (error instanceof ManifestFileRefused) {
    const code = (
      {
        TOO_LARGE: 'FILE_TOO_LARGE',
        ARCHIVE_TOO_LARGE_UNCOMPRESSED: 'ARCHIVE_TOO_LARGE',
        TOO_MANY_ENTRIES: 'ARCHIVE_TOO_LARGE',
        ARCHIVE_CORRUPT: 'FILE_CORRUPT',
        ARCHIVE_TRUNCATED: 'FILE_TRUNCATED',
        ENCRYPTED: 'FILE_ENCRYPTED',
        ARCHIVE_UNSUPPORTED: 'FILE_UNRECOGNISED',
        UNREADABLE: 'FILE_CORRUPT',
      } as const
    )[error.reason as 'TOO_LARGE'] ?? 'FILE_CORRUPT';
    throw refuse(code, fileName, error.message, { limitMb: 100 });
  }
  if (error instanceof CuscarUnreadable) {
    const code = (
      { NOT_EDIFACT: 'FILE_UNRECOGNISED', EMPTY: 'FILE_EMPTY', TRUNCATED: 'FILE_TRUNCATED', NOT_CUSCAR: 'EDIFACT_NOT_CUSCAR' } as const
    )[error.reason as 'EMPTY'] ?? 'FILE_CORRUPT';
    throw refuse(code, fileName, error.message);
  }
  if (error instanceof DomainError) throw error;
  throw refuse('FILE_CORRUPT', fileName, (error as Error)?.message ?? String(error));
}

const PREVIEW_ROWS = 25;
const PREVIEW_COLUMNS = 40;

const fingerprintOf = (cells: readonly string[]) => cells.map((cell) => normaliseHeader(cell)).join('|');

/** The header row: saved choices for a known layout first, then recognised names, then the officer's override. */
function chooseHeader(tables: readonly RawTable[], request: ReadRequest): HeaderGuess | null {
  for (const table of tables) {
    for (let row = 0; row < Math.min(table.rows.length, 40); row += 1) {
      const cells = table.rows[row] ?? [];
      const saved = request.savedMappings[fingerprintOf(cells)];
      if (!saved && !request.override) continue;
      const choices = { ...saved, ...request.override };
      const { mapping, unmapped } = mapHeaderRow(cells, choices);
      if (saved && (mapping.containerNumber !== undefined || mapping.blNumber !== undefined)) {
        return { sheet: table.sheet, headerRow: row, mapping, unmapped, score: Object.keys(mapping).length };
      }
    }
  }
  return findHeader(tables, request.override ?? {});
}

function tabularManifest(tables: readonly RawTable[], request: ReadRequest, progress: ProgressReporter) {
  progress('mapping', 0, 1);
  const guess = chooseHeader(tables, request);
  if (!guess) {
    // The mapping wizard shows these rows so the officer can point at the header and name its columns.
    throw new DomainError('MANIFEST_NO_HEADER', `${request.fileName}: no header row with container or B/L columns`, {
      file: request.fileName,
      detail: 'no header row with container or B/L columns',
      tables: tables.slice(0, 5).map((table) => ({
        sheet: table.sheet,
        rows: table.rows.slice(0, PREVIEW_ROWS).map((row) => row.slice(0, PREVIEW_COLUMNS).map((cell) => cell.slice(0, 80))),
      })),
    });
  }
  const table = tables.find((candidate) => candidate.sheet === guess.sheet);
  if (!table) throw refuse('MANIFEST_NO_HEADER', request.fileName, 'header sheet vanished');
  const title = readTitleBlock(table.rows.slice(0, guess.headerRow));
  const { lines, problems } = rowsToLines(table, guess.headerRow, guess.mapping);
  // Vessel, IMO and voyage may be columns instead of (or as well as) a title block.
  const firstValue = (field: 'vesselName' | 'imo' | 'voyage') => {
    const column = guess.mapping[field];
    if (column === undefined) return undefined;
    return table.rows.slice(guess.headerRow + 1).map((row) => (row[column] ?? '').trim()).find(Boolean);
  };
  const header: ManifestHeaderInput = {
    mode: 'sea',
    ...title,
    ...(!title.vesselName && firstValue('vesselName') && { vesselName: firstValue('vesselName') }),
    ...(!title.imo && firstValue('imo') && { imo: firstValue('imo') }),
    ...(!title.voyage && firstValue('voyage') && { voyage: firstValue('voyage') }),
    ...(request.sender ? { sender: request.sender } : {}),
  };
  for (const { header: text } of guess.unmapped) problems.push({ code: 'COLUMN_UNMAPPED', sheet: table.sheet, row: guess.headerRow + 1, params: { header: text.replace(/\s+/g, ' ') } });
  return {
    header,
    lines,
    problems,
    mapping: {
      sheet: guess.sheet,
      headerRow: guess.headerRow + 1,
      columns: guess.mapping as Record<string, number>,
      unmapped: guess.unmapped,
      fingerprint: fingerprintOf(table.rows[guess.headerRow] ?? []),
      headers: (table.rows[guess.headerRow] ?? []).slice(0, PREVIEW_COLUMNS).map((cell) => cell.trim()),
      sample: table.rows
        .slice(guess.headerRow + 1)
        .filter((row) => row.some((cell) => cell.trim() !== ''))
        .slice(0, 8)
        .map((row) => row.slice(0, PREVIEW_COLUMNS).map((cell) => cell.slice(0, 80))),
    },
  };
}

/**
 * One file in, one validated manifest out (or a refusal). Runs inside the
 * import worker: pure computation on the bytes, no database, no file system.
 */
export function readManifest(request: ReadRequest, progress: ProgressReporter = () => {}): ParsedManifest {
  const { fileName, bytes } = request;
  if (bytes.length === 0) throw refuse('FILE_EMPTY', fileName, 'the file is empty');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  progress('reading', 0, bytes.length);

  let format: ManifestFormat;
  let header: ManifestHeaderInput;
  let lines: readonly ManifestLineInput[];
  let problems: Problem[];
  let mapping: ParsedManifest['mapping'];
  let numbersFromSpreadsheet = false;
  try {
    const detected = detectFormat(bytes, fileName);
    switch (detected) {
      case 'unknown':
        throw refuse('FILE_UNRECOGNISED', fileName, 'not a spreadsheet, CSV or CUSCAR file');
      case 'cuscar': {
        const parsed = readCuscar(bytes);
        // A cut-off interchange is missing an unknown number of bills: never store half a file.
        if (parsed.problems.some((problem) => problem.code === 'INTERCHANGE_TRUNCATED')) {
          throw refuse('FILE_TRUNCATED', fileName, 'the interchange ends without UNT/UNZ');
        }
        format = 'cuscar';
        header = { ...parsed.header, ...(request.sender ? { sender: request.sender } : { sender: parsed.syntax.sender }) };
        lines = parsed.lines;
        problems = [...parsed.problems];
        mapping = undefined;
        break;
      }
      case 'csv':
      case 'tsv': {
        const text = readDelimitedText(bytes, fileName);
        format = text.format;
        ({ header, lines, problems, mapping } = tabularManifest([text.table], request, progress));
        break;
      }
      case 'xlsx':
      case 'ods':
      case 'xls': {
        const workbook = readWorkbook(bytes, detected, { fileName });
        format = detected;
        numbersFromSpreadsheet = true;
        ({ header, lines, problems, mapping } = tabularManifest(workbook.tables, request, progress));
        break;
      }
    }
  } catch (error) {
    translateRefusal(error, fileName);
  }

  progress('validating', 0, lines.length);
  const context = {
    locodes: locodes(),
    // Spreadsheet numbers come out with a dot; CSV follows how the file writes them.
    decimalSeparator: numbersFromSpreadsheet ? ('.' as const) : guessDecimalSeparator(lines.flatMap((line) => [line.grossWeightKg])),
    ...(mapping && {
      columnOf: (field: string) => {
        const index = mapping?.columns[field];
        return index === undefined ? undefined : columnLetter(index);
      },
    }),
  };
  const checkedHeader = validateHeader(header, context);
  const consignments: ConsignmentRecord[] = lines.map((line, index) => {
    if (index % 5000 === 0) progress('validating', index, lines.length);
    return validateLine(line, index + 1, header.mode, context);
  });

  const containers = new Set(consignments.map((line) => line.containerNumber).filter((number): number is string => number !== null));
  const badCheckDigit = new Set(consignments.filter((line) => line.containerCheckDigitOk === false).map((line) => line.containerNumber as string));
  return {
    fileName,
    sha256,
    format,
    header: checkedHeader.header,
    consignments,
    problems: [...checkedHeader.problems, ...problems],
    containerCount: containers.size,
    totalGrossWeightKg: sumDecimals(consignments.map((line) => line.grossWeightKg).filter((weight): weight is string => weight !== null)),
    badCheckDigitContainers: [...badCheckDigit].sort(),
    ...(mapping ? { mapping } : {}),
  };
}

import { createHash } from 'node:crypto';
import type { ManifestFormat, ManifestHeaderInput, ManifestLineInput, Problem, RawTable } from '../../../../shared/domain/manifest';
import { DomainError } from '../../../../shared/ipc/errors';
import type { ConsignmentRecord, ManifestHead, ManifestTotals, ParsedManifest } from '../consignment';
import { findHeader, mapHeaderRow, type HeaderGuess, type SavedMapping } from '../mapping/header-detect';
import { columnLetter, createRowMapper, type RowMapper } from '../mapping/rows-to-lines';
import { normaliseHeader } from '../mapping/synonyms';
import { readTitleBlock } from '../mapping/title-block';
import { readDelimitedText } from '../readers/csv';
import { readCuscar } from '../readers/cuscar';
import { CuscarUnreadable } from '../readers/cuscar/errors';
import { detectFormat, type DetectedFormat } from '../readers/detect';
import { readWorkbookSheets, type GuardedArchive } from '../readers/sheet';
import { sheetJs } from '../readers/sheetjs';
import { defaultZipGuardLimits, guardZipArchiveAsync } from '../readers/zip-guard';
import { isZipSignature } from '../readers/zip-guard-directory';
import { ManifestFileRefused } from '../readers/zip-guard-refusal';
import { locodes } from '../reference';
import { createValidationMemo, guessDecimalSeparator, validateHeader, validateLine } from '../validate/validate-line';
import { createDecimalTotal } from './decimal-total';
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

/** How far down a table the header is looked for (header-detect.ts looks no further either). */
const HEADER_ROWS = 40;

/** A table's rows as the mapper reads them: a CSV's rows, or a sheet's converted as they are asked for. */
interface RowSource {
  readonly sheet: string;
  readonly length: number;
  row(index: number): readonly string[];
}

const rowsOf = (table: RawTable): RowSource => ({ sheet: table.sheet, length: table.rows.length, row: (index) => table.rows[index] ?? [] });

/** The rows the header search and the wizard's preview look at, as a table. */
const headOf = (source: RowSource): RawTable => ({
  sheet: source.sheet,
  rows: Array.from({ length: Math.min(source.length, Math.max(HEADER_ROWS, PREVIEW_ROWS)) }, (_, index) => source.row(index)),
});

/** The header row: saved choices for a known layout first, then recognised names, then the officer's override. */
function chooseHeader(tables: readonly RawTable[], request: ReadRequest): HeaderGuess | null {
  for (const table of tables) {
    for (let row = 0; row < Math.min(table.rows.length, HEADER_ROWS); row += 1) {
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

/** Where a file's lines come from: mapped already (CSV, CUSCAR), or mapped row by row as they are validated (sheets). */
type LineSource =
  | { readonly kind: 'lines'; readonly lines: readonly ManifestLineInput[] }
  | { readonly kind: 'rows'; readonly rows: RowSource; readonly from: number; readonly mapper: RowMapper };

interface TabularRead {
  readonly header: ManifestHeaderInput;
  readonly source: LineSource;
  /** Problems of the table as a whole, known once every row has been mapped. */
  readonly problems: () => Problem[];
  readonly mapping: NonNullable<ParsedManifest['mapping']>;
}

/** The first rows below the header that hold anything (the wizard's preview), without reading the whole sheet. */
function sampleRows(rows: RowSource, from: number, count: number): string[][] {
  const sample: string[][] = [];
  for (let index = from; index < rows.length && sample.length < count; index += 1) {
    const row = rows.row(index);
    if (row.some((cell) => cell.trim() !== '')) sample.push(row.slice(0, PREVIEW_COLUMNS).map((cell) => cell.slice(0, 80)));
  }
  return sample;
}

function tabularManifest(sources: readonly RowSource[], request: ReadRequest, progress: ProgressReporter, streamRows: boolean): TabularRead {
  progress('mapping', 0, 1);
  const tables = sources.map(headOf);
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
  const table = sources.find((candidate) => candidate.sheet === guess.sheet);
  if (!table) throw refuse('MANIFEST_NO_HEADER', request.fileName, 'header sheet vanished');
  const head = tables.find((candidate) => candidate.sheet === guess.sheet)?.rows ?? [];
  const title = readTitleBlock(head.slice(0, guess.headerRow));
  const headerCells = table.row(guess.headerRow);
  const mapper = createRowMapper(table.sheet, headerCells, guess.mapping);
  const from = guess.headerRow + 1;
  // Sheets stream their rows through mapping and validation; CSV maps every row first, because
  // its decimal separator is guessed from all the weights before any line is validated.
  let source: LineSource = { kind: 'rows', rows: table, from, mapper };
  if (!streamRows) {
    const lines: ManifestLineInput[] = [];
    for (let index = from; index < table.length; index += 1) {
      const line = mapper.line(table.row(index), index + 1);
      if (line) lines.push(line);
    }
    source = { kind: 'lines', lines };
  }
  // Vessel, IMO and voyage may be columns instead of (or as well as) a title block.
  const firstValue = (field: 'vesselName' | 'imo' | 'voyage') => {
    const column = guess.mapping[field];
    if (column === undefined) return undefined;
    for (let index = from; index < table.length; index += 1) {
      const text = (table.row(index)[column] ?? '').trim();
      if (text) return text;
    }
    return undefined;
  };
  const header: ManifestHeaderInput = {
    mode: 'sea',
    ...title,
    ...(!title.vesselName && firstValue('vesselName') && { vesselName: firstValue('vesselName') }),
    ...(!title.imo && firstValue('imo') && { imo: firstValue('imo') }),
    ...(!title.voyage && firstValue('voyage') && { voyage: firstValue('voyage') }),
    ...(request.sender ? { sender: request.sender } : {}),
  };
  return {
    header,
    source,
    problems: () => [
      ...mapper.problems,
      ...guess.unmapped.map(({ header: text }): Problem => ({ code: 'COLUMN_UNMAPPED', sheet: table.sheet, row: guess.headerRow + 1, params: { header: text.replace(/\s+/g, ' ') } })),
    ],
    mapping: {
      sheet: guess.sheet,
      headerRow: guess.headerRow + 1,
      columns: guess.mapping as Record<string, number>,
      unmapped: guess.unmapped,
      fingerprint: fingerprintOf(headerCells),
      headers: headerCells.slice(0, PREVIEW_COLUMNS).map((cell) => cell.trim()),
      sample: sampleRows(table, from, 8),
    },
  };
}

/**
 * Lines validated per chunk. Small enough that a chunk's short-lived objects
 * (rows, lines, records) die young: at 2,000 the garbage collector promoted
 * about 100 MB of them per 100,000 lines and validating took a quarter longer.
 */
export const CHUNK_LINES = 500;

/** One file being read: its head at once, then its validated lines chunk by chunk, then its totals. */
export interface ManifestReading {
  readonly head: ManifestHead;
  /** Validated lines in file order, at most `chunkLines` at a time. Iterate once. */
  chunks(): Generator<ConsignmentRecord[], void, undefined>;
  /** After the last chunk. */
  totals(): ManifestTotals;
}

/**
 * Opens one file: refuses it, or reads, detects and maps it and checks its
 * header. Lines are validated lazily, a chunk at a time, so the import worker
 * can hand each chunk to the storing thread while it validates the next.
 * Pure computation on the bytes: no database, no file system.
 */
/** What is learnt of a file before it is read: its hash and format, and for a workbook perhaps the zip guard's archive. */
export interface PreparedFile {
  readonly sha256: string;
  readonly detected: DetectedFormat;
  readonly guarded?: GuardedArchive;
}

function prepareFile(request: ReadRequest, progress: ProgressReporter): PreparedFile {
  const { fileName, bytes } = request;
  if (bytes.length === 0) throw refuse('FILE_EMPTY', fileName, 'the file is empty');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  progress('reading', 0, bytes.length);
  try {
    return { sha256, detected: detectFormat(bytes, fileName) };
  } catch (error) {
    translateRefusal(error, fileName);
  }
}

/**
 * The start of startManifestReading, for the import worker: an .xlsx/.ods also
 * passes the zip guard here, its entries unpacked on zlib's thread pool while
 * this thread compiles SheetJS, instead of one after the other (~0.1 s of every
 * workbook import). The same checks and refusals as reading it at once.
 */
export async function prepareManifestFile(request: ReadRequest, progress: ProgressReporter = () => {}): Promise<PreparedFile> {
  const prepared = prepareFile(request, progress);
  if ((prepared.detected !== 'xlsx' && prepared.detected !== 'ods') || !isZipSignature(request.bytes)) return prepared;
  try {
    const guarding = guardZipArchiveAsync(request.bytes, request.fileName, defaultZipGuardLimits, { repack: true });
    // Observed at once: if loading SheetJS threw, a refusal settling later must not go unhandled.
    guarding.catch(() => {});
    sheetJs();
    const { stored } = await guarding;
    return stored ? { ...prepared, guarded: { stored } } : prepared;
  } catch (error) {
    translateRefusal(error, request.fileName);
  }
}

export function startManifestReading(
  request: ReadRequest,
  progress: ProgressReporter = () => {},
  chunkLines = CHUNK_LINES,
  prepared: PreparedFile = prepareFile(request, progress),
): ManifestReading {
  const { fileName, bytes } = request;
  const { sha256, detected, guarded } = prepared;

  let format: ManifestFormat;
  let header: ManifestHeaderInput;
  let source: LineSource;
  let structureProblems: () => Problem[];
  let mapping: ParsedManifest['mapping'];
  let numbersFromSpreadsheet = false;
  try {
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
        source = { kind: 'lines', lines: parsed.lines };
        structureProblems = () => [...parsed.problems];
        mapping = undefined;
        break;
      }
      case 'csv':
      case 'tsv': {
        const text = readDelimitedText(bytes, fileName);
        format = text.format;
        ({ header, source, problems: structureProblems, mapping } = tabularManifest([rowsOf(text.table)], request, progress, false));
        break;
      }
      case 'xlsx':
      case 'ods':
      case 'xls': {
        const sheets = readWorkbookSheets(bytes, detected, { fileName }, detected === 'xls' ? undefined : guarded);
        format = detected;
        numbersFromSpreadsheet = true;
        ({ header, source, problems: structureProblems, mapping } = tabularManifest(sheets, request, progress, true));
        break;
      }
    }
  } catch (error) {
    translateRefusal(error, fileName);
  }

  const context = {
    locodes: locodes(),
    // Spreadsheet numbers come out with a dot; CSV follows how the file writes them.
    decimalSeparator:
      numbersFromSpreadsheet || source.kind === 'rows' ? ('.' as const) : guessDecimalSeparator(source.lines.flatMap((line) => [line.grossWeightKg])),
    memo: createValidationMemo(),
    ...(mapping && {
      columnOf: (field: string) => {
        const index = mapping?.columns[field];
        return index === undefined ? undefined : columnLetter(index);
      },
    }),
  };
  const checkedHeader = validateHeader(header, context);
  const mode = header.mode;

  // Totals, gathered chunk by chunk: a count is counted once (a groupage container is one container).
  const containers = new Set<string>();
  const badCheckDigit = new Set<string>();
  const totalGrossWeightKg = createDecimalTotal();
  let lineCount = 0;
  let finished = false;
  const account = (chunk: readonly ConsignmentRecord[]) => {
    for (const line of chunk) {
      if (line.containerNumber !== null) containers.add(line.containerNumber);
      if (line.containerCheckDigitOk === false) badCheckDigit.add(line.containerNumber as string);
      if (line.grossWeightKg !== null) totalGrossWeightKg.add(line.grossWeightKg);
    }
    lineCount += chunk.length;
  };

  function* chunks(): Generator<ConsignmentRecord[], void, undefined> {
    let chunk: ConsignmentRecord[] = [];
    const emit = () => {
      const full = chunk;
      chunk = [];
      account(full);
      return full;
    };
    if (source.kind === 'lines') {
      const { lines } = source;
      progress('validating', 0, lines.length);
      for (let index = 0; index < lines.length; index += 1) {
        if (index % 5000 === 0 && index > 0) progress('validating', index, lines.length);
        chunk.push(validateLine(lines[index] as ManifestLineInput, index + 1, mode, context));
        if (chunk.length >= chunkLines) yield emit();
      }
    } else {
      const { rows, from, mapper } = source;
      const total = Math.max(0, rows.length - from);
      progress('validating', 0, total);
      for (let index = from; index < rows.length; index += 1) {
        if ((index - from) % 5000 === 0 && index > from) progress('validating', index - from, total);
        const line = mapper.line(rows.row(index), index + 1);
        if (!line) continue;
        chunk.push(validateLine(line, lineCount + chunk.length + 1, mode, context));
        if (chunk.length >= chunkLines) yield emit();
      }
    }
    if (chunk.length > 0) yield emit();
    finished = true;
  }

  return {
    head: { fileName, sha256, format, header: checkedHeader.header, ...(mapping ? { mapping } : {}) },
    chunks,
    totals() {
      if (!finished) throw new Error('totals() before the last chunk');
      return {
        problems: [...checkedHeader.problems, ...structureProblems()],
        lineCount,
        containerCount: containers.size,
        totalGrossWeightKg: totalGrossWeightKg.text(),
        badCheckDigitContainers: [...badCheckDigit].sort(),
      };
    },
  };
}

/** One file in, one validated manifest out (or a refusal), all lines at once. */
export function readManifest(request: ReadRequest, progress: ProgressReporter = () => {}): ParsedManifest {
  const reading = startManifestReading(request, progress);
  const consignments: ConsignmentRecord[] = [];
  for (const chunk of reading.chunks()) {
    for (const line of chunk) consignments.push(line);
  }
  return parsedManifest(reading.head, consignments, reading.totals());
}

/** A manifest read whole: its head, every line, and the totals over them. */
export function parsedManifest(head: ManifestHead, consignments: ConsignmentRecord[], totals: ManifestTotals): ParsedManifest {
  return {
    fileName: head.fileName,
    sha256: head.sha256,
    format: head.format,
    header: head.header,
    consignments,
    problems: totals.problems,
    containerCount: totals.containerCount,
    totalGrossWeightKg: totals.totalGrossWeightKg,
    badCheckDigitContainers: totals.badCheckDigitContainers,
    ...(head.mapping ? { mapping: head.mapping } : {}),
  };
}

import type { RawTable } from '../../../../shared/domain/manifest';
import { identifyingFields, type LineField } from './fields';
import { fieldForHeader, normaliseHeader } from './synonyms';

/** How far down a sheet the header may sit (title blocks are rarely longer). */
const HEADER_SEARCH_ROWS = 40;
/** Fewer recognised columns than this is not a manifest header. */
const MIN_RECOGNISED = 3;

export type ColumnMapping = Partial<Record<LineField, number>>;

export interface HeaderGuess {
  readonly sheet: string;
  /** 0-based index into table.rows */
  readonly headerRow: number;
  readonly mapping: ColumnMapping;
  /** Header texts nobody recognised, by column index: the wizard asks about these. */
  readonly unmapped: readonly { readonly column: number; readonly header: string }[];
  readonly score: number;
}

/** Saved choices of an officer for one sender: normalised header text → field (or null: ignore the column). */
export type SavedMapping = Readonly<Record<string, LineField | null>>;

export function mapHeaderRow(cells: readonly string[], saved: SavedMapping = {}): { mapping: ColumnMapping; unmapped: { column: number; header: string }[] } {
  const mapping: ColumnMapping = {};
  const unmapped: { column: number; header: string }[] = [];
  cells.forEach((cell, column) => {
    const header = cell.trim();
    if (!header) return;
    const key = normaliseHeader(header);
    const field = Object.hasOwn(saved, key) ? saved[key] : fieldForHeader(header);
    if (field === null) return; // the officer chose to ignore this column
    if (field === undefined) {
      unmapped.push({ column, header });
      return;
    }
    // The first column wins: later duplicates ("Weight" after "Gross weight, kg") are left to the wizard.
    if (mapping[field] === undefined) mapping[field] = column;
    else unmapped.push({ column, header });
  });
  return { mapping, unmapped };
}

/**
 * Finds the manifest in a workbook: the sheet and row whose cells name the
 * most known columns, among the first rows (below any title block). A guess
 * must name a container or B/L column, or it is not a manifest.
 */
export function findHeader(tables: readonly RawTable[], saved: SavedMapping = {}): HeaderGuess | null {
  // The officer's own choices are trusted with fewer columns: a container or B/L and one more is a manifest.
  const minimum = Object.keys(saved).length > 0 ? 2 : MIN_RECOGNISED;
  let best: HeaderGuess | null = null;
  for (const table of tables) {
    const limit = Math.min(table.rows.length, HEADER_SEARCH_ROWS);
    for (let row = 0; row < limit; row += 1) {
      const cells = table.rows[row] ?? [];
      const { mapping, unmapped } = mapHeaderRow(cells, saved);
      const recognised = Object.keys(mapping).length;
      if (recognised < minimum) continue;
      if (!identifyingFields.some((field) => mapping[field] !== undefined)) continue;
      // More recognised columns win; on a tie the earlier sheet and row.
      if (!best || recognised > best.score) {
        best = { sheet: table.sheet, headerRow: row, mapping, unmapped, score: recognised };
      }
    }
  }
  return best;
}

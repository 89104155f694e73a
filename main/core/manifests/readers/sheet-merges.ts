/**
 * Merged cells, filled: a spreadsheet stores a merged cell's value only in its
 * top-left cell, but the officer sees it across the whole range. A B/L number
 * merged over its three container rows must be on all three rows, or two of the
 * containers would reach the mapper without a B/L.
 *
 * Hazards:
 * - A merge can claim the whole sheet (A1:XFD1048576 is 17 billion cells); filling
 *   is clamped to the rows and columns that hold data, so memory follows content.
 * - Horizontal merges are filled too (as asked of this reader): a note row merged
 *   across the table comes out as the same text in every column. The mapper must not
 *   take such a row for a consignment; it has no valid container number.
 */

export interface CellRange {
  readonly s: { readonly r: number; readonly c: number };
  readonly e: { readonly r: number; readonly c: number };
}

/** Fills each merge's top-left text into the rest of its range, in place. */
export function fillMergedCells(rows: string[][], merges: readonly CellRange[]): void {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  fillMergedRows((r) => rows[r], rows.length, width, merges);
}

/**
 * The same, over rows reached through `rowAt` (the lazy sheet reader keeps only
 * the rows merges touch). `rowCount` and `width` are the whole sheet's: the
 * clamps must not depend on which rows are at hand. Reads and writes only rows
 * inside some merge's clamped range, so `rowAt` need hold no others.
 */
export function fillMergedRows(rowAt: (row: number) => string[] | undefined, rowCount: number, width: number, merges: readonly CellRange[]): void {
  for (const { s, e } of merges) {
    const value = rowAt(s.r)?.[s.c] ?? '';
    if (value === '') continue;
    const lastRow = Math.min(e.r, rowCount - 1);
    const lastColumn = Math.min(e.c, width - 1);
    for (let r = s.r; r <= lastRow; r++) {
      const row = rowAt(r);
      if (!row) continue;
      for (let c = s.c; c <= lastColumn; c++) {
        while (row.length < c) row.push('');
        row[c] = value;
      }
    }
  }
}

/**
 * Which rows some merge's range touches (clamped like fillMergedRows): the only
 * rows it reads or writes. Marked through a difference array, so 100,000 merges
 * over a whole sheet cost as much as one, not 100,000 times the sheet.
 */
export function rowsTouchedByMerges(merges: readonly CellRange[], rowCount: number): Uint8Array {
  const starts = new Int32Array(rowCount + 1);
  for (const { s, e } of merges) {
    const first = Math.max(0, s.r);
    const last = Math.min(e.r, rowCount - 1);
    if (first > last) continue;
    starts[first] = (starts[first] ?? 0) + 1;
    starts[last + 1] = (starts[last + 1] ?? 0) - 1;
  }
  const touched = new Uint8Array(rowCount);
  let open = 0;
  for (let r = 0; r < rowCount; r++) {
    open += starts[r] ?? 0;
    if (open > 0) touched[r] = 1;
  }
  return touched;
}

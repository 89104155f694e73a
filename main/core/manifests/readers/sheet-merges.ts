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
  for (const { s, e } of merges) {
    const value = rows[s.r]?.[s.c] ?? '';
    if (value === '') continue;
    const lastRow = Math.min(e.r, rows.length - 1);
    const lastColumn = Math.min(e.c, width - 1);
    for (let r = s.r; r <= lastRow; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = s.c; c <= lastColumn; c++) {
        while (row.length < c) row.push('');
        row[c] = value;
      }
    }
  }
}

/**
 * A reference table as the generic grid edits it. Every table has the shape
 * `{ source, notes?, entries: [flat objects] }`; the grid's columns are the
 * union of the entries' keys, in the order they first appear. Cells are edited
 * as text and turned back into the column's type on save: a column that held
 * numbers gets numbers back (when the text is one; otherwise the text goes as
 * typed and main names the row and field it refuses). Pure: no React.
 */

export type ColumnKind = 'number' | 'text' | 'json';

export interface GridColumn {
  readonly key: string;
  readonly kind: ColumnKind;
  /** A few distinct values (category, language, kind…): offered as suggestions while typing. */
  readonly suggestions: readonly string[];
  /** Characters a cell shows without scrolling: the longest value, within reason. */
  readonly width: number;
}

export interface GridRow {
  /** Stable across edits, for React and focus; not the row number (that is the position). */
  readonly id: number;
  readonly cells: Readonly<Record<string, string>>;
}

export interface GridTable {
  readonly source: string;
  readonly notes: string | null;
  readonly columns: readonly GridColumn[];
  readonly rows: readonly GridRow[];
  /** Other top-level properties, sent back untouched (main refuses them, but the grid never drops data silently). */
  readonly rest: Readonly<Record<string, unknown>>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const MAX_SUGGESTIONS = 12;

function cellText(value: unknown, kind: ColumnKind): string {
  if (value === undefined || value === null) return '';
  if (kind === 'json') return JSON.stringify(value);
  return String(value);
}

export function readTable(table: unknown): GridTable {
  const record = isRecord(table) ? table : {};
  const entries = Array.isArray(record.entries) ? record.entries.filter(isRecord) : [];
  const keys: string[] = [];
  for (const entry of entries) for (const key of Object.keys(entry)) if (!keys.includes(key)) keys.push(key);
  const columns = keys.map((key): GridColumn => {
    const values = entries.map((entry) => entry[key]).filter((value) => value !== undefined && value !== null);
    const kind: ColumnKind =
      values.length > 0 && values.every((value) => typeof value === 'number') ? 'number'
      : values.every((value) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') ? 'text'
      : 'json';
    const distinct = [...new Set(values.filter((value): value is string => typeof value === 'string'))];
    const suggestions = kind === 'text' && entries.length >= 5 && distinct.length <= MAX_SUGGESTIONS ? distinct.sort() : [];
    const longest = Math.max(key.length, ...values.map((value) => cellText(value, kind).length));
    const width = kind === 'number' ? Math.min(Math.max(longest + 2, 6), 12) : Math.min(Math.max(longest + 1, 4), 44);
    return { key, kind, suggestions, width };
  });
  const rows = entries.map((entry, index) => ({
    id: index,
    cells: Object.fromEntries(columns.filter((column) => Object.hasOwn(entry, column.key)).map((column) => [column.key, cellText(entry[column.key], column.kind)])),
  }));
  const { source, notes, entries: _entries, ...rest } = record;
  return {
    source: typeof source === 'string' ? source : '',
    notes: typeof notes === 'string' ? notes : null,
    columns,
    rows,
    rest,
  };
}

function cellValue(text: string, kind: ColumnKind): unknown {
  switch (kind) {
    case 'number': {
      // Officers type decimal commas too (Russian keyboards); "1 500" is read as 1500.
      const normalised = text.trim().replace(/[\s\u00a0]/g, '').replace(',', '.');
      const value = Number(normalised);
      return normalised !== '' && Number.isFinite(value) ? value : text;
    }
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    case 'text':
      return text;
    default: {
      const unexpected: never = kind;
      throw new Error(`Unexpected column kind ${String(unexpected)}`);
    }
  }
}

/** The table to send to `reference.save`: an empty cell leaves its field out (main says if it was required). */
export function writeTable(grid: GridTable): Record<string, unknown> {
  const entries = grid.rows.map((row) => {
    const entry: Record<string, unknown> = {};
    for (const column of grid.columns) {
      const text = row.cells[column.key];
      if (text === undefined || text === '') continue;
      entry[column.key] = cellValue(text, column.kind);
    }
    return entry;
  });
  return { ...grid.rest, source: grid.source, ...(grid.notes !== null && grid.notes !== '' ? { notes: grid.notes } : {}), entries };
}

/** Whether an edit changed anything worth saving (compared as main would store it). */
export function sameTable(a: GridTable, b: GridTable): boolean {
  return JSON.stringify(writeTable(a)) === JSON.stringify(writeTable(b));
}

export function entryCount(table: unknown): number {
  return isRecord(table) && Array.isArray(table.entries) ? table.entries.length : 0;
}

export function tableSource(table: unknown): string {
  return isRecord(table) && typeof table.source === 'string' ? table.source : '';
}

/** Rows whose cells contain the text (case folded); the positions stay the real row numbers. */
export function rowMatches(row: GridRow, text: string): boolean {
  const needle = text.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return Object.values(row.cells).some((cell) => cell.toLocaleLowerCase().includes(needle));
}

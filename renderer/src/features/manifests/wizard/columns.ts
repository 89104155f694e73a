import type { LineFieldName } from '../../../../../shared/ipc/contract';
import type { ColumnMapping } from '../import/useManifestImport';

/** A header text and the columns that carry it (a layout may repeat a header, e.g. "Weight" twice). */
export interface HeaderColumn {
  readonly header: string;
  readonly columns: readonly number[];
}

/** The officer's choice per header text; null leaves the column out. */
export type Choices = Readonly<Record<string, LineFieldName | null>>;

/** Without one of these a row is not a manifest line (main/core/manifests/mapping/fields.ts identifyingFields). */
export const identifyingFields: readonly LineFieldName[] = ['containerNumber', 'blNumber'];

/** A, B, … Z, AA: as the spreadsheet the officer has open names its columns. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * The distinct, non-empty header texts of a row in column order. A mapping is
 * keyed by header text, so one choice covers every column with that text.
 */
export function headerColumns(cells: readonly string[]): HeaderColumn[] {
  const byHeader = new Map<string, number[]>();
  cells.forEach((cell, column) => {
    const header = cell.trim();
    if (header) byHeader.set(header, [...(byHeader.get(header) ?? []), column]);
  });
  return [...byHeader].map(([header, columns]) => ({ header, columns }));
}

/** Main's reading of a recognised layout (field → column) as choices per header. */
export function choicesFromColumns(headers: readonly HeaderColumn[], columns: Readonly<Record<string, number>>): Choices {
  const fieldAt = new Map(Object.entries(columns).map(([field, column]) => [column, field as LineFieldName]));
  return Object.fromEntries(headers.map(({ header, columns: at }) => [header, at.map((column) => fieldAt.get(column)).find(Boolean) ?? null]));
}

/** Every header with its choice, "ignore" included, so main does not guess at the columns the officer left out. */
export function mappingOf(headers: readonly HeaderColumn[], choices: Choices): ColumnMapping {
  return Object.fromEntries(headers.map(({ header }) => [header, choices[header] ?? null]));
}

export function hasIdentifyingField(choices: Choices): boolean {
  return Object.values(choices).some((field) => field !== null && identifyingFields.includes(field));
}

/** For each header whose field an earlier header already has: that earlier header (main reads only the first). */
export function repeatedChoices(headers: readonly HeaderColumn[], choices: Choices): ReadonlyMap<string, HeaderColumn> {
  const firstWith = new Map<LineFieldName, HeaderColumn>();
  const repeated = new Map<string, HeaderColumn>();
  for (const column of headers) {
    const field = choices[column.header];
    if (!field) continue;
    const first = firstWith.get(field);
    if (first) repeated.set(column.header, first);
    else firstWith.set(field, column);
  }
  return repeated;
}

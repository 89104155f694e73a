import type { Db } from '../db/open';

/**
 * Case references read aloud on the phone and typed into prosecutors'
 * letters: `<unit LOCODE>-<year>-<number>`, numbered from 1 each year,
 * four digits at least (TJDYU-2026-0007). The year is the UTC year of
 * opening: one rule for every workstation, whatever its clock's zone.
 */
export function formatCaseReference(locode: string, year: number, sequence: number): string {
  return `${locode.toUpperCase()}-${year}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The next number of the year. Must run inside the transaction that inserts
 * the case (store.change is IMMEDIATE, so no other writer can take the same
 * number in between; the UNIQUE (year, sequence) constraint is the backstop).
 */
export function nextCaseSequence(db: Db, year: number): number {
  const row = db.prepare('SELECT coalesce(max(sequence), 0) AS last FROM cases WHERE year = ?').get(year) as { last: number };
  return row.last + 1;
}

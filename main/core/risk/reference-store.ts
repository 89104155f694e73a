import { randomBytes } from 'node:crypto';
import { ZodError } from 'zod';
import { DomainError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { defaultReference, parseReference, referenceTableSchemas, type RiskReference } from './reference';

export type ReferenceTableName = keyof typeof referenceTableSchemas;

export interface ReferenceTableInfo {
  readonly name: string;
  readonly table: unknown;
  /** null while the unit uses the table shipped with the program. */
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

export function isReferenceTableName(name: string): name is ReferenceTableName {
  return Object.hasOwn(referenceTableSchemas, name);
}

/** Shipped tables with the unit's own edits laid over them, checked and prepared for scoring. */
export function loadReference(db: Db): RiskReference {
  const tables: Record<string, unknown> = { ...defaultReference().tables };
  for (const row of db.prepare('SELECT name, table_json FROM risk_reference').all() as { name: string; table_json: string }[]) {
    if (isReferenceTableName(row.name)) tables[row.name] = JSON.parse(row.table_json);
  }
  return parseReference(tables);
}

export function listReferenceTables(db: Db): ReferenceTableInfo[] {
  const edits = new Map(
    (db.prepare('SELECT r.name, r.table_json, r.updated_at, u.username FROM risk_reference r LEFT JOIN users u ON u.id = r.updated_by').all() as {
      name: string;
      table_json: string;
      updated_at: string;
      username: string | null;
    }[]).map((row) => [row.name, row]),
  );
  const defaults = defaultReference().tables as Record<string, unknown>;
  return Object.keys(referenceTableSchemas).map((name) => {
    const edit = edits.get(name);
    return edit
      ? { name, table: JSON.parse(edit.table_json) as unknown, updatedAt: edit.updated_at, updatedBy: edit.username }
      : { name, table: defaults[name], updatedAt: null, updatedBy: null };
  });
}

/**
 * Replaces one table with a supervisor's edit after checking it (the whole
 * reference is re-parsed, so an edit that breaks scoring is refused, not stored).
 * `table: null` goes back to the shipped table.
 */
export function saveReferenceTable(db: Db, name: ReferenceTableName, table: unknown, at: string, userId: number | null): void {
  if (table === null) {
    db.prepare('DELETE FROM risk_reference WHERE name = ?').run(name);
    return;
  }
  const current = Object.fromEntries(listReferenceTables(db).map((info) => [info.name, info.table]));
  try {
    parseReference({ ...current, [name]: table });
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const issue = error.issues[0];
    // Paths look like [table, 'entries', row, field]; rows are shown 1-based as in the editor.
    const path = issue?.path ?? [];
    const row = typeof path[2] === 'number' ? path[2] + 1 : '';
    const field = path.length > 3 ? String(path[3]) : path.length > 1 ? String(path[1]) : '';
    throw new DomainError('REFERENCE_TABLE_INVALID', `Reference table ${name}, row ${String(row)}, ${field}: ${issue?.message ?? 'invalid'}`, {
      table: name,
      row,
      field,
      detail: issue?.message ?? '',
    });
  }
  db.prepare(
    `INSERT INTO risk_reference (name, table_json, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET table_json = excluded.table_json, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(name, JSON.stringify(table), at, userId);
}

/** The unit's random-pick key, made on first use. */
export function riskSecret(db: Db): string {
  const found = db.prepare('SELECT secret FROM risk_secret WHERE id = 1').get() as { secret: string } | undefined;
  if (found) return found.secret;
  const secret = randomBytes(32).toString('hex');
  db.prepare('INSERT INTO risk_secret (id, secret) VALUES (1, ?)').run(secret);
  return secret;
}

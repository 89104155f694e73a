import { DomainError } from '../../../shared/ipc/errors';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations';
import type { Db } from './open';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestSchemaVersion(list: readonly Migration[] = allMigrations): number {
  return list.at(-1)?.id ?? 0;
}

/**
 * Brings the schema up to date in ONE transaction (user_version included), so
 * a crash mid-way leaves the old schema, never half of a new one. A database
 * written by a newer version is refused rather than guessed at.
 */
export function migrate(db: Db, list: readonly Migration[] = allMigrations): { from: number; to: number } {
  list.forEach((migration, index) => {
    if (migration.id !== index + 1) throw new Error(`migration ${migration.name} has id ${migration.id}, expected ${index + 1}`);
  });
  const from = schemaVersion(db);
  const to = latestSchemaVersion(list);
  if (from > to) {
    throw new DomainError('DB_TOO_NEW', `The database has schema version ${from}; this version of the application knows up to ${to}`, {
      found: from,
      supported: to,
    });
  }
  if (from === to) return { from, to };
  db.transaction(() => {
    for (const migration of list.slice(from)) migration.up(db);
    db.pragma(`user_version = ${to}`);
  })();
  return { from, to };
}

import type { Db } from '../db/open';
import type { WatchSeverity } from './profile';
import type { WatchLookup } from './score-store';
import { createWatchMatcher, watchKey, type WatchKind } from './watchlist-match';


export interface WatchEntryInput {
  readonly kind: WatchKind;
  readonly value: string;
  readonly severity: WatchSeverity;
  readonly reason: string;
  /** 'local', or the partner unit an alert came from. */
  readonly source?: string;
  /** ISO date or date-time; the entry stops matching after it. */
  readonly expiresAt?: string | null;
}

export interface WatchEntry {
  readonly id: number;
  readonly kind: WatchKind;
  readonly value: string;
  readonly valueNormalised: string;
  readonly severity: WatchSeverity;
  readonly reason: string;
  readonly source: string;
  readonly expiresAt: string | null;
  readonly active: boolean;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

interface EntryRow {
  id: number;
  kind: WatchKind;
  value: string;
  value_normalised: string;
  severity: WatchSeverity;
  reason: string;
  source: string;
  expires_at: string | null;
  active: number;
  created_at: string;
  created_by: string | null;
}

const ENTRY_SQL = `SELECT e.id, e.kind, e.value, e.value_normalised, e.severity, e.reason, e.source, e.expires_at, e.active, e.created_at, u.username AS created_by
FROM watch_list_entries e LEFT JOIN users u ON u.id = e.created_by`;

const toEntry = (row: EntryRow): WatchEntry => ({
  id: row.id,
  kind: row.kind,
  value: row.value,
  valueNormalised: row.value_normalised,
  severity: row.severity,
  reason: row.reason,
  source: row.source,
  expiresAt: row.expires_at,
  active: row.active === 1,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

/** The unit's own list; partner alerts name their source on the entry instead of a list of their own. */
function unitListId(db: Db, at: string, userId: number | null): number {
  const found = db.prepare("SELECT id FROM watch_lists WHERE name = 'unit'").get() as { id: number } | undefined;
  if (found) return found.id;
  return Number(db.prepare("INSERT INTO watch_lists (name, description, created_at, created_by) VALUES ('unit', 'The unit''s watch list', ?, ?)").run(at, userId).lastInsertRowid);
}

/** Adds entries; call inside the caller's transaction (a bulk add is all or nothing). */
export function addWatchEntries(db: Db, entries: readonly WatchEntryInput[], at: string, userId: number | null): WatchEntry[] {
  const listId = unitListId(db, at, userId);
  const insert = db.prepare(
    `INSERT INTO watch_list_entries (watch_list_id, kind, value, value_normalised, severity, reason, source, expires_at, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids = entries.map((entry) =>
    Number(
      insert.run(listId, entry.kind, entry.value.trim(), watchKey(entry.kind, entry.value), entry.severity, entry.reason.trim(), entry.source ?? 'local', entry.expiresAt ?? null, at, userId)
        .lastInsertRowid,
    ),
  );
  const get = db.prepare(`${ENTRY_SQL} WHERE e.id = ?`);
  return ids.map((id) => toEntry(get.get(id) as EntryRow));
}

/** Entries stay (hits and the audit trail name them); removing only stops them matching. */
export function removeWatchEntry(db: Db, id: number, at: string, userId: number | null): WatchEntry | null {
  const changed = db.prepare('UPDATE watch_list_entries SET active = 0, removed_at = ?, removed_by = ? WHERE id = ? AND active = 1').run(at, userId, id);
  if (changed.changes === 0) return null;
  return toEntry(db.prepare(`${ENTRY_SQL} WHERE e.id = ?`).get(id) as EntryRow);
}

export function listWatchEntries(db: Db, options: { includeRemoved?: boolean } = {}): WatchEntry[] {
  const where = options.includeRemoved ? '' : 'WHERE e.active = 1';
  return (db.prepare(`${ENTRY_SQL} ${where} ORDER BY e.id DESC`).all() as EntryRow[]).map(toEntry);
}

/** Active, unexpired entries as a matcher for scoring. */
export function watchLookup(db: Db, at: string): WatchLookup {
  const rows = db.prepare(`${ENTRY_SQL} WHERE e.active = 1 AND (e.expires_at IS NULL OR e.expires_at >= ?)`).all(at.slice(0, 10)) as EntryRow[];
  return createWatchMatcher(rows.map((row) => ({ id: row.id, kind: row.kind, value: row.value, valueNormalised: row.value_normalised, severity: row.severity })));
}

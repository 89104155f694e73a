import type { Role } from '../../../shared/domain/roles';
import type { Db } from '../db/open';

export interface UserRow {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly disabled: boolean;
  /** Removed accounts keep their row (history names them) but have no key slot. */
  readonly removed: boolean;
  readonly createdAt: string;
  readonly passwordChangedAt: string;
}

interface RawUser {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  disabled: number;
  created_at: string;
  password_changed_at: string;
  removed_at: string | null;
}

const toUser = (row: RawUser): UserRow => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  disabled: row.disabled === 1,
  removed: row.removed_at !== null,
  createdAt: row.created_at,
  passwordChangedAt: row.password_changed_at,
});

export function findUser(db: Db, username: string): UserRow | null {
  const row = db.prepare('SELECT * FROM users WHERE username = ? COLLATE NOCASE').get(username) as RawUser | undefined;
  return row ? toUser(row) : null;
}

export function listUsers(db: Db): UserRow[] {
  return (db.prepare('SELECT * FROM users ORDER BY username COLLATE NOCASE').all() as RawUser[]).map(toUser);
}

export function insertUser(
  db: Db,
  user: { username: string; displayName: string; role: Role; createdBy: number | null },
  now: Date,
): UserRow {
  const at = now.toISOString();
  const result = db
    .prepare(
      `INSERT INTO users (username, display_name, role, created_at, created_by, password_changed_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(user.username, user.displayName, user.role, at, user.createdBy, at);
  const created = findUserById(db, Number(result.lastInsertRowid));
  if (!created) throw new Error('inserted user not found');
  return created;
}

export function findUserById(db: Db, id: number): UserRow | null {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as RawUser | undefined;
  return row ? toUser(row) : null;
}

export function setUserDisabled(db: Db, id: number, disabled: boolean): void {
  db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
}

export function markRemoved(db: Db, id: number, now: Date): void {
  db.prepare('UPDATE users SET disabled = 1, removed_at = ? WHERE id = ?').run(now.toISOString(), id);
}

export function markPasswordChanged(db: Db, id: number, now: Date): void {
  db.prepare('UPDATE users SET password_changed_at = ? WHERE id = ?').run(now.toISOString(), id);
}

export function countActiveAdministrators(db: Db): number {
  return (
    db.prepare("SELECT count(*) AS n FROM users WHERE role = 'administrator' AND disabled = 0 AND removed_at IS NULL").get() as { n: number }
  ).n;
}

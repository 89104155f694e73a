import Database from 'better-sqlite3-multiple-ciphers';
import { promises as fs } from 'node:fs';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { DomainError } from '../../../shared/ipc/errors';

export type { Db };

export const DB_FILE = 'pcu.db';
/** 256-bit raw SQLCipher key. */
export const DB_KEY_BYTES = 32;

/** SQLite error codes that mean "these bytes are not a database this key opens". */
const unreadable = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CANTOPEN']);

export function isUnreadableDatabaseError(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string' && unreadable.has((error as { code: string }).code);
}

/**
 * Applies the cipher and a raw key to a fresh connection. The library's
 * default cipher is ChaCha20, not SQLCipher, so both are set explicitly; the
 * key is the random database key as hex (`x'…'`: used as the key itself, no
 * KDF), never anybody's password.
 */
export function applyKey(db: Db, key: Buffer): void {
  if (key.length !== DB_KEY_BYTES) throw new Error('database key must be 32 bytes');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

export interface OpenOptions {
  readonly create?: boolean;
  readonly readonly?: boolean;
}

/**
 * Opens the unit's encrypted database and proves the key at once with a read,
 * so a wrong key or a foreign file fails here and not in the middle of work.
 */
export function openDatabase(file: string, key: Buffer, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: !options.create, readonly: options.readonly ?? false });
  } catch (error) {
    throw new DomainError('DB_UNREADABLE', `Cannot open the database file ${file}`, {
      file,
      detail: (error as Error).message,
    });
  }
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    if (isUnreadableDatabaseError(error)) {
      throw new DomainError('DB_UNREADABLE', `The database file ${file} cannot be read with this unit's key`, {
        file,
        detail: (error as Error).message,
      });
    }
    throw error;
  }
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    // FULL: a committed seizure or custody entry survives a power cut, at the cost of an fsync per commit.
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  // SQLCipher decrypts every page it reads: a 64 MB page cache keeps ranked lists fast.
  db.pragma('cache_size = -65536');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * SQLCipher refuses to rekey in WAL mode: leave WAL, rekey, return to WAL.
 */
export function rekeyDatabase(db: Db, newKey: Buffer): void {
  if (newKey.length !== DB_KEY_BYTES) throw new Error('database key must be 32 bytes');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  try {
    db.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
  } finally {
    db.pragma('journal_mode = WAL');
  }
}

/** An encrypted copy with the same key (`db.backup()` cannot copy an encrypted database). */
export function copyDatabase(db: Db, targetFile: string): void {
  db.prepare('VACUUM INTO ?').run(targetFile);
}

/**
 * The first 16 bytes of an SQLCipher file are its salt, in clear. The key file
 * records it, which tells another unit's database from a damaged one of ours.
 * null when the file is missing or shorter than a salt.
 */
export async function readDatabaseSalt(file: string): Promise<string | null> {
  try {
    const handle = await fs.open(file, 'r');
    try {
      const buffer = Buffer.alloc(16);
      const { bytesRead } = await handle.read(buffer, 0, 16, 0);
      return bytesRead === 16 ? buffer.toString('hex') : null;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

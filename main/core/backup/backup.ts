import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../../shared/ipc/errors';
import { schemaVersion } from '../db/migrate';
import { copyDatabase, DB_FILE, openDatabase, readDatabaseSalt, type Db } from '../db/open';
import { findUnauthenticatedPages } from '../db/page-authentication';
import { writeFileAtomic } from '../fs/atomic';
import { KEYSLOT_FILE, openSlot, readKeyslots, type KeyslotFile } from '../vault/keyslots';
import type { KdfPolicy } from '../vault/kdf';

export const BACKUP_MANIFEST = 'backup.json';

const BackupManifest = z.object({
  format: z.literal('pcu-backup/1'),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  unitUid: z.string(),
  files: z.array(z.object({ name: z.enum([DB_FILE, KEYSLOT_FILE]), bytes: z.number().int(), sha256: z.string().length(64) })),
});
type BackupManifest = z.infer<typeof BackupManifest>;

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}


const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

/**
 * Writes `<target>/pcu-backup-<time>/` with an encrypted copy of the database
 * (VACUUM INTO keeps the key; `db.backup()` cannot copy an encrypted file), the
 * key file, and a manifest of SHA-256 sums. Nothing in it is readable without
 * a password or the recovery key.
 */
export async function createBackup(
  db: Db,
  keyslots: KeyslotFile,
  targetDir: string,
  meta: { appVersion: string; now: Date },
): Promise<{ dir: string; createdAt: string; files: BackupManifest['files'] }> {
  try {
    const stat = await fs.stat(targetDir);
    if (!stat.isDirectory()) throw new Error('not a folder');
  } catch (error) {
    throw new DomainError('BACKUP_TARGET_INVALID', `${targetDir}: ${(error as Error).message}`, { detail: targetDir });
  }
  // Two backups in the same millisecond (a double click) get their own folders.
  let dir = path.join(targetDir, `pcu-backup-${stamp(meta.now)}`);
  for (let attempt = 2; ; attempt += 1) {
    try {
      await fs.mkdir(dir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 50) {
        throw new DomainError('BACKUP_TARGET_INVALID', `${dir}: ${(error as Error).message}`, { detail: dir });
      }
      dir = path.join(targetDir, `pcu-backup-${stamp(meta.now)}-${attempt}`);
    }
  }
  try {
    const dbCopy = path.join(dir, DB_FILE);
    copyDatabase(db, dbCopy);
    // VACUUM INTO writes a new file with its own salt: the copy's key file must name it.
    const dbSalt = await readDatabaseSalt(dbCopy);
    if (!dbSalt) throw new Error(`${dbCopy} has no database header`);
    const slots: KeyslotFile = { ...keyslots, dbSalt };
    await writeFileAtomic(path.join(dir, KEYSLOT_FILE), `${JSON.stringify(slots, null, 2)}\n`);
    const files: BackupManifest['files'] = [];
    for (const name of [DB_FILE, KEYSLOT_FILE] as const) {
      const file = path.join(dir, name);
      files.push({ name, bytes: (await fs.stat(file)).size, sha256: await sha256File(file) });
    }
    const manifest: BackupManifest = {
      format: 'pcu-backup/1',
      createdAt: meta.now.toISOString(),
      appVersion: meta.appVersion,
      schemaVersion: schemaVersion(db),
      unitUid: keyslots.unitUid,
      files,
    };
    await writeFileAtomic(path.join(dir, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return { dir, createdAt: manifest.createdAt, files };
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    if (error instanceof DomainError) throw error;
    throw new DomainError('BACKUP_TARGET_INVALID', `Writing the backup to ${dir} failed: ${(error as Error).message}`, { detail: dir });
  }
}

const invalid = (detail: string) => new DomainError('BACKUP_INVALID', detail, { detail });

/** Checks a backup folder without changing anything: manifest, sums, key file, and (given a password) that it opens. */
export async function verifyBackup(
  sourceDir: string,
  credentials: { user: string; password: string; kdf: KdfPolicy } | null,
): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = BackupManifest.parse(JSON.parse(await fs.readFile(path.join(sourceDir, BACKUP_MANIFEST), 'utf8')));
  } catch (error) {
    throw invalid(`${path.join(sourceDir, BACKUP_MANIFEST)}: ${(error as Error).message.split('\n')[0]}`);
  }
  for (const name of [DB_FILE, KEYSLOT_FILE]) {
    const entry = manifest.files.find((file) => file.name === name);
    if (!entry) throw invalid(`${BACKUP_MANIFEST} does not list ${name}`);
    const file = path.join(sourceDir, name);
    const actual = await sha256File(file).catch(() => null);
    if (actual !== entry.sha256) throw invalid(`${file}: SHA-256 does not match the backup manifest`);
  }
  const slots = await readKeyslots(sourceDir).catch((error: unknown) => {
    throw invalid(`${path.join(sourceDir, KEYSLOT_FILE)}: ${(error as Error).message}`);
  });
  if (!slots || slots.unitUid !== manifest.unitUid) throw invalid(`${KEYSLOT_FILE} does not belong to this backup`);
  if ((await readDatabaseSalt(path.join(sourceDir, DB_FILE))) !== slots.dbSalt) throw invalid(`${DB_FILE} does not match ${KEYSLOT_FILE}`);
  if (credentials) {
    const key = await openSlot(slots, credentials.user, credentials.password, credentials.kdf);
    const db = openDatabase(path.join(sourceDir, DB_FILE), key, { readonly: true });
    try {
      const problems = await checkDatabase(db, path.join(sourceDir, DB_FILE), key);
      if (problems.length > 0) throw invalid(`${DB_FILE}: ${problems[0]}`);
    } finally {
      db.close();
      key.fill(0);
    }
  }
  return manifest;
}

/**
 * Replaces the data directory's database and key file with a verified backup.
 * The current files are moved (never deleted) to `previous-<time>/` first, and
 * put back if copying fails.
 */
export async function restoreBackup(
  dataDir: string,
  sourceDir: string,
  options: { now: Date; credentials: { user: string; password: string; kdf: KdfPolicy } | null },
): Promise<{ restoredFrom: string; previousDir: string | null; manifest: BackupManifest }> {
  const manifest = await verifyBackup(sourceDir, options.credentials);
  await fs.mkdir(dataDir, { recursive: true });
  const previousDir = path.join(dataDir, `previous-${stamp(options.now)}`);
  const current = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, KEYSLOT_FILE];
  const moved: string[] = [];
  for (const name of current) {
    const file = path.join(dataDir, name);
    try {
      await fs.access(file);
    } catch {
      continue;
    }
    await fs.mkdir(previousDir, { recursive: true });
    await fs.rename(file, path.join(previousDir, name));
    moved.push(name);
  }
  try {
    for (const name of [DB_FILE, KEYSLOT_FILE]) {
      const temp = path.join(dataDir, `${name}.restoring`);
      await fs.copyFile(path.join(sourceDir, name), temp);
      await fs.rename(temp, path.join(dataDir, name));
    }
  } catch (error) {
    for (const name of moved) await fs.rename(path.join(previousDir, name), path.join(dataDir, name)).catch(() => {});
    throw invalid(`copying from ${sourceDir} failed: ${(error as Error).message}`);
  }
  return { restoredFrom: sourceDir, previousDir: moved.length > 0 ? previousDir : null, manifest };
}

/**
 * Every page's authentication code, then SQLite's own structural check and
 * foreign keys. Empty means healthy. A read-write connection checkpoints the
 * WAL first so the file holds every page.
 */
export async function checkDatabase(db: Db, file: string, key: Buffer): Promise<string[]> {
  const problems: string[] = [];
  if (!db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
  for (const page of await findUnauthenticatedPages(file, key)) {
    problems.push(`page ${page}: authentication code does not match (altered or damaged)`);
  }
  try {
    for (const row of db.pragma('integrity_check') as { integrity_check: string }[]) {
      if (row.integrity_check !== 'ok') problems.push(`integrity: ${row.integrity_check}`);
    }
    for (const row of db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
      problems.push(`foreign key: ${row.table} row ${row.rowid} → ${row.parent}`);
    }
  } catch (error) {
    // A page that fails authentication makes SQLite stop with "malformed".
    problems.push(`integrity: ${(error as Error).message}`);
  }
  return problems;
}

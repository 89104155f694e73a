import { randomBytes, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Role } from '../../../shared/domain/roles';
import { DomainError } from '../../../shared/ipc/errors';
import { checkDatabase, createBackup } from '../backup/backup';
import { appendAudit, auditChainHead, type Actor, type AuditEvent } from '../audit/audit-log';
import { migrate } from '../db/migrate';
import { DB_FILE, DB_KEY_BYTES, isUnreadableDatabaseError, openDatabase, readDatabaseSalt, rekeyDatabase, type Db } from '../db/open';
import { findUser, insertUser, type UserRow } from './accounts';
import { productionKdf, type KdfPolicy } from './kdf';
import {
  auditHeadAuthentic,
  createSlot,
  openSlot,
  readKeyslots,
  RECOVERY_SLOT,
  signAuditHead,
  slotName,
  writeKeyslots,
  type KeyslotFile,
} from './keyslots';
import { createLoginThrottle } from './login-throttle';
import { assertAcceptablePassword } from './password-policy';
import { generateRecoveryKey, normaliseRecoveryKey } from './recovery-key';

export interface VaultOptions {
  readonly dataDir: string;
  readonly clock: () => Date;
  readonly kdf?: KdfPolicy;
}

export interface UnitSetup {
  readonly unitName: string;
  readonly country: string;
  readonly locode: string;
  readonly adminUsername: string;
  readonly adminDisplayName: string;
  readonly password: string;
}

/**
 * The unlocked unit: the open database, its key, and the keyslot file. Every
 * state change goes through `change`, which runs it in one transaction with
 * its audit entry and then moves the chain head kept outside the database.
 */
export class UnitStore {
  private keyslotWrites: Promise<void> = Promise.resolve();

  constructor(
    readonly db: Db,
    private dbKey: Buffer,
    private slots: KeyslotFile,
    private readonly options: Required<VaultOptions>,
  ) {}

  get keyslots(): KeyslotFile {
    return this.slots;
  }

  get unitUid(): string {
    return this.slots.unitUid;
  }

  get kdf(): KdfPolicy {
    return this.options.kdf;
  }

  async change<T>(actor: Actor, event: AuditEvent | ((result: T) => AuditEvent), work: (db: Db) => T): Promise<T> {
    // IMMEDIATE: the import worker writes through its own connection, and a deferred
    // transaction that has to upgrade to writing could lose that race.
    const result = this.db
      .transaction(() => {
        const value = work(this.db);
        appendAudit(this.db, this.options.clock(), actor, typeof event === 'function' ? event(value) : event);
        return value;
      })
      .immediate();
    await this.publishAuditHead();
    return result;
  }

  /** Records an event that changes nothing else (a refused call, a login). */
  async record(actor: Actor, event: AuditEvent): Promise<void> {
    await this.change(actor, event, () => undefined);
  }

  /** Serialised rewrite of the keyslot file (slot changes and audit head). */
  updateKeyslots(edit: (file: KeyslotFile) => KeyslotFile): Promise<void> {
    const next = this.keyslotWrites.then(async () => {
      this.slots = edit(this.slots);
      await writeKeyslots(this.options.dataDir, this.slots);
    });
    this.keyslotWrites = next.catch(() => {});
    return next;
  }

  /**
   * Moves the chain head kept in the key file forward, but only from a head
   * that still matches the database. If someone removed the newest entries or
   * forged the head, the old head stays as evidence: re-signing whatever the
   * database now holds would launder the tampering at the next login.
   */
  publishAuditHead(): Promise<void> {
    return this.updateKeyslots((file) => {
      const stored = file.auditHead;
      if (stored && !this.headMatchesDatabase(stored)) return file;
      const head = auditChainHead(this.db);
      return { ...file, auditHead: signAuditHead(this.dbKey, head.seq, head.hash) };
    });
  }

  private headMatchesDatabase(head: NonNullable<KeyslotFile['auditHead']>): boolean {
    if (!auditHeadAuthentic(this.dbKey, head)) return false;
    if (head.seq === 0) return true;
    const row = this.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(head.seq) as { hash: string } | undefined;
    return row?.hash === head.hash;
  }

  auditHeadForVerification(): { seq: number; hash: string; authentic: boolean } | null {
    const head = this.slots.auditHead;
    return head ? { seq: head.seq, hash: head.hash, authentic: auditHeadAuthentic(this.dbKey, head) } : null;
  }

  async createSlotFor(user: string, secret: string): Promise<void> {
    const slot = await createSlot(this.unitUid, user, secret, this.dbKey, this.options.kdf, this.options.clock());
    await this.updateKeyslots((file) => ({
      ...file,
      slots: [...file.slots.filter((s) => s.user !== slot.user), slot],
      awaitingReset: file.awaitingReset.filter((name) => name !== slot.user),
    }));
  }

  /** Deletes a user's slot: nothing that user knows opens the database any more. */
  async removeSlotOf(user: string): Promise<void> {
    const name = slotName(user);
    await this.updateKeyslots((file) => ({
      ...file,
      slots: file.slots.filter((slot) => slot.user !== name),
      awaitingReset: file.awaitingReset.filter((waiting) => waiting !== name),
    }));
  }


  /** Proves a password without changing anything (unlocking the screen, changing one's password). */
  async verifyPassword(user: string, password: string): Promise<void> {
    await openSlot(this.slots, user, password, this.options.kdf);
  }

  /**
   * Replaces the database key (e.g. after a machine was compromised). Every
   * slot wrapped the old key and only the administrator's password is known
   * here, so the result is: the database re-encrypted under a new random key,
   * a new slot for this administrator, a new recovery key, and every other
   * account waiting for a password reset. The audit head is re-signed.
   */
  async rekey(actor: Actor & { userName: string }, password: string): Promise<{ recoveryKey: string; usersToReset: string[] }> {
    await this.verifyPassword(actor.userName, password);
    await this.keyslotWrites;
    const newKey = randomBytes(DB_KEY_BYTES);
    const oldKey = this.dbKey;
    rekeyDatabase(this.db, newKey);
    this.dbKey = newKey;
    oldKey.fill(0);
    const usersToReset = this.slots.slots.map((slot) => slot.user).filter((user) => user !== RECOVERY_SLOT && user !== slotName(actor.userName));
    const recoveryKey = generateRecoveryKey();
    const now = this.options.clock();
    const slots = [
      await createSlot(this.unitUid, actor.userName, password, newKey, this.options.kdf, now),
      await createSlot(this.unitUid, RECOVERY_SLOT, recoveryKey, newKey, this.options.kdf, now),
    ];
    appendAudit(this.db, now, actor, { action: 'db.rekey', details: { usersToReset: usersToReset.length } });
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    const dbSalt = await readDatabaseSalt(databasePath(this.options.dataDir));
    if (!dbSalt) throw new Error('database file has no header after rekey');
    const head = auditChainHead(this.db);
    await this.updateKeyslots((file) => ({
      ...file,
      dbSalt,
      slots,
      awaitingReset: [...new Set([...file.awaitingReset, ...usersToReset])],
      auditHead: signAuditHead(newKey, head.seq, head.hash),
    }));
    return { recoveryKey, usersToReset };
  }

  /**
   * What the import worker needs to write through its own connection: the
   * database file and a copy of the key (the worker wipes its copy).
   */
  workerAccess(): { dbFile: string; key: Uint8Array } {
    return { dbFile: databasePath(this.options.dataDir), key: new Uint8Array(this.dbKey) };
  }

  /** Page authentication codes, structure and foreign keys of the open database. */
  checkIntegrity(): Promise<string[]> {
    return checkDatabase(this.db, databasePath(this.options.dataDir), this.dbKey);
  }

  async backupTo(targetDir: string, appVersion: string) {
    await this.keyslotWrites;
    return createBackup(this.db, this.slots, targetDir, { appVersion, now: this.options.clock() });
  }

  async close(): Promise<void> {
    await this.keyslotWrites;
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
    this.dbKey.fill(0);
  }
}

export const databasePath = (dataDir: string) => path.join(dataDir, DB_FILE);


export function createVault(options: VaultOptions) {
  const settings: Required<VaultOptions> = { kdf: productionKdf, ...options };
  const { dataDir, clock } = settings;
  const throttle = createLoginThrottle(dataDir, clock);
  const dbFile = databasePath(dataDir);

  async function isSetUp(): Promise<boolean> {
    return (await readKeyslots(dataDir)) !== null;
  }

  async function setup(unit: UnitSetup): Promise<{ store: UnitStore; admin: UserRow; recoveryKey: string }> {
    if (await isSetUp()) throw new DomainError('ALREADY_SET_UP', 'This workstation already has a unit');
    await fs.mkdir(dataDir, { recursive: true });
    // A database without a keyslot file is unreadable forever (a setup that crashed): keep it aside, never delete.
    for (const suffix of ['', '-wal', '-shm']) {
      await fs.rename(`${dbFile}${suffix}`, `${dbFile}${suffix}.orphan-${clock().getTime()}`).catch(() => {});
    }
    const dbKey = randomBytes(DB_KEY_BYTES);
    const unitUid = randomUUID();
    const db = openDatabase(dbFile, dbKey, { create: true });
    try {
      migrate(db);
      const now = clock();
      const admin = db.transaction(() => {
        db.prepare('INSERT INTO unit (id, unit_uid, name, country, locode, created_at) VALUES (1, ?, ?, ?, ?, ?)').run(
          unitUid,
          unit.unitName,
          unit.country,
          unit.locode,
          now.toISOString(),
        );
        const created = insertUser(
          db,
          { username: unit.adminUsername, displayName: unit.adminDisplayName, role: 'administrator', createdBy: null },
          now,
        );
        const actor = { userId: created.id, userName: created.username };
        appendAudit(db, now, actor, { action: 'unit.setup', subject: unitUid, details: { country: unit.country, locode: unit.locode } });
        appendAudit(db, now, actor, { action: 'user.add', subject: created.username, details: { role: 'administrator' } });
        return created;
      })();
      // The salt lives in page 1, which WAL may still hold: write it to the main file first.
      db.pragma('wal_checkpoint(TRUNCATE)');
      const dbSalt = await readDatabaseSalt(dbFile);
      if (!dbSalt) throw new Error('database file has no header after setup');
      const recoveryKey = generateRecoveryKey();
      const slots = [
        await createSlot(unitUid, admin.username, unit.password, dbKey, settings.kdf, now),
        await createSlot(unitUid, RECOVERY_SLOT, recoveryKey, dbKey, settings.kdf, now),
      ];
      const head = auditChainHead(db);
      const file: KeyslotFile = {
        format: 'pcu-keyslots/1',
        unitUid,
        dbSalt,
        slots,
        auditHead: signAuditHead(dbKey, head.seq, head.hash),
        awaitingReset: [],
      };
      await writeKeyslots(dataDir, file);
      return { store: new UnitStore(db, dbKey, file, settings), admin, recoveryKey };
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Opens the database with the key from `secret`'s slot, after checking it is this unit's file. */
  async function openWithSlot(user: string, secret: string): Promise<UnitStore> {
    const file = await readKeyslots(dataDir);
    if (!file) throw new DomainError('NOT_SET_UP', 'This workstation has no unit yet: run the setup first');
    const dbKey = await openSlot(file, user, secret, settings.kdf);
    const salt = await readDatabaseSalt(dbFile);
    if (salt === null) {
      throw new DomainError('DB_MISSING', `The database file ${dbFile} is missing or empty`, { file: dbFile, detail: dbFile });
    }
    if (salt !== file.dbSalt) {
      throw new DomainError('DB_FOREIGN', `The database file ${dbFile} belongs to another unit or installation`, { file: dbFile, detail: dbFile });
    }
    let db: Db;
    try {
      db = openDatabase(dbFile, dbKey);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'DB_UNREADABLE') {
        throw new DomainError('DB_CORRUPT', `The database file ${dbFile} is damaged`, { file: dbFile, detail: dbFile });
      }
      throw error;
    }
    try {
      migrate(db);
      const unit = db.prepare('SELECT unit_uid FROM unit WHERE id = 1').get() as { unit_uid: string } | undefined;
      if (unit?.unit_uid !== file.unitUid) {
        throw new DomainError('DB_FOREIGN', `The database file ${dbFile} belongs to another unit`, { file: dbFile, detail: dbFile });
      }
    } catch (error) {
      db.close();
      if (error instanceof DomainError) throw error;
      if (isUnreadableDatabaseError(error)) {
        throw new DomainError('DB_CORRUPT', `The database file ${dbFile} is damaged`, { file: dbFile, detail: dbFile });
      }
      throw error;
    }
    return new UnitStore(db, dbKey, file, settings);
  }

  /**
   * Logs a user in. Refusals are counted per user and slow down further
   * attempts; the counter survives restarts.
   */
  async function unlock(username: string, password: string): Promise<{ store: UnitStore; user: UserRow }> {
    const key = slotName(username);
    const wait = await throttle.waitFor(key);
    if (wait > 0) {
      throw new DomainError('LOGIN_THROTTLED', `Too many failed attempts for "${username}"; wait ${Math.ceil(wait / 1000)} s`, {
        seconds: Math.ceil(wait / 1000),
      });
    }
    let store: UnitStore;
    try {
      store = await openWithSlot(username, password);
    } catch (error) {
      if (error instanceof DomainError && ['WRONG_PASSWORD', 'UNKNOWN_USER'].includes(error.code)) {
        await throttle.recordFailure(key);
      }
      throw error;
    }
    const user = findUser(store.db, username);
    if (!user) {
      await store.close();
      throw new DomainError('UNKNOWN_USER', `There is no user "${username}" on this workstation`, { user: username });
    }
    if (user.disabled) {
      await store.record({ userId: user.id, userName: user.username }, { action: 'session.login-refused', subject: user.username, details: { reason: 'disabled' } });
      await store.close();
      throw new DomainError('USER_DISABLED', `The account "${username}" is disabled`, { user: username });
    }
    await throttle.recordSuccess(key);
    return { store, user };
  }

  /** Opens the unit with the recovery key (every password forgotten). */
  async function unlockWithRecoveryKey(recoveryKey: string): Promise<UnitStore> {
    return openWithSlot(RECOVERY_SLOT, recoveryKey);
  }

  /**
   * Every password forgotten: the recovery key opens its own slot; the named
   * administrator gets a new slot (and is re-enabled). Audited as such.
   */
  async function recoverAdministrator(recoveryKey: string, username: string, newPassword: string): Promise<UserRow> {
    const normalised = normaliseRecoveryKey(recoveryKey);
    if (!normalised) throw new DomainError('INVALID_RECOVERY_KEY', 'This is not a recovery key');
    assertAcceptablePassword(newPassword);
    let store: UnitStore;
    try {
      store = await unlockWithRecoveryKey(normalised);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'WRONG_PASSWORD') {
        throw new DomainError('INVALID_RECOVERY_KEY', 'The recovery key does not open this unit');
      }
      throw error;
    }
    try {
      const user = findUser(store.db, username);
      if (!user || user.role !== 'administrator') {
        throw new DomainError('UNKNOWN_USER', `There is no administrator "${username}"`, { user: username });
      }
      await store.createSlotFor(user.username, newPassword);
      return await store.change({ userId: null, userName: RECOVERY_SLOT }, { action: 'user.recovered', subject: user.username }, (db) => {
        db.prepare('UPDATE users SET disabled = 0, password_changed_at = ? WHERE id = ?').run(clock().toISOString(), user.id);
        return findUser(db, user.username) as UserRow;
      });
    } finally {
      await store.close();
    }
  }

  return { dataDir, isSetUp, setup, unlock, unlockWithRecoveryKey, recoverAdministrator, kdf: settings.kdf };
}

export type Vault = ReturnType<typeof createVault>;
export type { Role };

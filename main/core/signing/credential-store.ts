/**
 * Signing credentials and the unit CA in the encrypted database (migration
 * 0006). Plain repository functions over `db`; the caller owns the transaction
 * and the audit entry (UnitStore.change). The P12 password is never stored:
 * each function that needs the key takes it and forgets it.
 */
import crypto from 'node:crypto';
import { DomainError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { buildP12, createUnitCa, describeCertificate, issueOfficerCertificate, openP12, type CertificateInfo, type UnitCa } from './certificates';
import type { CmsSigner } from './cms';

export type CredentialSource = 'imported' | 'unit_ca';

export interface CredentialInfo extends CertificateInfo {
  id: number;
  userId: number;
  source: CredentialSource;
  createdAt: string;
}

interface CredentialRow {
  id: number;
  user_id: number;
  source: CredentialSource;
  subject: string;
  issuer: string;
  serial_number: string;
  fingerprint: string;
  not_before: string;
  not_after: string;
  created_at: string;
}

const toInfo = (row: CredentialRow): CredentialInfo => ({
  id: row.id,
  userId: row.user_id,
  source: row.source,
  subject: row.subject,
  issuer: row.issuer,
  serialNumber: row.serial_number,
  fingerprint: row.fingerprint,
  notBefore: row.not_before,
  notAfter: row.not_after,
  createdAt: row.created_at,
});

const COLUMNS = 'id, user_id, source, subject, issuer, serial_number, fingerprint, not_before, not_after, created_at';

export function currentCredential(db: Db, userId: number): CredentialInfo | undefined {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM signing_credentials WHERE user_id = ? AND replaced_at IS NULL`)
    .get(userId) as CredentialRow | undefined;
  return row ? toInfo(row) : undefined;
}

/** Every user's current credential (the administration's view of who can sign). */
export function currentCredentials(db: Db): CredentialInfo[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM signing_credentials WHERE replaced_at IS NULL ORDER BY user_id`).all() as CredentialRow[];
  return rows.map(toInfo);
}

/** Any credential (current or replaced) by certificate fingerprint: which officer a signature belongs to. */
export function credentialByFingerprint(db: Db, fingerprint: string): CredentialInfo | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM signing_credentials WHERE fingerprint = ? ORDER BY id DESC`).get(fingerprint) as
    | CredentialRow
    | undefined;
  return row ? toInfo(row) : undefined;
}

/** The officer's current P12 bytes; SIGNING_NO_CREDENTIAL when there is none. */
export function currentP12(db: Db, userId: number): Buffer {
  const row = db.prepare('SELECT p12 FROM signing_credentials WHERE user_id = ? AND replaced_at IS NULL').get(userId) as
    | { p12: Buffer }
    | undefined;
  if (!row) throw new DomainError('SIGNING_NO_CREDENTIAL', 'no signing certificate for this user');
  return row.p12;
}

function storeCredential(
  db: Db,
  input: { userId: number; source: CredentialSource; p12: Buffer; certificate: Buffer; actorId: number; now: Date },
): CredentialInfo {
  const info = describeCertificate(input.certificate);
  const at = input.now.toISOString();
  db.prepare('UPDATE signing_credentials SET replaced_at = ? WHERE user_id = ? AND replaced_at IS NULL').run(at, input.userId);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO signing_credentials
       (user_id, source, p12, subject, issuer, serial_number, fingerprint, not_before, not_after, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.userId, input.source, input.p12, info.subject, info.issuer, info.serialNumber, info.fingerprint, info.notBefore, info.notAfter, at, input.actorId);
  return { ...info, id: Number(lastInsertRowid), userId: input.userId, source: input.source, createdAt: at };
}

/**
 * An officer's own PKCS#12 from the national PKI. The password is checked now
 * (wrong password → SIGNING_P12_PASSWORD_WRONG) and then forgotten; the file is
 * stored as given, still protected by it.
 */
export function importP12(db: Db, input: { userId: number; p12: Buffer; password: string; now: Date }): CredentialInfo {
  const signer = openP12(input.p12, input.password);
  return storeCredential(db, { userId: input.userId, source: 'imported', p12: input.p12, certificate: signer.certificate, actorId: input.userId, now: input.now });
}

/** Opens the officer's current credential with the password given at signing time. */
export function openCurrentCredential(db: Db, userId: number, password: string): CmsSigner {
  return openP12(currentP12(db, userId), password);
}

export interface UnitCaInfo {
  subject: string;
  fingerprint: string;
  notAfter: string;
  createdAt: string;
}

export function unitCaInfo(db: Db): UnitCaInfo | undefined {
  const row = db.prepare('SELECT subject, fingerprint, not_after, created_at FROM unit_ca WHERE id = 1').get() as
    | { subject: string; fingerprint: string; not_after: string; created_at: string }
    | undefined;
  return row ? { subject: row.subject, fingerprint: row.fingerprint, notAfter: row.not_after, createdAt: row.created_at } : undefined;
}

function loadUnitCa(db: Db): UnitCa {
  const row = db.prepare('SELECT certificate, private_key FROM unit_ca WHERE id = 1').get() as
    | { certificate: Buffer; private_key: Buffer }
    | undefined;
  if (!row) throw new DomainError('SIGNING_NO_UNIT_CA', 'no unit CA');
  return { certificate: row.certificate, privateKey: crypto.createPrivateKey({ key: row.private_key, format: 'der', type: 'pkcs8' }) };
}

/** Creates the unit's CA once (SIGNING_UNIT_CA_EXISTS after that). */
export function createUnitCaRecord(db: Db, input: { unitName: string; country?: string; actorId: number; now: Date }): UnitCaInfo {
  if (unitCaInfo(db)) throw new DomainError('SIGNING_UNIT_CA_EXISTS', 'unit CA exists');
  const ca = createUnitCa({ unitName: input.unitName, ...(input.country ? { country: input.country } : {}), now: input.now });
  const info = describeCertificate(ca.certificate);
  db.prepare(
    'INSERT INTO unit_ca (id, certificate, private_key, subject, fingerprint, not_after, created_at, created_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?)',
  ).run(ca.certificate, ca.privateKey.export({ type: 'pkcs8', format: 'der' }), info.subject, info.fingerprint, info.notAfter, input.now.toISOString(), input.actorId);
  return { subject: info.subject, fingerprint: info.fingerprint, notAfter: info.notAfter, createdAt: input.now.toISOString() };
}

/** The unit CA certificate for the prosecutor's office (DER; PEM via certificatePem). */
export function unitCaCertificate(db: Db): Buffer {
  return loadUnitCa(db).certificate;
}

/**
 * Issues an officer certificate from the unit CA and stores it as the officer's
 * credential: a P12 protected by the password the officer chose (given here, not kept).
 */
export function issueFromUnitCa(db: Db, input: { userId: number; password: string; actorId: number; unitName: string; now: Date }): CredentialInfo {
  const ca = loadUnitCa(db);
  const user = db.prepare('SELECT username, display_name, role FROM users WHERE id = ?').get(input.userId) as
    | { username: string; display_name: string; role: string }
    | undefined;
  if (!user) throw new DomainError('INVALID_INPUT', 'no such user', { field: 'userId' });
  const signer = issueOfficerCertificate(ca, { fullName: user.display_name, username: user.username, role: user.role, unitName: input.unitName }, input.now);
  const p12 = buildP12(signer, input.password, user.display_name);
  return storeCredential(db, { userId: input.userId, source: 'unit_ca', p12, certificate: signer.certificate, actorId: input.actorId, now: input.now });
}

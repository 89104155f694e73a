import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../../shared/ipc/errors';
import { writeFileAtomic } from '../fs/atomic';
import { Argon2Params, deriveKek, meetsFloor, type KdfPolicy } from './kdf';

export const KEYSLOT_FILE = 'keyslots.json';
export const RECOVERY_SLOT = '#recovery';

/**
 * One wrapped copy of the database key, openable by one person's password
 * (or by the recovery key), as LUKS does. The slot's user name, kind and KDF
 * parameters are bound in as AES-GCM associated data: moving a slot to another
 * name, or editing its parameters, makes it fail to open.
 */
const Slot = z.object({
  user: z.string().min(1),
  kdf: Argon2Params,
  /** HMAC of a constant under the key-encryption key: tells a wrong password from a damaged slot. */
  check: z.string(),
  iv: z.string(),
  wrapped: z.string(),
  tag: z.string(),
  createdAt: z.string(),
});
export type Slot = z.infer<typeof Slot>;

const AuditHead = z.object({ seq: z.number().int().nonnegative(), hash: z.string(), mac: z.string() });
export type AuditHead = z.infer<typeof AuditHead>;

const KeyslotFile = z.object({
  format: z.literal('pcu-keyslots/1'),
  unitUid: z.string().min(1),
  /** The database file's first 16 bytes (SQLCipher's salt): tells a foreign database file from a damaged one. */
  dbSalt: z.string(),
  slots: z.array(Slot),
  auditHead: AuditHead.nullable(),
  /** Accounts whose slot was dropped by a database rekey: they wait for an administrator's password reset. */
  awaitingReset: z.array(z.string()).default([]),
});
export type KeyslotFile = z.output<typeof KeyslotFile>;

export const keyslotPath = (dataDir: string) => path.join(dataDir, KEYSLOT_FILE);

export const slotName = (user: string) => user.normalize('NFC').trim().toLowerCase();

export async function readKeyslots(dataDir: string): Promise<KeyslotFile | null> {
  const file = keyslotPath(dataDir);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DomainError('KEYSLOTS_UNREADABLE', `Cannot read ${file}`, { file, detail: (error as Error).message });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DomainError('KEYSLOTS_UNREADABLE', `${file} is not valid JSON`, { file, detail: 'not valid JSON' });
  }
  const parsed = KeyslotFile.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new DomainError('KEYSLOTS_UNREADABLE', `${file}: unexpected content at "${where}"`, {
      file,
      detail: `unexpected content at "${where}"`,
    });
  }
  return parsed.data;
}

export async function writeKeyslots(dataDir: string, content: KeyslotFile): Promise<void> {
  await writeFileAtomic(keyslotPath(dataDir), `${JSON.stringify(KeyslotFile.parse(content), null, 2)}\n`);
}

const CHECK_LABEL = 'pcu-keyslot-check/1';

function associatedData(unitUid: string, slot: Pick<Slot, 'user' | 'kdf'>): Buffer {
  const { alg, m, t, p, salt } = slot.kdf;
  return Buffer.from(JSON.stringify(['pcu-keyslot/1', unitUid, slot.user, alg, m, t, p, salt]), 'utf8');
}

const checkValue = (kek: Buffer) => createHmac('sha256', kek).update(CHECK_LABEL).digest().subarray(0, 16);

export async function createSlot(
  unitUid: string,
  user: string,
  secret: string,
  dbKey: Buffer,
  policy: KdfPolicy,
  now: Date,
): Promise<Slot> {
  const kdf: Argon2Params = { alg: 'argon2id', ...policy.target, salt: randomBytes(16).toString('base64') };
  const kek = await deriveKek(secret, kdf);
  const iv = randomBytes(12);
  const name = user === RECOVERY_SLOT ? RECOVERY_SLOT : slotName(user);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(associatedData(unitUid, { user: name, kdf }));
  const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return {
    user: name,
    kdf,
    check: checkValue(kek).toString('base64'),
    iv: iv.toString('base64'),
    wrapped: wrapped.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    createdAt: now.toISOString(),
  };
}

function tryUnwrap(unitUid: string, slot: Slot, asUser: string, kek: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(associatedData(unitUid, { user: asUser, kdf: slot.kdf }));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/**
 * Opens `user`'s slot with `secret`. Each way it can fail has its own code:
 * no slot, parameters below the floor, wrong password, a slot that belongs to
 * another user, a slot whose bytes were altered.
 */
export async function openSlot(file: KeyslotFile, user: string, secret: string, policy: KdfPolicy): Promise<Buffer> {
  const name = user === RECOVERY_SLOT ? RECOVERY_SLOT : slotName(user);
  const slot = file.slots.find((candidate) => candidate.user === name);
  if (!slot && file.awaitingReset.includes(name)) {
    throw new DomainError('PASSWORD_RESET_REQUIRED', `The database key was changed; an administrator must reset the password of "${user}"`, { user });
  }
  if (!slot) throw new DomainError('UNKNOWN_USER', `There is no user "${user}" on this workstation`, { user });
  if (!meetsFloor(slot.kdf, policy)) {
    throw new DomainError('KEYSLOT_WEAKENED', `The key slot of "${user}" has key-derivation parameters below the minimum`, {
      user,
    });
  }
  const kek = await deriveKek(secret, slot.kdf);
  const expected = Buffer.from(slot.check, 'base64');
  const actual = checkValue(kek);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new DomainError('WRONG_PASSWORD', `Wrong password for "${user}"`, { user });
  }
  const key = tryUnwrap(file.unitUid, slot, name, kek);
  if (key) return key;
  // The password was right but the slot does not open under this name: find out why.
  const owner = file.slots.find((other) => other.user !== name && tryUnwrap(file.unitUid, slot, other.user, kek));
  if (owner) {
    throw new DomainError('KEYSLOT_SWAPPED', `The key slot filed under "${user}" belongs to another user`, { user });
  }
  throw new DomainError('KEYSLOT_TAMPERED', `The key slot of "${user}" has been altered`, { user });
}

/** The key that authenticates the audit chain head kept in this file, derived from the database key. */
export function auditHeadKey(dbKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'pcu-audit-head/1', 32));
}

export function signAuditHead(dbKey: Buffer, seq: number, hash: string): AuditHead {
  const mac = createHmac('sha256', auditHeadKey(dbKey)).update(`${seq}:${hash}`).digest('hex');
  return { seq, hash, mac };
}

export function auditHeadAuthentic(dbKey: Buffer, head: AuditHead): boolean {
  const expected = Buffer.from(signAuditHead(dbKey, head.seq, head.hash).mac, 'hex');
  const actual = Buffer.from(head.mac, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

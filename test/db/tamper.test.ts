import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, expectOk, setUpUnit, type UnitFixture } from './unit-fixture';

interface SlotFile {
  slots: { user: string; kdf: { m: number; t: number; p: number }; wrapped: string; tag: string }[];
  auditHead: unknown;
}

let unit: UnitFixture;
let other: UnitFixture;
const officer = { username: 'aziz', password: 'officer password 1' };

const slotsPath = () => path.join(unit.dataDir, 'keyslots.json');
const readSlots = () => JSON.parse(readFileSync(slotsPath(), 'utf8')) as SlotFile;
const writeSlots = (file: SlotFile) => writeFileSync(slotsPath(), JSON.stringify(file));
const dbPath = () => path.join(unit.dataDir, 'pcu.db');

beforeEach(async () => {
  unit = await setUpUnit();
  await expectOk(unit.services.invoke('users.add', { ...officer, displayName: 'Aziz', role: 'officer' }));
  await unit.services.close();
  other = await setUpUnit();
  await other.services.close();
});
afterEach(async () => {
  await unit.dispose();
  await other.dispose();
});

/** Logs in on a fresh process-like service graph and returns the error code, or 'ok'. */
async function loginCode(credentials = ADMIN): Promise<string> {
  const services = unit.reopen();
  const result = await services.invoke('session.login', credentials);
  await services.close();
  return result.ok ? 'ok' : result.error.code;
}

/** Every refusal must leave the files exactly as they were. */
function snapshot(): Buffer[] {
  return [readFileSync(slotsPath()), readFileSync(dbPath())];
}

describe('each way the data can be wrong gives its own error and changes nothing', () => {
  it('wrong password', async () => {
    const before = snapshot();
    expect(await loginCode({ ...ADMIN, password: 'not the password' })).toBe('WRONG_PASSWORD');
    expect(snapshot()).toEqual(before);
  });

  it('a key slot whose bytes were altered', async () => {
    const file = readSlots();
    const slot = file.slots.find((candidate) => candidate.user === ADMIN.username);
    if (!slot) throw new Error('no admin slot');
    const wrapped = Buffer.from(slot.wrapped, 'base64');
    wrapped[3] = (wrapped[3] ?? 0) ^ 0x01;
    slot.wrapped = wrapped.toString('base64');
    writeSlots(file);
    const before = snapshot();
    expect(await loginCode()).toBe('KEYSLOT_TAMPERED');
    expect(snapshot()).toEqual(before);
  });

  it('a slot moved to another user name (the officer\'s slot filed under the administrator)', async () => {
    const file = readSlots();
    const admin = file.slots.find((slot) => slot.user === ADMIN.username);
    const aziz = file.slots.find((slot) => slot.user === officer.username);
    if (!admin || !aziz) throw new Error('slots missing');
    admin.user = officer.username;
    aziz.user = ADMIN.username;
    writeSlots(file);
    const before = snapshot();
    // The officer knows their own password and tries to act as the administrator.
    expect(await loginCode({ username: ADMIN.username, password: officer.password })).toBe('KEYSLOT_SWAPPED');
    expect(snapshot()).toEqual(before);
  });

  it('key-derivation parameters weakened below the floor', async () => {
    const file = readSlots();
    for (const slot of file.slots) slot.kdf.m = 1024;
    writeSlots(file);
    const before = snapshot();
    expect(await loginCode()).toBe('KEYSLOT_WEAKENED');
    expect(snapshot()).toEqual(before);
  });

  it('an unreadable key file', async () => {
    writeFileSync(slotsPath(), '{"format":"pcu-keyslots/1","slots":');
    expect(await loginCode()).toBe('KEYSLOTS_UNREADABLE');
  });

  it('another unit\'s database file in place of ours', async () => {
    copyFileSync(path.join(other.dataDir, 'pcu.db'), dbPath());
    const before = snapshot();
    expect(await loginCode()).toBe('DB_FOREIGN');
    expect(snapshot()).toEqual(before);
  });

  it('a flipped byte in the database', async () => {
    const bytes = readFileSync(dbPath());
    // Page 2 holds the first table's root page: any login reads it.
    bytes[4096 + 200] = (bytes[4096 + 200] ?? 0) ^ 0x40;
    writeFileSync(dbPath(), bytes);
    const before = snapshot();
    expect(await loginCode()).toBe('DB_CORRUPT');
    expect(snapshot()).toEqual(before);
  });

  it('a database from a newer version of the application', async () => {
    const services = unit.reopen();
    await expectOk(services.invoke('session.login', ADMIN));
    services.sessions.store().db.pragma('user_version = 999');
    await services.close();
    expect(await loginCode()).toBe('DB_TOO_NEW');
  });

  it('a missing database file', async () => {
    const { rmSync } = await import('node:fs');
    rmSync(dbPath());
    expect(await loginCode()).toBe('DB_MISSING');
  });
});

describe('db check', () => {
  it('finds a damaged page that a login never reads', async () => {
    const services = unit.reopen();
    await expectOk(services.invoke('session.login', ADMIN));
    expect(await expectOk(services.invoke('db.check', undefined))).toEqual({ ok: true, problems: [] });
    // Fill a table a login never reads, so that it owns the last pages of the file.
    const db = services.sessions.store().db;
    const insert = db.prepare("INSERT INTO watch_lists (name, description, created_at) VALUES (?, ?, '2026-11-28')");
    for (let index = 0; index < 40; index += 1) insert.run(`list ${index}`, 'x'.repeat(3000));
    await services.close();
    const bytes = readFileSync(dbPath());
    const lastPage = bytes.length / 4096;
    bytes[(lastPage - 1) * 4096 + 10] = (bytes[(lastPage - 1) * 4096 + 10] ?? 0) ^ 0x01;
    writeFileSync(dbPath(), bytes);
    const again = unit.reopen();
    await expectOk(again.invoke('session.login', ADMIN));
    const result = await expectOk<{ ok: boolean; problems: string[] }>(again.invoke('db.check', undefined));
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toContain(`page ${lastPage}`);
  });
});

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../main/core/backup/backup';
import { fastKdf } from '../harness/fast-kdf';
import { ADMIN, expectOk, servicesOn, setUpUnit, UNIT_NAME, type UnitFixture } from './unit-fixture';

let unit: UnitFixture;
let usb: string;
let backupDir: string;

beforeEach(async () => {
  unit = await setUpUnit();
  await expectOk(unit.services.invoke('users.add', { username: 'aziz', displayName: 'Aziz', role: 'officer', password: 'officer password 1' }));
  usb = mkdtempSync(path.join(os.tmpdir(), 'pcu-usb-'));
  backupDir = (await expectOk<{ dir: string }>(unit.services.invoke('backup.create', { targetDir: usb }))).dir;
  await unit.services.close();
});
afterEach(async () => {
  await unit.dispose();
  rmSync(usb, { recursive: true, force: true });
});

const credentials = { user: ADMIN.username, password: ADMIN.password, kdf: fastKdf };

describe('backup', () => {
  it('writes the encrypted database, the key file and a manifest of SHA-256 sums, and is audited', async () => {
    expect(readdirSync(backupDir).sort()).toEqual(['backup.json', 'keyslots.json', 'pcu.db']);
    const manifest = JSON.parse(readFileSync(path.join(backupDir, 'backup.json'), 'utf8')) as { files: { name: string; sha256: string }[] };
    expect(manifest.files.map((file) => file.name).sort()).toEqual(['keyslots.json', 'pcu.db']);
    expect(readFileSync(path.join(backupDir, 'pcu.db')).includes(Buffer.from(UNIT_NAME))).toBe(false);
    const services = unit.reopen();
    await expectOk(services.invoke('session.login', ADMIN));
    const entries = await expectOk<{ action: string }[]>(services.invoke('audit.list', { action: 'backup' }));
    expect(entries.map((entry) => entry.action)).toEqual(['backup.create']);
  });

  it('refuses a target that is not a folder', async () => {
    const services = unit.reopen();
    await expectOk(services.invoke('session.login', ADMIN));
    expect(await services.invoke('backup.create', { targetDir: path.join(usb, 'missing') })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_TARGET_INVALID' },
    });
  });
});

describe('restore', () => {
  it('restores onto an empty workstation, and the unit opens with the same passwords', async () => {
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'pcu-restore-'));
    try {
      const result = await restoreBackup(fresh, backupDir, { now: new Date(), credentials });
      expect(result.previousDir).toBeNull();
      const services = servicesOn(fresh);
      const session = await expectOk<{ unit: { name: string } }>(services.invoke('session.login', { username: 'aziz', password: 'officer password 1' }));
      expect(session.unit.name).toBe(UNIT_NAME);
      await services.close();
      const admin = servicesOn(fresh);
      await expectOk(admin.invoke('session.login', ADMIN));
      expect(await expectOk(admin.invoke('audit.verify', undefined))).toMatchObject({ ok: true });
      await admin.close();
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('keeps the previous data aside, and brings back what the backup had', async () => {
    const services = unit.reopen();
    await expectOk(services.invoke('session.login', ADMIN));
    await expectOk(services.invoke('users.add', { username: 'later', displayName: 'Later', role: 'officer', password: 'added after backup' }));
    await services.close();
    const result = await restoreBackup(unit.dataDir, backupDir, { now: new Date(), credentials });
    expect(result.previousDir && readdirSync(result.previousDir).sort()).toEqual(['keyslots.json', 'pcu.db']);
    const after = unit.reopen();
    expect(await after.invoke('session.login', { username: 'later', password: 'added after backup' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_USER' },
    });
    await expectOk(after.invoke('session.login', ADMIN));
  });

  it('refuses an altered backup and a wrong password, replacing nothing', async () => {
    const before = readFileSync(path.join(unit.dataDir, 'pcu.db'));
    await expect(restoreBackup(unit.dataDir, backupDir, { now: new Date(), credentials: { ...credentials, password: 'wrong password!' } })).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    const db = path.join(backupDir, 'pcu.db');
    const bytes = readFileSync(db);
    bytes[5000] = (bytes[5000] ?? 0) ^ 1;
    writeFileSync(db, bytes);
    await expect(restoreBackup(unit.dataDir, backupDir, { now: new Date(), credentials })).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
    writeFileSync(path.join(backupDir, 'backup.json'), '{}');
    await expect(restoreBackup(unit.dataDir, backupDir, { now: new Date(), credentials: null })).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
    expect(readFileSync(path.join(unit.dataDir, 'pcu.db')).equals(before)).toBe(true);
    expect(readdirSync(unit.dataDir).some((name) => name.startsWith('previous-'))).toBe(false);
  });

  it('refuses a backup whose database was swapped for another one', async () => {
    const other = await setUpUnit();
    try {
      mkdirSync(path.join(other.dataDir, 'usb'));
      const otherBackup = (await expectOk<{ dir: string }>(other.services.invoke('backup.create', { targetDir: path.join(other.dataDir, 'usb') }))).dir;
      writeFileSync(path.join(backupDir, 'pcu.db'), readFileSync(path.join(otherBackup, 'pcu.db')));
      await expect(restoreBackup(unit.dataDir, backupDir, { now: new Date(), credentials: null })).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
    } finally {
      await other.dispose();
    }
  });
});

describe('restore from the running app', () => {
  it('verifies with the administrator\'s password, ends the session, swaps the data and records the restore', async () => {
    const services = unit.reopen();
    await expectOk(services.invoke('session.login', ADMIN));
    await expectOk(services.invoke('users.add', { username: 'later', displayName: 'Later', role: 'officer', password: 'added after backup' }));
    expect(await services.invoke('backup.restore', { sourceDir: backupDir, password: 'wrong password!' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });
    // Still logged in, nothing moved.
    expect((await services.invoke('users.list', undefined)).ok).toBe(true);
    const result = await expectOk<{ previousDir: string }>(services.invoke('backup.restore', { sourceDir: backupDir, password: ADMIN.password }));
    expect(result.previousDir).toContain('previous-');
    expect(await expectOk(services.invoke('session.status', undefined))).toMatchObject({ session: null });
    expect(await services.invoke('session.login', { username: 'later', password: 'added after backup' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_USER' } });
    await expectOk(services.invoke('session.login', ADMIN));
    const entries = await expectOk<{ action: string }[]>(services.invoke('audit.list', { action: 'backup' }));
    // The copy was taken before its own backup.create entry was written.
    expect(entries.map((entry) => entry.action)).toEqual(['backup.restored']);
    expect(await expectOk(services.invoke('audit.verify', undefined))).toMatchObject({ ok: true });
  });
});

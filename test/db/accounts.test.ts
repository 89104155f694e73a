import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, expectOk, setUpUnit, UNIT_NAME, type UnitFixture } from './unit-fixture';

let unit: UnitFixture;
beforeEach(async () => {
  unit = await setUpUnit();
});
afterEach(async () => {
  await unit.dispose();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('first-run setup', () => {
  it('creates an encrypted database that no file in the data directory gives away', async () => {
    const backupRoot = path.join(unit.dataDir, 'usb');
    (await import('node:fs')).mkdirSync(backupRoot);
    await expectOk(unit.services.invoke('backup.create', { targetDir: backupRoot }));
    const files = filesUnder(unit.dataDir);
    expect(files.map((file) => path.basename(file))).toEqual(expect.arrayContaining(['pcu.db', 'keyslots.json', 'backup.json']));
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(UNIT_NAME)), file).toBe(false);
      expect(bytes.includes(Buffer.from('MARKER-7f3a', 'utf16le')), file).toBe(false);
      if (path.basename(file) === 'pcu.db') expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    }
    // While the session is open the WAL holds recent pages: it must be encrypted too.
    const wal = path.join(unit.dataDir, 'pcu.db-wal');
    if (files.includes(wal) && statSync(wal).size > 0) expect(readFileSync(wal).includes(Buffer.from(UNIT_NAME))).toBe(false);
  });

  it('returns a recovery key once and refuses a second setup', async () => {
    expect(unit.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    const again = await unit.services.invoke('setup.create', {
      unitName: 'Other',
      country: 'UZ',
      locode: 'UZTAS',
      adminUsername: 'someone',
      adminDisplayName: 'Someone',
      password: 'another long password',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
  });

  it('validates the unit fields and the password length before creating anything', async () => {
    const { mkdtempSync, readdirSync: list, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const { servicesOn } = await import('./unit-fixture');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pcu-setup-'));
    try {
      const services = servicesOn(dir);
      const base = { unitName: 'PCU Termez', country: 'UZ', locode: 'UZTMZ', adminUsername: 'admin', adminDisplayName: 'Admin', password: 'long enough password' };
      const badLocode = await services.invoke('setup.create', { ...base, locode: 'UZ1MZ' });
      expect(badLocode).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['locode'] }] } } });
      expect(await services.invoke('setup.create', { ...base, country: 'Uzbekistan' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await services.invoke('setup.create', { ...base, password: 'short' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
      expect(list(dir)).toEqual([]);
      // Lower case and spaces as people type them are accepted.
      await expectOk(services.invoke('setup.create', { ...base, country: 'uz', locode: 'uz tmz' }));
      const status = await expectOk<{ session: { unit: { country: string; locode: string } } }>(services.invoke('session.status', undefined));
      expect(status.session.unit).toMatchObject({ country: 'UZ', locode: 'UZTMZ' });
      await services.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('login', () => {
  it('opens the unit for the right password and shows who is logged in', async () => {
    await unit.services.close();
    const services = unit.reopen();
    expect(await expectOk(services.invoke('session.status', undefined))).toEqual({ setUp: true, demoAvailable: false, session: null });
    const session = await expectOk<{ user: { username: string; role: string }; unit: { name: string } }>(
      services.invoke('session.login', ADMIN),
    );
    expect(session.user).toMatchObject({ username: ADMIN.username, role: 'administrator' });
    expect(session.unit.name).toBe(UNIT_NAME);
  });

  it('tells a wrong password from an unknown user, and slows down repeated failures', async () => {
    await unit.services.close();
    const services = unit.reopen();
    expect(await services.invoke('session.login', { username: 'nobody', password: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_USER' },
    });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await services.invoke('session.login', { ...ADMIN, password: 'wrong password!' })).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PASSWORD' },
      });
    }
    const throttled = await services.invoke('session.login', ADMIN);
    expect(throttled).toMatchObject({ ok: false, error: { code: 'LOGIN_THROTTLED' } });
    // The back-off is on disk: a restart does not reset it.
    expect(await unit.reopen().invoke('session.login', ADMIN)).toMatchObject({ ok: false, error: { code: 'LOGIN_THROTTLED' } });
  });
});

describe('accounts and roles', () => {
  it('lets an administrator add an officer who can then log in, but not administer', async () => {
    await expectOk(
      unit.services.invoke('users.add', { username: 'aziz', displayName: 'Aziz Karimov', role: 'officer', password: 'officer password 1' }),
    );
    await expectOk(unit.services.invoke('session.logout', undefined));
    await expectOk(unit.services.invoke('session.login', { username: 'aziz', password: 'officer password 1' }));
    expect(await unit.services.invoke('users.list', undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await unit.services.invoke('audit.verify', undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expectOk(unit.services.invoke('session.logout', undefined));
    await expectOk(unit.services.invoke('session.login', ADMIN));
    const entries = await expectOk<{ action: string; subject: string; userName: string }[]>(
      unit.services.invoke('audit.list', { action: 'access.denied' }),
    );
    expect(entries.map((entry) => [entry.userName, entry.subject])).toEqual([
      ['aziz', 'audit.verify'],
      ['aziz', 'users.list'],
    ]);
  });

  it('refuses a disabled user until re-enabled, and keeps the last administrator', async () => {
    await expectOk(unit.services.invoke('users.add', { username: 'aziz', displayName: 'Aziz', role: 'officer', password: 'officer password 1' }));
    await expectOk(unit.services.invoke('users.setDisabled', { username: 'aziz', disabled: true }));
    expect(await unit.services.invoke('users.setDisabled', { username: ADMIN.username, disabled: true })).toMatchObject({
      ok: false,
      error: { code: 'LAST_ADMINISTRATOR' },
    });
    await expectOk(unit.services.invoke('session.logout', undefined));
    expect(await unit.services.invoke('session.login', { username: 'aziz', password: 'officer password 1' })).toMatchObject({
      ok: false,
      error: { code: 'USER_DISABLED' },
    });
    await expectOk(unit.services.invoke('session.login', ADMIN));
    await expectOk(unit.services.invoke('users.setDisabled', { username: 'aziz', disabled: false }));
    await expectOk(unit.services.invoke('session.logout', undefined));
    await expectOk(unit.services.invoke('session.login', { username: 'aziz', password: 'officer password 1' }));
  });

  it('changes a password by rewrapping one slot, and resets another user\'s', async () => {
    await expectOk(unit.services.invoke('users.add', { username: 'aziz', displayName: 'Aziz', role: 'officer', password: 'officer password 1' }));
    const slotsBefore = JSON.parse(readFileSync(path.join(unit.dataDir, 'keyslots.json'), 'utf8')) as { slots: { user: string; wrapped: string }[] };
    expect(await unit.services.invoke('session.changePassword', { currentPassword: 'nope nope nope', newPassword: 'a new admin password' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });
    expect(await unit.services.invoke('session.changePassword', { currentPassword: ADMIN.password, newPassword: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSWORD', details: { min: 10 } },
    });
    await expectOk(unit.services.invoke('session.changePassword', { currentPassword: ADMIN.password, newPassword: 'a new admin password' }));
    await expectOk(unit.services.invoke('users.resetPassword', { username: 'aziz', newPassword: 'reset by the admin' }));
    const slotsAfter = JSON.parse(readFileSync(path.join(unit.dataDir, 'keyslots.json'), 'utf8')) as { slots: { user: string; wrapped: string }[] };
    const recovery = (file: typeof slotsAfter) => file.slots.find((slot) => slot.user === '#recovery')?.wrapped;
    expect(recovery(slotsAfter)).toBe(recovery(slotsBefore));
    await expectOk(unit.services.invoke('session.logout', undefined));
    expect(await unit.services.invoke('session.login', ADMIN)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    await expectOk(unit.services.invoke('session.login', { username: ADMIN.username, password: 'a new admin password' }));
    await expectOk(unit.services.invoke('session.logout', undefined));
    await expectOk(unit.services.invoke('session.login', { username: 'aziz', password: 'reset by the admin' }));
  });
});

describe('session lock', () => {
  it('locks after the unit\'s inactivity limit, hides everything, and unlocks with the password', async () => {
    let now = Date.parse('2026-11-28T08:00:00Z');
    await unit.services.close();
    const { createServices } = await import('../../main/core/services');
    const { fastKdf } = await import('../harness/fast-kdf');
    const ticks: (() => void)[] = [];
    unit.services = createServices({
      dataDir: unit.dataDir,
      appVersion: 'test',
      kdf: fastKdf,
      clock: () => new Date(now),
      timers: { setInterval: (callback) => ticks.push(callback), clearInterval: () => {} },
    });
    const seen: unknown[] = [];
    unit.services.events.subscribe((event, payload) => event === 'session.changed' && seen.push(payload));
    await expectOk(unit.services.invoke('session.login', ADMIN));
    await expectOk(unit.services.invoke('unit.settings.set', { lockAfterMinutes: 5 }));
    now += 4 * 60_000;
    ticks.forEach((tick) => tick());
    await expectOk(unit.services.invoke('users.list', undefined));
    now += 5 * 60_000 + 1;
    ticks.forEach((tick) => tick());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await unit.services.invoke('users.list', undefined)).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    const status = await expectOk<{ session: { locked: boolean } }>(unit.services.invoke('session.status', undefined));
    expect(status.session.locked).toBe(true);
    expect(seen.at(-1)).toMatchObject({ session: { locked: true } });
    expect(await unit.services.invoke('session.unlock', { password: 'not the password' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });
    await expectOk(unit.services.invoke('session.unlock', { password: ADMIN.password }));
    await expectOk(unit.services.invoke('users.list', undefined));
  });
});

describe('settings file damage does not touch the unit', () => {
  it('keeps working when settings.json is garbage', async () => {
    writeFileSync(path.join(unit.dataDir, 'settings.json'), '{');
    await expectOk(unit.services.invoke('users.list', undefined));
  });
});

describe('removing an account', () => {
  it('deletes its key slot so it can no longer log in, keeps its name in the history, and cannot be revived', async () => {
    await expectOk(unit.services.invoke('users.add', { username: 'aziz', displayName: 'Aziz', role: 'officer', password: 'officer password 1' }));
    const removed = await expectOk<{ removed: boolean; disabled: boolean }>(unit.services.invoke('users.remove', { username: 'aziz' }));
    expect(removed).toMatchObject({ removed: true, disabled: true });
    const slots = JSON.parse(readFileSync(path.join(unit.dataDir, 'keyslots.json'), 'utf8')) as { slots: { user: string }[] };
    expect(slots.slots.map((slot) => slot.user)).not.toContain('aziz');
    expect(await unit.services.invoke('users.setDisabled', { username: 'aziz', disabled: false })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_USER' } });
    expect(await unit.services.invoke('users.resetPassword', { username: 'aziz', newPassword: 'a way back in please' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_USER' },
    });
    expect(await unit.services.invoke('users.add', { username: 'aziz', displayName: 'Aziz 2', role: 'officer', password: 'officer password 2' })).toMatchObject({
      ok: false,
      error: { code: 'USER_EXISTS' },
    });
    expect(await unit.services.invoke('users.remove', { username: ADMIN.username })).toMatchObject({ ok: false, error: { code: 'CANNOT_REMOVE_SELF' } });
    const history = await expectOk<{ action: string; subject: string }[]>(unit.services.invoke('audit.list', { action: 'user.' }));
    expect(history.map((entry) => [entry.action, entry.subject])).toContainEqual(['user.remove', 'aziz']);
    await expectOk(unit.services.invoke('session.logout', undefined));
    expect(await unit.services.invoke('session.login', { username: 'aziz', password: 'officer password 1' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_USER' },
    });
  });
});

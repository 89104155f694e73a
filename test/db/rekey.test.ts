import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyKey } from '../../main/core/db/open';
import { openSlot, readKeyslots } from '../../main/core/vault/keyslots';
import { fastKdf } from '../harness/fast-kdf';
import { ADMIN, expectOk, setUpUnit, type UnitFixture } from './unit-fixture';

let unit: UnitFixture;
const officer = { username: 'aziz', password: 'officer password 1' };

beforeEach(async () => {
  unit = await setUpUnit();
  await expectOk(unit.services.invoke('users.add', { ...officer, displayName: 'Aziz', role: 'officer' }));
});
afterEach(async () => {
  await unit.dispose();
});

async function currentKey(): Promise<Buffer> {
  const slots = await readKeyslots(unit.dataDir);
  if (!slots) throw new Error('no key file');
  return openSlot(slots, ADMIN.username, ADMIN.password, fastKdf);
}

function opens(key: Buffer): boolean {
  const db = new Database(path.join(unit.dataDir, 'pcu.db'), { readonly: true });
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM users').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

describe('rekey', () => {
  it('re-encrypts under a new key; the administrator keeps the password, others wait for a reset', async () => {
    const oldKey = await currentKey();
    expect(await unit.services.invoke('db.rekey', { password: 'not the password' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    const result = await expectOk<{ recoveryKey: string; usersToReset: string[] }>(unit.services.invoke('db.rekey', { password: ADMIN.password }));
    expect(result.usersToReset).toEqual(['aziz']);
    expect(result.recoveryKey).not.toBe(unit.recoveryKey);
    await unit.services.close();

    const newKey = await currentKey();
    expect(newKey.equals(oldKey)).toBe(false);
    expect(opens(oldKey)).toBe(false);
    expect(opens(newKey)).toBe(true);

    const services = unit.reopen();
    expect(await services.invoke('session.login', officer)).toMatchObject({ ok: false, error: { code: 'PASSWORD_RESET_REQUIRED' } });
    await expectOk(services.invoke('session.login', ADMIN));
    expect(await expectOk(services.invoke('audit.verify', undefined))).toMatchObject({ ok: true });
    expect(await expectOk(services.invoke('db.check', undefined))).toEqual({ ok: true, problems: [] });
    await expectOk(services.invoke('users.resetPassword', { username: 'aziz', newPassword: 'a fresh password' }));
    await expectOk(services.invoke('session.logout', undefined));
    await expectOk(services.invoke('session.login', { username: 'aziz', password: 'a fresh password' }));
    await services.close();

    // The old recovery key no longer opens anything; the new one does.
    const { recoverAdministrator } = unit.reopen().vault;
    await expect(recoverAdministrator(unit.recoveryKey, ADMIN.username, 'recovered password')).rejects.toMatchObject({ code: 'INVALID_RECOVERY_KEY' });
    await expect(recoverAdministrator(result.recoveryKey, ADMIN.username, 'recovered password')).resolves.toMatchObject({ username: ADMIN.username });
  });

  it('is refused to anyone but an administrator', async () => {
    await expectOk(unit.services.invoke('session.logout', undefined));
    await expectOk(unit.services.invoke('session.login', officer));
    expect(await unit.services.invoke('db.rekey', { password: officer.password })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

import { latestSchemaVersion } from '../../main/core/db/migrate';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/io';
import { runCli } from '../../main/cli/program';
import { fastKdf } from '../harness/fast-kdf';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pcu-cli-unit-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function pcu(args: string[], env: Record<string, string> = {}, language: 'en' | 'ru' = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, platform: 'linux', home: '/tmp', language, kdf: fastKdf };
  const code = await runCli([...args, '--data-dir', dataDir], io);
  const stdout = out.join('');
  return { code, stdout, stderr: err.join(''), json: () => JSON.parse(stdout) as Record<string, unknown> };
}

const ADMIN_ENV = { PCU_PASSWORD: 'admin password 123' };

describe('pcu setup, user, info, audit, db, backup, restore, recover', () => {
  beforeEach(async () => {
    const setup = await pcu(['setup', '--unit', 'PCU Termez', '--country', 'UZ', '--locode', 'UZTMZ', '--admin', 'nodira', '--json'], ADMIN_ENV);
    expect(setup.code, setup.stderr).toBe(0);
    expect(setup.json()).toMatchObject({ unit: 'PCU Termez', admin: 'nodira', recoveryKey: expect.stringMatching(/^[0-9A-Z-]{39}$/) });
  });

  it('adds and lists users, with the new password from PCU_NEW_PASSWORD', async () => {
    const add = await pcu(['user', 'add', 'aziz', '--role', 'officer', '--user', 'nodira', '--json'], { ...ADMIN_ENV, PCU_NEW_PASSWORD: 'officer password 1' });
    expect(add.code, add.stderr).toBe(0);
    expect(add.json()).toMatchObject({ username: 'aziz', role: 'officer' });
    const list = await pcu(['user', 'list', '--user', 'nodira', '--json'], ADMIN_ENV);
    expect((JSON.parse(list.stdout) as { username: string }[]).map((user) => user.username)).toEqual(['aziz', 'nodira']);
    const asOfficer = await pcu(['user', 'list', '--user', 'aziz', '--json'], { PCU_PASSWORD: 'officer password 1' });
    expect(asOfficer.code).not.toBe(0);
    expect(JSON.parse(asOfficer.stderr)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const badRole = await pcu(['user', 'add', 'x', '--role', 'boss', '--user', 'nodira'], ADMIN_ENV);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('boss');
  });

  it('reports the unit with --user, and a clear translated error for a wrong password', async () => {
    const info = await pcu(['info', '--user', 'nodira', '--json'], ADMIN_ENV);
    expect(info.json()).toMatchObject({ unit: 'PCU Termez', users: 1, schemaVersion: latestSchemaVersion(), dbSizeBytes: expect.any(Number) });
    const wrong = await pcu(['info', '--user', 'nodira', '--json'], { PCU_PASSWORD: 'nope nope nope' });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(JSON.parse(wrong.stderr)).toEqual({ ok: false, error: { code: 'WRONG_PASSWORD', message: 'Wrong password.' } });
    const missing = await pcu(['info', '--user', 'nodira'], {}, 'ru');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('PCU_PASSWORD');
    expect(missing.stderr).toContain('Пароль не указан');
  });

  it('verifies the audit chain and checks the database', async () => {
    expect((await pcu(['audit', 'verify', '--user', 'nodira', '--json'], ADMIN_ENV)).json()).toMatchObject({ ok: true });
    expect((await pcu(['db', 'check', '--user', 'nodira', '--json'], ADMIN_ENV)).json()).toEqual({ ok: true, problems: [] });
  });

  it('backs up to a folder and restores from it, keeping the previous data', async () => {
    const usb = path.join(dataDir, 'usb');
    mkdirSync(usb);
    const backup = await pcu(['backup', '--user', 'nodira', '--to', usb, '--json'], ADMIN_ENV);
    expect(backup.code, backup.stderr).toBe(0);
    const dir = String(backup.json().dir);
    const restore = await pcu(['restore', '--from', dir, '--user', 'nodira', '--json'], ADMIN_ENV);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.json()).toMatchObject({ ok: true, verifiedOpening: true, previousDir: expect.stringContaining('previous-') });
    expect(readdirSync(dataDir).some((name) => name.startsWith('previous-'))).toBe(true);
    expect((await pcu(['info', '--user', 'nodira', '--json'], ADMIN_ENV)).json()).toMatchObject({ unit: 'PCU Termez' });
  });

  it('recovers an administrator with the recovery key when every password is lost', async () => {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir);
    const setup = await pcu(['setup', '--unit', 'PCU Termez', '--country', 'UZ', '--locode', 'UZTMZ', '--admin', 'nodira', '--json'], ADMIN_ENV);
    const recoveryKey = String(setup.json().recoveryKey);
    const bad = await pcu(['recover', '--admin', 'nodira', '--json'], { PCU_RECOVERY_KEY: 'AAAA-BBBB', PCU_NEW_PASSWORD: 'brand new password' });
    expect(JSON.parse(bad.stderr)).toMatchObject({ error: { code: 'INVALID_RECOVERY_KEY' } });
    const typedSloppily = recoveryKey.toLowerCase().replace(/-/g, ' ');
    const ok = await pcu(['recover', '--admin', 'nodira', '--json'], { PCU_RECOVERY_KEY: typedSloppily, PCU_NEW_PASSWORD: 'brand new password' });
    expect(ok.code, ok.stderr).toBe(0);
    expect((await pcu(['info', '--user', 'nodira', '--json'], { PCU_PASSWORD: 'brand new password' })).code).toBe(0);
    const audit = await pcu(['audit', 'verify', '--user', 'nodira', '--json'], { PCU_PASSWORD: 'brand new password' });
    expect(audit.json()).toMatchObject({ ok: true });
  });
});

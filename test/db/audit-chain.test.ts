import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/program';
import type { CliIo } from '../../main/cli/io';
import { applyKey } from '../../main/core/db/open';
import { fastKdf } from '../harness/fast-kdf';
import { ADMIN, expectOk, setUpUnit, type UnitFixture } from './unit-fixture';

let unit: UnitFixture;
let dbKey: Buffer;

beforeEach(async () => {
  unit = await setUpUnit();
  for (const name of ['aziz', 'bakhtiyor', 'gulnora']) {
    await expectOk(unit.services.invoke('users.add', { username: name, displayName: name, role: 'officer', password: 'a long password' }));
  }
  // The key is needed only to play the attacker with a raw connection.
  const { openSlot, readKeyslots } = await import('../../main/core/vault/keyslots');
  const { fastKdf } = await import('../harness/fast-kdf');
  const slots = await readKeyslots(unit.dataDir);
  if (!slots) throw new Error('no keyslots');
  dbKey = await openSlot(slots, ADMIN.username, ADMIN.password, fastKdf);
  await unit.services.close();
});
afterEach(async () => {
  await unit.dispose();
});

/** A raw connection that first removes the append-only triggers, as an attacker with the key could. */
function tamper(edit: (db: Database.Database) => void): void {
  const db = new Database(path.join(unit.dataDir, 'pcu.db'));
  applyKey(db, dbKey);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  edit(db);
  db.close();
}

async function verifyWithCli(): Promise<{ code: number; verdict: { ok: boolean; entries: number; firstBroken?: { seq: number; reason: string } } }> {
  const out: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: () => {},
    env: { PCU_PASSWORD: ADMIN.password },
    platform: 'linux',
    home: '/tmp',
    language: 'en',
    // This unit was set up with the fast test KDF, whose slots the production floor refuses.
    kdf: fastKdf,
  };
  const code = await runCli(['audit', 'verify', '--user', ADMIN.username, '--data-dir', unit.dataDir, '--json'], io);
  return { code, verdict: JSON.parse(out.join('')) };
}

describe('pcu audit verify', () => {
  it('accepts an untouched chain', async () => {
    const { code, verdict } = await verifyWithCli();
    expect(code).toBe(0);
    expect(verdict.ok).toBe(true);
    expect(verdict.entries).toBeGreaterThan(5);
  });

  it('finds an edited entry', async () => {
    tamper((db) => db.prepare("UPDATE audit_log SET subject = 'someone-else' WHERE seq = 3").run());
    const { code, verdict } = await verifyWithCli();
    expect(code).toBe(1);
    expect(verdict).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'hash-mismatch' } });
  });

  it('finds a removed entry in the middle', async () => {
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq = 4').run());
    const { verdict } = await verifyWithCli();
    expect(verdict).toMatchObject({ ok: false, firstBroken: { seq: 4, reason: 'sequence-gap' } });
  });

  it('finds reordered entries even when the sequence numbers are rewritten', async () => {
    tamper((db) => {
      const rows = db.prepare('SELECT * FROM audit_log WHERE seq IN (3, 4) ORDER BY seq').all() as Record<string, unknown>[];
      const [third, fourth] = rows;
      if (!third || !fourth) throw new Error('rows missing');
      const swap = db.prepare('UPDATE audit_log SET at = @at, user_name = @user_name, action = @action, subject = @subject, details_json = @details_json, prev_hash = @prev_hash, hash = @hash WHERE seq = @target');
      swap.run({ ...fourth, target: 3 });
      swap.run({ ...third, target: 4 });
    });
    const { verdict } = await verifyWithCli();
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBroken?.seq).toBe(3);
  });

  it('finds the newest entries deleted, thanks to the chain head kept outside the database', async () => {
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)').run());
    const { verdict } = await verifyWithCli();
    expect(verdict).toMatchObject({ ok: false, firstBroken: { reason: 'missing-latest' } });
  });

  it('finds a forged chain head in the key file', async () => {
    const file = path.join(unit.dataDir, 'keyslots.json');
    const slots = JSON.parse(readFileSync(file, 'utf8')) as { auditHead: { seq: number } };
    slots.auditHead.seq -= 2;
    writeFileSync(file, JSON.stringify(slots));
    const { verdict } = await verifyWithCli();
    expect(verdict).toMatchObject({ ok: false, firstBroken: { reason: 'head-tampered' } });
  });

  it('refuses UPDATE and DELETE on the audit trail through the application\'s own connection', async () => {
    const services = unit.reopen();
    await expectOk(services.invoke('session.login', ADMIN));
    const db = services.sessions.store().db;
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    await services.close();
  });
});

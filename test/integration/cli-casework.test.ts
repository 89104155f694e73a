import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/io';
import { runCli } from '../../main/cli/program';
import { fastKdf } from '../harness/fast-kdf';

/** `pcu demo` and `pcu case list`, in-process, on a fresh data directory. */

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pcu-cli-casework-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function pcu(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), env, platform: 'linux', home: '/tmp', language: 'en', kdf: fastKdf };
  const code = await runCli([...args, '--data-dir', dataDir], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

interface DemoJson {
  unit: string;
  accounts: { username: string; role: string; password: string }[];
}

describe('pcu demo', () => {
  it('creates the demo unit with PCU_PASSWORD for every account, and its case is listed by pcu case list --json', async () => {
    const env = { PCU_PASSWORD: 'training password 1' };
    const demo = await pcu(['demo', '--json'], env);
    expect(demo.code, demo.stderr).toBe(0);
    const created = JSON.parse(demo.stdout) as DemoJson;
    expect(created).toMatchObject({ unit: 'Demo PCU Dushanbe (training)' });
    expect(created.accounts).toEqual([
      { username: 'admin', role: 'administrator', password: 'training password 1' },
      { username: 'supervisor', role: 'supervisor', password: 'training password 1' },
      { username: 'officer', role: 'officer', password: 'training password 1' },
    ]);

    const list = await pcu(['case', 'list', '--user', 'officer', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    const cases = JSON.parse(list.stdout) as Record<string, unknown>[];
    expect(cases).toEqual([
      expect.objectContaining({ id: 1, reference: expect.stringMatching(/^TJDYU-\d{4}-0001$/), status: 'seizure', consignments: 1, examinations: 1, seizures: 1, awaitingApproval: 0 }),
    ]);
    const human = await pcu(['case', 'list', '--user', 'officer', '--status', 'seizure'], env);
    expect(human.stdout).toMatch(/^TJDYU-\d{4}-0001 +seizure/);
    expect((await pcu(['case', 'list', '--user', 'officer', '--status', 'closed', '--json'], env)).stdout.trim()).toBe('[]');

    const again = await pcu(['demo', '--json'], env);
    expect(again.code).not.toBe(0);
    expect(JSON.parse(again.stderr)).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
  });

  it('generates one password per account when PCU_PASSWORD is not set, printed once, and they open the unit', async () => {
    const demo = await pcu(['demo', '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    const { accounts } = JSON.parse(demo.stdout) as DemoJson;
    expect(accounts.map((account) => [account.username, account.role])).toEqual([
      ['admin', 'administrator'],
      ['supervisor', 'supervisor'],
      ['officer', 'officer'],
    ]);
    expect(new Set(accounts.map((account) => account.password)).size).toBe(3);
    const supervisor = accounts.find((account) => account.role === 'supervisor')!;
    const list = await pcu(['case', 'list', '--user', 'supervisor', '--json'], { PCU_PASSWORD: supervisor.password });
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(1);

    const human = await pcu(['demo'], {});
    expect(human.code).not.toBe(0);
    expect(human.stderr).toContain('already has a unit');
  });

  it('refuses a PCU_PASSWORD too weak for the password rule before creating anything', async () => {
    const weak = await pcu(['demo', '--json'], { PCU_PASSWORD: 'short' });
    expect(weak.code).not.toBe(0);
    expect(JSON.parse(weak.stderr)).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    const demo = await pcu(['demo'], { PCU_PASSWORD: 'training password 1' });
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/officer +training password 1/);
  });
});

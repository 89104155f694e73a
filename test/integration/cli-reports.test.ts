import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/io';
import { runCli } from '../../main/cli/program';
import { createServices } from '../../main/core/services';
import { expectOk } from '../db/unit-fixture';
import { fastKdf } from '../harness/fast-kdf';

/** `pcu report examination|case|stats`, in-process, on the demo unit. */

let dataDir: string;
const passwords = new Map<string, string>();
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pcu-cli-reports-'));
  // The same demo unit as the app's first-run choice (the case to report on included).
  const services = createServices({ dataDir, appVersion: 'test', kdf: fastKdf, demo: true });
  const demo = await expectOk<{ accounts: { username: string; password: string }[] }>(services.invoke('setup.demo', undefined));
  for (const account of demo.accounts) passwords.set(account.username, account.password);
  await services.close();
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function pcu(args: string[], extra: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const user = args[args.indexOf('--user') + 1] ?? '';
  const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), env: { PCU_PASSWORD: passwords.get(user) ?? '', ...extra }, platform: 'linux', home: '/tmp', language: 'en', kdf: fastKdf };
  const code = await runCli([...args, '--data-dir', dataDir], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('pcu report', () => {
  it('writes the examination report and the case file as PDF, in Russian on request', async () => {
    const exam = path.join(dataDir, 'exam.pdf');
    const result = await pcu(['report', 'examination', '--user', 'officer', '--case', '1', '--lang', 'ru', '--out', exam, '--json']);
    expect(result.code, result.stderr + JSON.stringify(result)).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ reportUid: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), signed: false });
    expect(readFileSync(exam).subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(dataDir, 'case.pdf');
    expect((await pcu(['report', 'case', '--user', 'officer', '--case', '1', '--out', file])).code).toBe(0);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('writes statistics as PDF or xlsx for supervisors and refuses officers', async () => {
    const xlsx = path.join(dataDir, 'stats.xlsx');
    expect((await pcu(['report', 'stats', '--user', 'supervisor', '--from', '2000-01-01', '--to', '2100-01-01', '--out', xlsx])).code).toBe(0);
    expect(XLSX.read(readFileSync(xlsx), { type: 'buffer' }).SheetNames[0]).toBe('Summary');
    const pdf = path.join(dataDir, 'stats.pdf');
    expect((await pcu(['report', 'stats', '--user', 'supervisor', '--from', '2000-01-01', '--to', '2100-01-01', '--out', pdf])).code).toBe(0);
    const refused = await pcu(['report', 'stats', '--user', 'officer', '--from', '2000-01-01', '--to', '2100-01-01', '--out', pdf, '--json']);
    expect(refused.code).not.toBe(0);
    expect(JSON.parse(refused.stderr)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const wrong = await pcu(['report', 'stats', '--user', 'supervisor', '--from', '2000-01-01', '--to', '2100-01-01', '--out', path.join(dataDir, 'x.txt')]);
    expect(wrong.code).not.toBe(0);
  }, 60_000);

  it('asks for PCU_P12_PASSWORD before signing', async () => {
    const result = await pcu(['report', 'examination', '--user', 'officer', '--case', '1', '--sign', '--out', path.join(dataDir, 's.pdf'), '--json']);
    expect(result.code).not.toBe(0);
    expect(JSON.parse(result.stderr)).toMatchObject({ error: { code: 'PASSWORD_REQUIRED' } });
  });
});

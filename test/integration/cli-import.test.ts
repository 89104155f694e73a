import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/io';
import { runCli } from '../../main/cli/program';
import { fastKdf } from '../harness/fast-kdf';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
let dataDir: string;
let work: string;

async function pcu(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: { PCU_PASSWORD: 'admin password 123' },
    platform: 'linux',
    home: '/tmp',
    language: 'en',
    kdf: fastKdf,
  };
  const code = await runCli([...args, '--data-dir', dataDir], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pcu-cli-import-'));
  work = mkdtempSync(path.join(os.tmpdir(), 'pcu-cli-files-'));
  expect((await pcu(['setup', '--unit', 'PCU Karachi', '--country', 'PK', '--locode', 'PKKHI', '--admin', 'admin'])).code).toBe(0);
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('pcu import --json', () => {
  it('prints one JSON array with the contract fields per file, and exits non-zero when a file is rejected', async () => {
    const empty = path.join(work, 'empty.xlsx');
    writeFileSync(empty, '');
    const run = await pcu(['import', path.join(fixtures, 'cuscar/a-d96b-unoa-lines.edi'), empty, '--user', 'admin', '--json']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(results).toHaveLength(2);
    expect(Object.keys(results[0] ?? {})).toEqual(
      expect.arrayContaining(['file', 'format', 'status', 'manifestId', 'vessel', 'voyage', 'lines', 'containers', 'badCheckDigitContainers', 'totalGrossWeightKg', 'problems']),
    );
    expect(results[0]).toMatchObject({ status: 'imported', format: 'cuscar', badCheckDigitContainers: ['MSMU7002183'], totalGrossWeightKg: '62401.25' });
    expect((results[0]?.problems as { code: string; segment?: number; message: string }[])[0]).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(results[1]).toMatchObject({ status: 'rejected', error: { code: 'FILE_EMPTY', message: expect.stringContaining('empty.xlsx') } });
  });

  it('exits 0 when every file is imported, and reports a missing file by name', async () => {
    const ok = await pcu(['import', path.join(fixtures, 'spreadsheets/manifest-msc-anna.xlsx'), '--user', 'admin', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const missing = await pcu(['import', path.join(work, 'nope.xlsx'), '--user', 'admin', '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)[0]).toMatchObject({ status: 'rejected', error: { code: 'FILE_UNREADABLE', message: expect.stringContaining('nope.xlsx') } });
  });

  it('maps unknown columns with --mapping and remembers the layout for the next file', async () => {
    const header = 'Рақами контейнер;Борхат;Гиранда;Тавсифи мол;Вазн\n';
    const first = path.join(work, 'tj-1.csv');
    const second = path.join(work, 'tj-2.csv');
    writeFileSync(first, `${header}MSCU1234566;BL-1;ҶДММ «Ҳамкорӣ»;Пахта;1200,5\n`);
    writeFileSync(second, `${header}TGHU9876542;BL-2;ҶДММ «Ғалаба»;Орд;800\n`);
    const without = await pcu(['import', first, '--user', 'admin', '--json']);
    expect(JSON.parse(without.stdout)[0]).toMatchObject({ status: 'rejected', error: { code: 'MANIFEST_NO_HEADER' } });
    const mapping = path.join(work, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({ 'Рақами контейнер': 'containerNumber', Борхат: 'blNumber', Гиранда: 'consigneeName', 'Тавсифи мол': 'goodsDescription', Вазн: 'grossWeightKg' }),
    );
    const mapped = await pcu(['import', first, '--user', 'admin', '--mapping', mapping, '--json']);
    expect(JSON.parse(mapped.stdout)[0]).toMatchObject({ status: 'imported', lines: 1, totalGrossWeightKg: '1200.5' });
    const remembered = await pcu(['import', second, '--user', 'admin', '--json']);
    expect(JSON.parse(remembered.stdout)[0]).toMatchObject({ status: 'imported', lines: 1, totalGrossWeightKg: '800' });
  });

  it('refuses a mapping file that names an unknown field', async () => {
    const mapping = path.join(work, 'bad.json');
    writeFileSync(mapping, JSON.stringify({ Container: 'box' }));
    const run = await pcu(['import', path.join(fixtures, 'spreadsheets/manifest-msc-anna.xlsx'), '--user', 'admin', '--mapping', mapping, '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad.json');
  });
});

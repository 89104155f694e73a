import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'out/cli/pcu.cjs');
const run = promisify(execFile);
let dataDir: string;

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('out/cli/pcu.cjs is missing: npm test builds before the e2e tests; run `npm run build`');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pcu-built-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the built `pcu` bin (out/cli/pcu.cjs) with the built import worker', () => {
  it('sets up a unit and imports a workbook and a CUSCAR file', async () => {
    const env = { ...process.env, PCU_PASSWORD: 'built cli password' };
    await run(process.execPath, [cli, 'setup', '--unit', 'PCU Poti', '--country', 'GE', '--locode', 'GEPTI', '--admin', 'nino', '--data-dir', dataDir, '--json'], { env });
    const { stdout } = await run(
      process.execPath,
      [cli, 'import', path.join(root, 'test/fixtures/spreadsheets/manifest-msc-anna.xlsx'), path.join(root, 'test/fixtures/cuscar/d-unoy-utf8.edi'), '--user', 'nino', '--data-dir', dataDir, '--json'],
      { env },
    );
    const results = JSON.parse(stdout) as { status: string; format: string }[];
    expect(results.map((result) => [result.status, result.format])).toEqual([
      ['imported', 'xlsx'],
      ['imported', 'cuscar'],
    ]);
  }, 60_000);
});

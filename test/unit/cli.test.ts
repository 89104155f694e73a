import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/program';
import type { CliIo } from '../../main/cli/io';
import packageJson from '../../package.json';

const root = path.resolve(import.meta.dirname, '../..');

function capture(overrides: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: {},
    platform: 'linux',
    home: '/home/officer',
    language: 'en',
    ...overrides,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pcu-cli-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('pcu info', () => {
  it('prints exactly one JSON document with the version and the data directory', async () => {
    const run = capture();
    expect(await runCli(['info', '--json', '--data-dir', dataDir], run.io)).toBe(0);
    expect(JSON.parse(run.stdout())).toMatchObject({ version: packageJson.version, dataDir });
    expect(run.stderr()).toBe('');
    // Reading information creates nothing in the unit's data directory.
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('falls back to $PCU_DATA_DIR, then to the app\'s own folder', async () => {
    const fromEnv = capture({ env: { PCU_DATA_DIR: dataDir } });
    await runCli(['info', '--json'], fromEnv.io);
    expect(JSON.parse(fromEnv.stdout()).dataDir).toBe(dataDir);
    const fallback = capture();
    await runCli(['info', '--json'], fallback.io);
    expect(JSON.parse(fallback.stdout()).dataDir).toBe('/home/officer/.config/PCU Workstation');
  });

  it('reports a damaged settings file on stderr, translated, with a non-zero exit', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dataDir, 'settings.json'), 'not json');
    const run = capture({ language: 'ru' });
    expect(await runCli(['info', '--json', '--data-dir', dataDir], run.io)).not.toBe(0);
    expect(run.stdout()).toBe('');
    const error = JSON.parse(run.stderr()) as { ok: boolean; error: { code: string; message: string } };
    expect(error.ok).toBe(false);
    expect(error.error.code).toBe('SETTINGS_UNREADABLE');
    expect(error.error.message).toContain('Не удалось прочитать файл настроек');
  });
});

describe('pcu usage', () => {
  it('lists its commands under --help and exits 0', async () => {
    const run = capture();
    expect(await runCli(['--help'], run.io)).toBe(0);
    expect(run.stdout()).toContain('info');
    expect(run.stdout()).toContain('Usage: pcu');
  });

  it('rejects an unknown command or option on stderr with a non-zero exit', async () => {
    const unknown = capture();
    expect(await runCli(['frobnicate'], unknown.io)).not.toBe(0);
    expect(unknown.stderr()).toContain("unknown command 'frobnicate'");
    const badOption = capture();
    expect(await runCli(['info', '--colour'], badOption.io)).not.toBe(0);
    expect(badOption.stderr()).toContain("unknown option '--colour'");
    expect(badOption.stdout()).toBe('');
  });
});

describe('the real command line', () => {
  it('`npm run pcu -- info --json --data-dir DIR` prints valid JSON on stdout', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', 'pcu', '--', 'info', '--json', '--data-dir', dataDir], {
      cwd: root,
    });
    expect(JSON.parse(stdout)).toMatchObject({ name: 'PCU Workstation', version: packageJson.version, dataDir });
  }, 30_000);
});

describe('invalid values on the command line', () => {
  it('names the field that is wrong', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pcu-cli-invalid-'));
    try {
      const run = capture({ env: { PCU_PASSWORD: 'long enough password' } });
      const code = await runCli(['setup', '--unit', 'U', '--country', 'TJ', '--locode', 'TJDYU', '--admin', 'x', '--data-dir', dir], run.io);
      expect(code).not.toBe(0);
      expect(run.stderr()).toContain('adminUsername');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { findElectronBinary, type ElectronBinary } from '../../main/build/electron-binary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The real Electron shell, end to end: the built app in the Electron binary that
 * npm installed (development binary: no fuses flipped, or Playwright's --inspect
 * could not attach). Everywhere else the shell runs against a fake `electron`
 * (test/shell) and the renderer in Chromium (the other e2e tests); this is the one
 * check that the three parts meet. Skipped, with the reason printed, where the
 * binary or a display is missing.
 */

const root = path.resolve(import.meta.dirname, '../..');
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const builtFiles = ['out/main/index.cjs', 'out/preload/index.cjs', 'out/renderer/index.html'];

/** The binary, and a display to show its window on (a skip says which is missing). */
function findElectron(env: NodeJS.ProcessEnv): ElectronBinary {
  const binary = findElectronBinary(env);
  if (binary.found && process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { found: false, why: 'no display ($DISPLAY and $WAYLAND_DISPLAY are unset); run it under `xvfb-run`' };
  }
  return binary;
}

const electron = findElectron(process.env);
if (!electron.found) process.stdout.write(`electron smoke test skipped: ${electron.why}\n`);

/**
 * process.env without unset entries (Playwright's Electron `env` takes strings
 * only) and without PCU_DEV: the app runs as on an officer's machine, no DevTools.
 */
function environment(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'PCU_DEV') env[name] = value;
  }
  return { ...env, ...extra };
}

describe.skipIf(!electron.found)('the built app in Electron', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let userDataDir: string;

  beforeAll(async () => {
    if (!electron.found) return;
    if (builtFiles.some((file) => !existsSync(path.join(root, file)))) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
      expect(build.status, '`npm run build` failed').toBe(0);
    }
    // A fresh user-data directory: the app's data and Chromium's profile never touch
    // the developer's real ones, and nothing carries over between runs.
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'pcu-electron-'));
    app = await _electron.launch({
      executablePath: electron.path,
      args: ['.', `--user-data-dir=${userDataDir}`],
      cwd: root,
      env: environment({ PCU_DATA_DIR: userDataDir }),
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('opens one window titled PCU Workstation', async () => {
    // The renderer appends the open section ("PCU Workstation — Targeting").
    await expect.poll(() => page.title()).toMatch(/^PCU Workstation( — .+)?$/);
    expect(app?.windows()).toHaveLength(1);
    expect(await app?.evaluate(({ app: electronApp }) => electronApp.getName())).toBe('PCU Workstation');
  });

  it('gives the page window.api with exactly invoke and on, and no Node', async () => {
    const bridge = await page.evaluate(() => {
      const api = (window as unknown as { api?: Record<string, unknown> }).api;
      return api === undefined ? undefined : Object.keys(api).map((key) => `${key}:${typeof api[key]}`).sort();
    });
    expect(bridge).toEqual(['invoke:function', 'on:function']);
    expect(await page.evaluate(() => [typeof require, typeof process, typeof module])).toEqual([
      'undefined',
      'undefined',
      'undefined',
    ]);
  });

  it("answers api.invoke('app.info') from the main process with the package version", async () => {
    const info = await page.evaluate(() =>
      (window as unknown as { api: { invoke(channel: string): Promise<unknown> } }).api.invoke('app.info'),
    );
    expect(info).toEqual({ ok: true, value: expect.objectContaining({ name: 'PCU Workstation', version }) });
  });
});

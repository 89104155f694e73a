import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Log } from '../../main/core/log';

export interface LogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: Record<string, unknown> | undefined;
}

/** A log that keeps its lines, so tests can check what was (and was not) written. */
export function memoryLog(): Log & { readonly entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const entry = (level: LogEntry['level']) => (message: string, fields?: Record<string, unknown>) => {
    entries.push({ level, message, fields });
  };
  return { entries, info: entry('info'), warn: entry('warn'), error: entry('error') };
}

export const SECRET = 'secret-outside-the-renderer-folder';

/**
 * A temp app folder laid out like the build: out/renderer with an index and
 * assets, out/preload/index.cjs, and a secret file beside out/renderer that
 * traversal attempts aim at.
 */
export function fakeAppDir(): { readonly appPath: string; readonly rendererDir: string; readonly cleanup: () => void } {
  const appPath = mkdtempSync(path.join(tmpdir(), 'pcu-shell-'));
  const rendererDir = path.join(appPath, 'out', 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  mkdirSync(path.join(appPath, 'out', 'preload'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>PCU Workstation</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'index-abc123.js'), 'console.log("renderer");');
  writeFileSync(path.join(rendererDir, 'assets', 'index-abc123.css'), 'body{margin:0}');
  writeFileSync(path.join(rendererDir, 'assets', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(path.join(rendererDir, 'assets', 'payload.exe'), 'MZ');
  writeFileSync(path.join(rendererDir, '.env'), SECRET);
  writeFileSync(path.join(appPath, 'out', 'preload', 'index.cjs'), '"use strict";');
  writeFileSync(path.join(appPath, 'out', 'secret.txt'), SECRET);
  writeFileSync(path.join(appPath, 'secret.txt'), SECRET);
  return { appPath, rendererDir, cleanup: () => rmSync(appPath, { recursive: true, force: true }) };
}

export function tempDataDir(): { readonly dataDir: string; readonly cleanup: () => void } {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pcu-shell-data-'));
  return { dataDir, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

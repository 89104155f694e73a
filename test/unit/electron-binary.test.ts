import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../main/build/electron-binary';

describe('finding the Electron binary without running its installer', () => {
  it('finds a binary where ELECTRON_OVERRIDE_DIST_PATH points', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pcu-electron-'));
    try {
      writeFileSync(path.join(dir, 'electron'), '');
      expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dir })).toEqual({ found: true, path: path.join(dir, 'electron') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what to do when the binary is missing', () => {
    const result = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: path.join(os.tmpdir(), 'no-such-electron-dir') });
    expect(result).toMatchObject({ found: false, why: expect.stringContaining('node node_modules/electron/install.js') });
  });
});

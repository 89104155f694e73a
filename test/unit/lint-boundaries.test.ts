import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lints a line of code as if it lived at `file`; returns the boundary complaints. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-globals')
    .map((message) => message.message);
}

describe('the layering lint rule (the runtime shows in the path)', () => {
  it('keeps electron out of core, CLI, shared and renderer', async () => {
    for (const file of ['main/core/x.ts', 'main/cli/x.ts', 'shared/x.ts', 'renderer/src/x.tsx']) {
      expect(await boundaryErrors(file, "import { app as x } from 'electron';"), file).not.toEqual([]);
    }
  });

  it('catches electron subpaths too, but not the Electron-free app-request module the harness serves through', async () => {
    expect(await boundaryErrors('main/core/x.ts', "import { app as x } from 'electron/main';")).not.toEqual([]);
    expect(await boundaryErrors('test/harness/x.ts', "import { serveAppRequest as x } from '../../main/electron/app-request';")).toEqual([]);
  });

  it('allows electron in the shell, the preload and the entry point', async () => {
    for (const file of ['main/electron/x.ts', 'main/preload/index.ts', 'main/index.ts']) {
      expect(await boundaryErrors(file, "import { app as x } from 'electron';"), file).toEqual([]);
    }
  });

  it('keeps Node modules and main/ out of renderer and shared', async () => {
    for (const file of ['renderer/src/x.tsx', 'shared/ipc/x.ts']) {
      expect(await boundaryErrors(file, "import x from 'node:fs';"), file).not.toEqual([]);
      expect(await boundaryErrors(file, "import x from 'path';"), file).not.toEqual([]);
      expect(await boundaryErrors(file, "import { createServices as x } from '../../main/core/services';"), file).not.toEqual([]);
    }
    expect(await boundaryErrors('renderer/src/x.tsx', 'const x = require;')).not.toEqual([]);
  });

  it('keeps main/core independent of the Electron layer', async () => {
    expect(await boundaryErrors('main/core/x.ts', "import { createMainWindow as x } from '../electron/window';")).not.toEqual([]);
    expect(await boundaryErrors('main/core/x.ts', "import x from 'node:fs';")).toEqual([]);
  });
});

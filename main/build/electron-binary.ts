import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary = { readonly found: true; readonly path: string } | { readonly found: false; readonly why: string };

const notInstalled =
  'the Electron binary is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); ' +
  'run `node node_modules/electron/install.js` where downloads are allowed';

/**
 * What `require('electron')` returns, found without calling it. Hazard: when the
 * binary is missing, node_modules/electron/index.js runs its installer, which
 * downloads from GitHub: in an air-gapped unit that hangs or fails instead of
 * saying what to do. Same lookup: path.txt names the binary under dist/ (or
 * under ELECTRON_OVERRIDE_DIST_PATH).
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { found: false, why: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  let binary: string;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  else if (relative) binary = path.join(packageDir, 'dist', relative);
  else return { found: false, why: notInstalled };
  if (!existsSync(binary)) return { found: false, why: `${notInstalled} (${binary} is missing)` };
  return { found: true, path: binary };
}

export const electronMissingAdvice = [
  'The Electron binary is not installed here (npm was run with ELECTRON_SKIP_BINARY_DOWNLOAD=1,',
  'or the download was blocked). To run the desktop app, on a machine that may download it run:',
  '',
  '    node node_modules/electron/install.js',
  '',
  'then `npm start` again. Without Electron, `npm run start:chromium` opens the same',
  'interface in Debian\'s Chromium over the same services (needs a display).',
].join('\n');

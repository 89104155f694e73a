import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The path of the Electron binary, or null where it was never downloaded
 * (installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1, as on CI and air-gapped
 * build machines). The `electron` package's main export is that path and
 * throws when the download was skipped.
 */
export function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
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

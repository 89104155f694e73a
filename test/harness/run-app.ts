import os from 'node:os';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../../main/core/data-dir';
import { productionKdf } from '../../main/core/vault/kdf';
import { launchApp } from './app';

/**
 * `npm run start:chromium`: the real interface and services in a visible
 * Chromium window, for machines without the Electron binary. Uses the same
 * data directory as the desktop app unless --data-dir or $PCU_DATA_DIR says otherwise.
 */
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
const dataDir = values['data-dir'] ?? defaultDataDir(process.platform, process.env, os.homedir());

// The production cost: these key slots guard real data and must open in the Electron app too.
const app = await launchApp({ headless: false, dataDir, kdf: productionKdf });
process.stdout.write(`PCU Workstation (Chromium harness) on ${app.url}, data in ${dataDir}. Close the window to stop.\n`);
await new Promise<void>((resolve) => app.page.on('close', () => resolve()));
await app.close();

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_VERSION } from '../../main/core/app-version';
import { createServices, type Services, type ServicesOptions } from '../../main/core/services';

export interface Backend {
  readonly services: Services;
  readonly dataDir: string;
  dispose(): Promise<void>;
}

/** The real main-process services on a fresh temporary data directory. */
export function createBackend(options: Partial<ServicesOptions> = {}): Backend {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'pcu-test-'));
  const ownsDir = options.dataDir === undefined;
  const services = createServices({ appVersion: APP_VERSION, locale: 'en-GB', ...options, dataDir });
  return {
    services,
    dataDir,
    async dispose() {
      await services.close();
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

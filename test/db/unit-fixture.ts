import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../main/core/services';
import { fastKdf } from '../harness/fast-kdf';

export const ADMIN = { username: 'dilnoza', password: 'correct horse battery' };
export const UNIT_NAME = 'PCU Dushanbe MARKER-7f3a';

export interface UnitFixture {
  readonly dataDir: string;
  services: Services;
  recoveryKey: string;
  reopen(): Services;
  dispose(): Promise<void>;
}

export function servicesOn(dataDir: string): Services {
  return createServices({ dataDir, appVersion: '0.0.0-test', kdf: fastKdf, locale: 'en-GB' });
}

/** A set-up unit with its administrator logged in, on a fresh temporary data directory. */
export async function setUpUnit(): Promise<UnitFixture> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pcu-unit-'));
  const services = servicesOn(dataDir);
  const result = await services.invoke('setup.create', {
    unitName: UNIT_NAME,
    country: 'TJ',
    locode: 'TJDYU',
    adminUsername: ADMIN.username,
    adminDisplayName: 'Dilnoza Rahimova',
    password: ADMIN.password,
  });
  if (!result.ok) throw new Error(`setup failed: ${JSON.stringify(result.error)}`);
  const fixture: UnitFixture = {
    dataDir,
    services,
    recoveryKey: (result.value as { recoveryKey: string }).recoveryKey,
    reopen() {
      fixture.services = servicesOn(dataDir);
      return fixture.services;
    },
    async dispose() {
      await fixture.services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return fixture;
}

export async function expectOk<T = unknown>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

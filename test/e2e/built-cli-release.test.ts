import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeRelease, makeReleaseKey } from '../fixtures/updates/signed-release';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'out/cli/pcu.cjs');
const run = promisify(execFile);
let temp: ReturnType<typeof tempDir>;

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('out/cli/pcu.cjs is missing: npm test builds before the e2e tests; run `npm run build`');
  temp = tempDir('pcu-built-release-');
});
afterAll(() => temp.remove());

/** Exit code and output of the built bin, without throwing on a non-zero exit. */
async function pcu(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [cli, ...args]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

describe('the built `pcu` bin: release keygen, sign and update verify', () => {
  it('signs with a new key, and finds the pinned key of its own build (which refuses that key)', async () => {
    const keys = path.join(temp.dir, 'keys');
    const made = await pcu(['release', 'keygen', '--out', keys, '--json']);
    expect(made.code).toBe(0);
    const dist = path.join(temp.dir, 'dist');
    // Any key pair will do for the folder's content; it is signed below by the CLI's key.
    writeRelease(dist, { version: '99.0.0', key: makeReleaseKey(path.join(temp.dir, 'unused')), sign: false });
    const signed = await pcu(['release', 'sign', '--key', path.join(keys, 'release-private-key.pem'), '--dir', dist, '--json']);
    expect(signed.code).toBe(0);
    expect(JSON.parse(signed.stdout)).toMatchObject({ pinned: false, signed: [{ file: 'latest.yml' }] });

    expect(JSON.parse((await pcu(['update', 'verify', '--dir', dist, '--json'])).stdout)).toEqual({ ok: false, version: null, reason: 'UNKNOWN_KEY' });
    const trusted = await pcu(['update', 'verify', '--dir', dist, '--public-key', path.join(keys, 'release-public-key.pem'), '--json']);
    expect(trusted.code).toBe(0);
    expect(JSON.parse(trusted.stdout)).toEqual({ ok: true, version: '99.0.0' });
  }, 30_000);
});

import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectOk, setUpUnit, type UnitFixture } from './unit-fixture';

const root = path.resolve(import.meta.dirname, '../..');
const ROUNDS = 20;
let unit: UnitFixture;

beforeAll(async () => {
  unit = await setUpUnit();
  await unit.services.close();
});
afterAll(async () => {
  await unit.dispose();
});

/** Runs the writer until it has reported `commits` commits, then SIGKILLs it; returns the ids it reported. */
function writeThenKill(commits: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild that SIGKILL would miss.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/db/crash-writer.ts'), unit.dataDir, ADMIN.username, ADMIN.password], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ids: number[] = [];
    let buffered = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^committed (\d+)$/.exec(line);
        if (match) ids.push(Number(match[1]));
      }
      if (ids.length >= commits) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(ids);
      else reject(new Error(`writer stopped by itself: ${errors}`));
    });
  });
}

describe('a process killed in the middle of writing', () => {
  it(`loses no committed row and keeps the database and audit chain intact (${ROUNDS} rounds)`, async () => {
    const committed: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      committed.push(...(await writeThenKill(20 + ((round * 37) % 80))));
    }
    const services = unit.reopen();
    await expectOk(services.invoke('session.login', ADMIN));
    const db = services.sessions.store().db;
    const stored = new Set((db.prepare('SELECT id FROM watch_lists').all() as { id: number }[]).map((row) => row.id));
    expect(committed.filter((id) => !stored.has(id))).toEqual([]);
    expect(committed.length).toBeGreaterThan(ROUNDS * 20 - 1);
    expect(await expectOk(services.invoke('db.check', undefined))).toEqual({ ok: true, problems: [] });
    expect(await expectOk(services.invoke('audit.verify', undefined))).toMatchObject({ ok: true });
    await services.close();
  }, 240_000);
});

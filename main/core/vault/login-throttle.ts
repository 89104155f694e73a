import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';

export const LOGIN_THROTTLE_FILE = 'logins.json';

const State = z.record(z.string(), z.object({ failures: z.number().int().nonnegative(), lastFailureAt: z.string() }));
type State = z.infer<typeof State>;

/** Free attempts before the wait starts, then 2 s, 4 s, 8 s … up to 5 minutes. */
const FREE_ATTEMPTS = 3;
const MAX_WAIT_MS = 5 * 60_000;

export function waitAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS + 1));
}

/**
 * Failed-login back-off per user, persisted beside the keyslots so that
 * restarting the app does not reset it. It holds user names and counts only.
 */
export function createLoginThrottle(dataDir: string, clock: () => Date) {
  const file = path.join(dataDir, LOGIN_THROTTLE_FILE);

  async function read(): Promise<State> {
    try {
      const parsed = State.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  return {
    /** Milliseconds the user must still wait before the next attempt (0: go ahead). */
    async waitFor(user: string): Promise<number> {
      const entry = (await read())[user];
      if (!entry) return 0;
      const until = Date.parse(entry.lastFailureAt) + waitAfterFailures(entry.failures);
      return Math.max(0, until - clock().getTime());
    },
    async recordFailure(user: string): Promise<number> {
      const state = await read();
      const failures = (state[user]?.failures ?? 0) + 1;
      state[user] = { failures, lastFailureAt: clock().toISOString() };
      await writeFileAtomic(file, JSON.stringify(state));
      return failures;
    },
    async recordSuccess(user: string): Promise<void> {
      const state = await read();
      if (!(user in state)) return;
      delete state[user];
      await writeFileAtomic(file, JSON.stringify(state));
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

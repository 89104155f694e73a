import type { Timers } from '../../main/core/session/session-manager';

/** A clock the test moves by hand: the services read it for idle checks and audit times. */
export interface FakeClock {
  readonly now: () => Date;
  advance(ms: number): void;
}

export function fakeClock(startIso: string): FakeClock {
  let now = Date.parse(startIso);
  if (Number.isNaN(now)) throw new Error(`not a date: ${startIso}`);
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
  };
}

/**
 * Interval timers that never fire by themselves: `fire()` runs every live
 * callback once, as if each interval had elapsed (the session's idle check).
 */
export interface ManualTimers extends Timers {
  fire(): void;
  readonly active: number;
}

export function manualTimers(): ManualTimers {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  return {
    setInterval(callback) {
      const handle = next++;
      callbacks.set(handle, callback);
      return handle;
    },
    clearInterval(handle) {
      callbacks.delete(handle as number);
    },
    fire() {
      for (const callback of [...callbacks.values()]) callback();
    },
    get active() {
      return callbacks.size;
    },
  };
}

import type { SessionInfo, SessionStatus } from '../../../shared/ipc/contract';
import type { Caller } from '../../../shared/ipc/dispatch';
import { DomainError } from '../../../shared/ipc/errors';
import type { EventBus } from '../events';
import type { Log } from '../log';
import { describeError } from '../log';
import { getUnit } from '../unit/unit-repository';
import { findUserById, type UserRow } from '../vault/accounts';
import type { UnitStore, Vault } from '../vault/vault';

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemTimers: Timers = {
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    // The idle check must never keep a CLI process alive.
    handle.unref?.();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

interface Active {
  readonly store: UnitStore;
  user: UserRow;
  locked: boolean;
  lastActivity: number;
}

const IDLE_CHECK_MS = 15_000;

/**
 * Who is logged in, and whether the screen is locked. One session per
 * workstation window; the database stays open while locked (so background
 * work can finish) but every non-public call is refused until the same user
 * types the password again.
 */
export function createSessionManager(options: {
  vault: Vault;
  events: EventBus;
  clock: () => Date;
  timers: Timers;
  log: Log;
  demoAvailable: boolean;
}) {
  const { vault, events, clock, timers, log } = options;
  let active: Active | null = null;
  let idleTimer: unknown = null;

  const now = () => clock().getTime();

  function info(session: Active): SessionInfo {
    const unit = getUnit(session.store.db);
    return {
      user: { ...session.user },
      unit: { name: unit.name, country: unit.country, locode: unit.locode, lockAfterMinutes: unit.settings.lockAfterMinutes },
      locked: session.locked,
    };
  }

  async function status(): Promise<SessionStatus> {
    const setUp = active !== null || (await vault.isSetUp());
    return { setUp, demoAvailable: options.demoAvailable && !setUp, session: active ? info(active) : null };
  }

  function announce(): void {
    void status().then(
      (value) => events.emit('session.changed', value),
      (error: unknown) => log.error('session status failed', describeError(error)),
    );
  }

  function lockIfIdle(): void {
    if (!active || active.locked) return;
    const minutes = getUnit(active.store.db).settings.lockAfterMinutes;
    if (now() - active.lastActivity >= minutes * 60_000) {
      void lock('inactivity');
    }
  }

  async function begin(store: UnitStore, user: UserRow): Promise<SessionInfo> {
    await end();
    active = { store, user, locked: false, lastActivity: now() };
    idleTimer = timers.setInterval(lockIfIdle, IDLE_CHECK_MS);
    await store.record({ userId: user.id, userName: user.username }, { action: 'session.login', subject: user.username });
    announce();
    return info(active);
  }

  /** `announce: false` when the caller announces later (a restore that must finish before anyone can log in again). */
  async function end(options: { announce?: boolean } = {}): Promise<void> {
    if (!active) return;
    const ending = active;
    active = null;
    if (idleTimer !== null) timers.clearInterval(idleTimer);
    idleTimer = null;
    try {
      await ending.store.record({ userId: ending.user.id, userName: ending.user.username }, { action: 'session.logout', subject: ending.user.username });
    } finally {
      await ending.store.close();
    }
    if (options.announce !== false) announce();
  }

  async function lock(reason: 'inactivity' | 'officer'): Promise<void> {
    if (!active || active.locked) return;
    active.locked = true;
    await active.store.record(actorOf(active), { action: 'session.lock', subject: active.user.username, details: { reason } });
    announce();
  }

  async function unlock(password: string): Promise<SessionInfo> {
    if (!active) throw new DomainError('UNAUTHENTICATED', 'Nobody is logged in');
    const session = active;
    try {
      await session.store.verifyPassword(session.user.username, password);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'WRONG_PASSWORD') {
        await session.store.record(actorOf(session), { action: 'session.unlock-failed', subject: session.user.username });
      }
      throw error;
    }
    session.locked = false;
    session.lastActivity = now();
    await session.store.record(actorOf(session), { action: 'session.unlock', subject: session.user.username });
    announce();
    return info(session);
  }

  function actorOf(session: Active) {
    return { userId: session.user.id, userName: session.user.username };
  }

  return {
    status,
    begin,
    end,
    announce,
    lock,
    unlock,
    lockIfIdle,
    /** The caller for dispatch: nobody while locked. */
    caller(): Caller | null {
      if (!active || active.locked) return null;
      return { userId: String(active.user.id), userName: active.user.username, role: active.user.role };
    },
    isLocked: () => active?.locked ?? false,
    touch(): void {
      if (active && !active.locked) active.lastActivity = now();
    },
    /** The open unit for a handler; throws when nobody is logged in (dispatch normally prevents that). */
    store(): UnitStore {
      if (!active || active.locked) throw new DomainError('UNAUTHENTICATED', 'Nobody is logged in');
      return active.store;
    },
    actor() {
      if (!active) return { userId: null, userName: null };
      return actorOf(active);
    },
    current(): Active | null {
      return active;
    },
    /** After an administrator edits the logged-in user's own account. */
    refreshUser(): void {
      if (!active) return;
      const fresh = findUserById(active.store.db, active.user.id);
      if (fresh) active.user = fresh;
    },
    info: () => (active ? info(active) : null),
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;

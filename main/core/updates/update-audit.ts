import { listAudit, type Actor, type AuditEvent } from '../audit/audit-log';
import type { Db } from '../db/open';
import { describeError, type Log } from '../log';

/** The open unit's audit trail, as the update service needs it. */
export interface AuditTarget {
  readonly db: Db;
  record(actor: Actor, event: AuditEvent): Promise<void>;
}

export const SYSTEM_ACTOR: Actor = { userId: null, userName: null };

const MAX_PENDING = 200;

/**
 * Update events go to the audit trail of the unit, which is readable only
 * while someone is logged in (the database is encrypted). Automatic checks
 * run only then; what happens while nobody is (a download finishing after
 * logout) waits in memory, with its real time, for the next login.
 */
export function createUpdateAudit(options: { target: () => AuditTarget | null; clock: () => Date; log: Log; currentVersion: string }) {
  const pending: { actor: Actor; event: AuditEvent }[] = [];

  async function write(target: AuditTarget, actor: Actor, event: AuditEvent): Promise<void> {
    try {
      await target.record(actor, event);
    } catch (error) {
      // An update must not wait on a damaged trail; the log keeps what could not be recorded.
      options.log.error('update audit entry not recorded', { action: event.action, ...describeError(error) });
    }
  }

  return {
    async record(actor: Actor, event: AuditEvent): Promise<void> {
      const target = options.target();
      if (target) return write(target, actor, event);
      if (pending.length >= MAX_PENDING) pending.shift();
      pending.push({ actor, event: { ...event, details: { ...event.details, happenedAt: options.clock().toISOString() } } });
    },

    /**
     * At each login: what waited, then the program version if it changed since
     * the trail last named one. That entry records an update however it was
     * installed (the app itself, msiexec, a deb), so the trail says which
     * version of the program wrote what follows.
     */
    async sessionStarted(): Promise<void> {
      const target = options.target();
      if (!target) return;
      for (const entry of pending.splice(0)) await write(target, entry.actor, entry.event);
      const [last] = listAudit(target.db, { action: 'update.version', limit: 1 });
      const previous = typeof last?.details.version === 'string' ? last.details.version : null;
      if (previous !== options.currentVersion) {
        await write(target, SYSTEM_ACTOR, { action: 'update.version', subject: options.currentVersion, details: { version: options.currentVersion, previous } });
      }
    },
  };
}

export type UpdateAudit = ReturnType<typeof createUpdateAudit>;

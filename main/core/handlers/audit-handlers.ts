import type { Handlers } from '../../../shared/ipc/dispatch';
import { DomainError } from '../../../shared/ipc/errors';
import { listAudit, verifyAuditChain } from '../audit/audit-log';
import type { HandlerContext } from './context';

type AuditChannels = 'audit.list' | 'audit.verify' | 'backup.create' | 'db.check' | 'db.rekey';

export function maintenanceHandlers({ sessions, appVersion }: HandlerContext): Pick<Handlers, AuditChannels> {
  return {
    'audit.list': (filter) =>
      listAudit(sessions.store().db, filter).map((entry) => ({
        seq: entry.seq,
        at: entry.at,
        userName: entry.userName,
        action: entry.action,
        subject: entry.subject,
        details: entry.details,
        hash: entry.hash,
      })),

    'audit.verify': async () => {
      const store = sessions.store();
      const verdict = verifyAuditChain(store.db, store.auditHeadForVerification());
      await store.record(sessions.actor(), { action: 'audit.verify', details: { ok: verdict.ok, entries: verdict.entries } });
      return verdict;
    },

    'backup.create': async ({ targetDir }) => {
      const store = sessions.store();
      const result = await store.backupTo(targetDir, appVersion);
      await store.record(sessions.actor(), { action: 'backup.create', subject: result.dir, details: { files: result.files.length } });
      return result;
    },

    'db.rekey': async ({ password }) => {
      const actor = sessions.actor();
      if (actor.userId === null || actor.userName === null) throw new DomainError('UNAUTHENTICATED', 'Nobody is logged in');
      return sessions.store().rekey({ userId: actor.userId, userName: actor.userName }, password);
    },

    'db.check': async () => {
      const store = sessions.store();
      const problems = await store.checkIntegrity();
      try {
        await store.record(sessions.actor(), { action: 'db.check', details: { problems: problems.length } });
      } catch (error) {
        // A damaged database may refuse the audit entry too; the findings matter more.
        problems.push(`audit: the check could not be recorded (${(error as Error).message})`);
      }
      return { ok: problems.length === 0, problems };
    },
  };
}

import type { Handlers } from '../../../shared/ipc/dispatch';
import { DomainError } from '../../../shared/ipc/errors';
import { listAudit, verifyAuditChain } from '../audit/audit-log';
import { restoreBackup, verifyBackup } from '../backup/backup';
import type { HandlerContext } from './context';

type AuditChannels = 'audit.list' | 'audit.verify' | 'backup.create' | 'backup.restore' | 'db.check' | 'db.rekey';

export function maintenanceHandlers({ sessions, appVersion, vault, clock }: HandlerContext): Pick<Handlers, AuditChannels> {
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

    'backup.restore': async ({ sourceDir, password }) => {
      const actor = sessions.actor();
      if (actor.userName === null) throw new DomainError('UNAUTHENTICATED', 'Nobody is logged in');
      const credentials = { user: actor.userName, password, kdf: vault.kdf };
      // Prove the backup first, while the session and its data are untouched.
      await verifyBackup(sourceDir, credentials);
      await sessions.store().record(actor, { action: 'backup.restore', subject: sourceDir });
      // The database must be closed before its file is moved aside; the login screen
      // is announced only once the restored files are in place.
      await sessions.end({ announce: false });
      try {
        const result = await restoreBackup(vault.dataDir, sourceDir, { now: clock(), credentials });
        // The restored trail records that it was restored, and by whom.
        const { store, user } = await vault.unlock(actor.userName, password);
        await store.record({ userId: user.id, userName: user.username }, { action: 'backup.restored', subject: sourceDir, details: { previousDir: result.previousDir } });
        await store.close();
        return { restoredFrom: result.restoredFrom, previousDir: result.previousDir, backupCreatedAt: result.manifest.createdAt };
      } finally {
        sessions.announce();
      }
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

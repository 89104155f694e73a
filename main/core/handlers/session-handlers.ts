import type { Handlers } from '../../../shared/ipc/dispatch';
import { DomainError } from '../../../shared/ipc/errors';
import { demoAccounts, demoUnit, demoWatchlist } from '../demo/demo-unit';
import { addWatchEntries } from '../risk/watchlist-store';
import { scoreImported } from '../risk/risk-service';
import { describeError } from '../log';
import { readSampleManifests } from '../demo/sample-manifests';
import { importManifestFile } from '../manifests/import/import-service';
import { insertUser, markPasswordChanged } from '../vault/accounts';
import { assertAcceptablePassword } from '../vault/password-policy';
import type { HandlerContext } from './context';

type SessionChannels =
  | 'session.status'
  | 'setup.create'
  | 'setup.demo'
  | 'session.login'
  | 'session.logout'
  | 'session.lock'
  | 'session.unlock'
  | 'session.touch'
  | 'session.changePassword';

export function sessionHandlers({ vault, sessions, demo, clock, language, log }: HandlerContext): Pick<Handlers, SessionChannels> {
  return {
    'session.status': () => sessions.status(),

    'setup.create': async (input) => {
      assertAcceptablePassword(input.password);
      const { store, admin, recoveryKey } = await vault.setup(input);
      const session = await sessions.begin(store, admin);
      return { recoveryKey, session };
    },

    'setup.demo': async () => {
      if (!demo) throw new DomainError('FORBIDDEN', 'The demo unit is offered only by development and training starts');
      const [admin, ...others] = demoAccounts;
      if (!admin) throw new Error('no demo administrator');
      const { store, admin: adminRow, recoveryKey } = await vault.setup({
        ...demoUnit,
        adminUsername: admin.username,
        adminDisplayName: admin.displayName,
        password: admin.password,
      });
      for (const account of others) {
        await store.createSlotFor(account.username, account.password);
        await store.change({ userId: adminRow.id, userName: adminRow.username }, { action: 'user.add', subject: account.username, details: { role: account.role } }, (db) =>
          insertUser(db, { username: account.username, displayName: account.displayName, role: account.role, createdBy: adminRow.id }, clock()),
        );
      }
      const session = await sessions.begin(store, adminRow);
      const actor = { userId: adminRow.id, userName: adminRow.username };
      // A demo unit with nothing in it shows nothing: watch-list entries, then the sample manifests, scored, as its administrator.
      await store.change(actor, { action: 'watchlist.added', subject: 'watchlist', details: { entries: demoWatchlist.length, demo: true } }, (db) =>
        addWatchEntries(db, demoWatchlist, clock().toISOString(), adminRow.id),
      );
      for (const sample of await readSampleManifests()) {
        const result = await importManifestFile(store, actor, sample, { language: await language(), clock });
        if (result.status === 'imported' && result.manifestId !== null) {
          await scoreImported(store, actor, clock, result.manifestId, (error) => log.error('demo scoring failed', describeError(error)));
        }
      }
      return { recoveryKey, session, accounts: demoAccounts.map(({ username, password, role }) => ({ username, password, role })) };
    },

    'session.login': async ({ username, password }) => {
      const { store, user } = await vault.unlock(username, password);
      return sessions.begin(store, user);
    },

    'session.logout': async () => {
      await sessions.end();
      return null;
    },

    'session.lock': async () => {
      await sessions.lock('officer');
      return null;
    },

    'session.unlock': ({ password }) => sessions.unlock(password),

    'session.touch': () => {
      sessions.touch();
      return null;
    },

    'session.changePassword': async ({ currentPassword, newPassword }) => {
      const store = sessions.store();
      const { userId, userName } = sessions.actor();
      if (userId === null || userName === null) throw new DomainError('UNAUTHENTICATED', 'Nobody is logged in');
      await store.verifyPassword(userName, currentPassword);
      assertAcceptablePassword(newPassword);
      await store.createSlotFor(userName, newPassword);
      await store.change({ userId, userName }, { action: 'user.password-changed', subject: userName }, (db) =>
        markPasswordChanged(db, userId, new Date()),
      );
      sessions.refreshUser();
      return null;
    },
  };
}

import type { Handlers } from '../../../shared/ipc/dispatch';
import { DomainError } from '../../../shared/ipc/errors';
import { buildDemoUnit } from '../demo/build-demo-unit';
import { markPasswordChanged } from '../vault/accounts';
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
      // Passwords are generated for this unit and shown once on the demo screen.
      const built = await buildDemoUnit(vault, { clock, language: await language(), log });
      const session = await sessions.begin(built.store, built.admin);
      return { recoveryKey: built.recoveryKey, session, accounts: built.accounts };
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

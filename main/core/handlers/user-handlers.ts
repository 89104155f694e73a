import type { Handlers } from '../../../shared/ipc/dispatch';
import { DomainError } from '../../../shared/ipc/errors';
import { getUnit, setUnitSettings } from '../unit/unit-repository';
import {
  countActiveAdministrators,
  findUser,
  insertUser,
  listUsers,
  markPasswordChanged,
  markRemoved,
  setUserDisabled,
  type UserRow,
} from '../vault/accounts';
import { assertAcceptablePassword } from '../vault/password-policy';
import type { HandlerContext } from './context';

type UserChannels = 'users.list' | 'users.add' | 'users.setDisabled' | 'users.remove' | 'users.resetPassword' | 'unit.settings.set';

export function userHandlers({ sessions, clock }: HandlerContext): Pick<Handlers, UserChannels> {
  const requireUser = (username: string): UserRow => {
    const user = findUser(sessions.store().db, username);
    // A removed account is history, not an account: it cannot be enabled or given a password.
    if (!user || user.removed) throw new DomainError('UNKNOWN_USER', `There is no user "${username}"`, { user: username });
    return user;
  };

  return {
    'users.list': () => listUsers(sessions.store().db),

    'users.add': async ({ username, displayName, role, password }) => {
      const store = sessions.store();
      if (findUser(store.db, username)) throw new DomainError('USER_EXISTS', `"${username}" already exists`, { user: username });
      assertAcceptablePassword(password);
      const actor = sessions.actor();
      // The slot first: a user row without a slot could never log in, a slot without a row is refused at login.
      await store.createSlotFor(username, password);
      return store.change(actor, { action: 'user.add', subject: username, details: { role } }, (db) =>
        insertUser(db, { username, displayName, role, createdBy: actor.userId }, clock()),
      );
    },

    'users.setDisabled': async ({ username, disabled }) => {
      const store = sessions.store();
      const user = requireUser(username);
      if (disabled && user.role === 'administrator' && !user.disabled && countActiveAdministrators(store.db) <= 1) {
        throw new DomainError('LAST_ADMINISTRATOR', 'The unit must keep one active administrator');
      }
      const updated = await store.change(
        sessions.actor(),
        { action: disabled ? 'user.disable' : 'user.enable', subject: user.username },
        (db) => {
          setUserDisabled(db, user.id, disabled);
          return findUser(db, user.username) as UserRow;
        },
      );
      sessions.refreshUser();
      return updated;
    },

    'users.remove': async ({ username }) => {
      const store = sessions.store();
      const user = requireUser(username);
      if (user.id === sessions.actor().userId) {
        throw new DomainError('CANNOT_REMOVE_SELF', 'An administrator cannot remove their own account');
      }
      if (user.role === 'administrator' && !user.disabled && countActiveAdministrators(store.db) <= 1) {
        throw new DomainError('LAST_ADMINISTRATOR', 'The unit must keep one active administrator');
      }
      // The slot first: once it is gone the account cannot log in, whatever happens next.
      await store.removeSlotOf(user.username);
      return store.change(sessions.actor(), { action: 'user.remove', subject: user.username }, (db) => {
        markRemoved(db, user.id, clock());
        return findUser(db, user.username) as UserRow;
      });
    },

    'users.resetPassword': async ({ username, newPassword }) => {
      const store = sessions.store();
      const user = requireUser(username);
      assertAcceptablePassword(newPassword);
      await store.createSlotFor(user.username, newPassword);
      await store.change(sessions.actor(), { action: 'user.password-reset', subject: user.username }, (db) =>
        markPasswordChanged(db, user.id, clock()),
      );
      return null;
    },

    'unit.settings.set': async ({ lockAfterMinutes }) => {
      const store = sessions.store();
      const unit = await store.change(
        sessions.actor(),
        { action: 'unit.settings', subject: 'lockAfterMinutes', details: { lockAfterMinutes } },
        (db) => {
          setUnitSettings(db, { ...getUnit(db).settings, lockAfterMinutes });
          return getUnit(db);
        },
      );
      return { name: unit.name, country: unit.country, locode: unit.locode, lockAfterMinutes: unit.settings.lockAfterMinutes };
    },
  };
}

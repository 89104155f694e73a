import type { Handlers } from '../../../shared/ipc/dispatch';
import { DomainError } from '../../../shared/ipc/errors';
import type { UpdateService } from '../updates/update-service';
import type { HandlerContext } from './context';

type UpdateChannels = 'update.status' | 'update.check' | 'update.install';

/**
 * Officers read the status; administrators check and install. No channel
 * reads or writes IT's update policy: it is a machine file, not a setting.
 * `updates` is null where this runtime cannot install (the CLI, most tests).
 */
export function updateHandlers({ sessions, appVersion }: HandlerContext, updates: UpdateService | null): Pick<Handlers, UpdateChannels> {
  const administrator = () => {
    const actor = sessions.actor();
    if (actor.userId === null) throw new DomainError('UNAUTHENTICATED', 'Nobody is logged in');
    return actor;
  };
  return {
    'update.status': async () =>
      updates
        ? updates.status()
        : { state: 'unconfigured', currentVersion: appVersion, version: null, percent: null, reason: null, checkedAt: null, autoCheck: false, installMode: null },

    'update.check': async () => {
      if (!updates) throw new DomainError('UPDATE_NOT_CONFIGURED', 'This program cannot update itself here');
      return updates.check({ by: 'administrator', actor: administrator() });
    },

    'update.install': async () => {
      if (!updates) throw new DomainError('UPDATE_NOT_READY', 'No verified update is ready to install');
      return updates.install(administrator());
    },
  };
}

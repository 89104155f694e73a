import { mayAccess } from '../../../../shared/domain/roles';
import { contract, type ChannelName } from '../../../../shared/ipc/contract';
import { useSession } from '../../app/session/session-context';

/**
 * Whether the logged-in role may call a channel: the screens offer only what
 * main would allow (main still checks; a refused call is audited as
 * access.denied, so the UI must not provoke it).
 */
export function useMay(): (channel: ChannelName) => boolean {
  const { info } = useSession();
  return (channel) => mayAccess(contract[channel].access, info.user.role);
}

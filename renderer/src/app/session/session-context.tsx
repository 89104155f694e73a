import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../../../shared/ipc/contract';

/** The logged-in, unlocked session, as the workstation's screens see it. */
export interface Session {
  readonly info: SessionInfo;
  lock(): Promise<void>;
  logout(): Promise<void>;
  /** Re-read the session after one's own account or the unit settings changed. */
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export const SessionProvider = SessionContext.Provider;

/** Only the workstation (rendered by SessionGate once unlocked) may ask for this. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside an unlocked session');
  return session;
}

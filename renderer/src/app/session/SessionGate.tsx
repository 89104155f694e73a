import { useCallback, useMemo, useState } from 'react';
import { LockScreen } from '../../features/account/LockScreen';
import { LoginScreen } from '../../features/account/LoginScreen';
import { SetupFlow } from '../../features/account/SetupFlow';
import { useApi } from '../api-context';
import { App } from '../App';
import { SessionProvider, type Session } from './session-context';
import { useActivityTouch } from './useActivityTouch';
import { useSessionStatus } from './useSessionStatus';

/**
 * Shows exactly one of: first-run setup, login, lock screen, workstation.
 * While locked the workstation is unmounted, not covered: no case data stays
 * in the DOM for someone at an unattended desk (the open section lives in
 * the URL hash, so unlocking returns to it).
 */
export function SessionGate() {
  const api = useApi();
  const { status, applySession, refresh } = useSessionStatus();
  // Setup logs the administrator in (and main announces it) before the recovery
  // key has been shown: the setup flow holds the screen until it is confirmed.
  const [setupHeld, setSetupHeld] = useState(false);
  const session = status?.session ?? null;

  const resync = useCallback(() => {
    refresh().catch((error: unknown) => console.error('session status failed', String(error)));
  }, [refresh]);
  useActivityTouch(session !== null && !session.locked, resync);

  const lock = useCallback(async () => {
    await api.invoke('session.lock').finally(resync);
  }, [api, resync]);
  const logout = useCallback(async () => {
    await api.invoke('session.logout').finally(resync);
  }, [api, resync]);

  const unlocked = useMemo<Session | null>(
    () => (session && !session.locked ? { info: session, lock, logout, refresh } : null),
    [session, lock, logout, refresh],
  );

  if (status === undefined) return null;
  if (!status.setUp || setupHeld) {
    return (
      <SetupFlow
        demoAvailable={status.demoAvailable}
        onHold={setSetupHeld}
        onDone={() => {
          setSetupHeld(false);
          // Not the session from setup's answer: it may have locked while the key was on screen.
          resync();
        }}
      />
    );
  }
  if (session === null) return <LoginScreen onLoggedIn={applySession} />;
  if (unlocked === null) {
    return <LockScreen session={session} onUnlocked={applySession} onLogout={logout} />;
  }
  return (
    <SessionProvider value={unlocked}>
      <App />
    </SessionProvider>
  );
}

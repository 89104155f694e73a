import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionInfo, SessionStatus } from '../../../../shared/ipc/contract';
import { useApi } from '../api-context';

export interface SessionStatusState {
  /** Undefined until the main process has answered once. */
  readonly status: SessionStatus | undefined;
  /** Take a session the renderer learned first-hand (the answer to login or unlock). */
  applySession(session: SessionInfo): void;
  refresh(): Promise<void>;
}

/**
 * Who is logged in, following `session.changed` (login, logout, the
 * automatic lock). A status pushed while a `session.status` call was under
 * way is newer than that call's answer, so the answer is then dropped.
 */
export function useSessionStatus(): SessionStatusState {
  const api = useApi();
  const [status, setStatus] = useState<SessionStatus>();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const generation = useRef(0);

  const apply = useCallback((next: SessionStatus) => {
    generation.current += 1;
    setStatus(next);
  }, []);

  const refresh = useCallback(async () => {
    const asked = generation.current;
    const next = await api.invoke('session.status');
    if (generation.current === asked) apply(next);
  }, [api, apply]);

  // Someone is logged in: the unit exists, and the demo is no longer on offer.
  const applySession = useCallback((session: SessionInfo) => apply({ setUp: true, demoAvailable: false, session }), [apply]);

  useEffect(() => {
    const unsubscribe = api.on('session.changed', apply);
    refresh().catch((error: unknown) => setFailure({ error }));
    return unsubscribe;
  }, [api, apply, refresh]);

  // Without knowing whether anyone is logged in nothing can be shown: the boundary explains and retries.
  if (failure) throw failure.error;
  return { status, applySession, refresh };
}

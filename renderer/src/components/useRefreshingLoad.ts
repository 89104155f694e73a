import { useEffect, useState } from 'react';
import { isSessionEnded } from './api-errors';

/**
 * Like useLoad, for lists the officer edits in place: after an edit (a new
 * `key`) the previous value stays on screen until the fresh one arrives, so
 * the table does not blink empty and the forms below it keep their state.
 * A failure is rethrown during render for the section's ErrorBoundary.
 */
export function useRefreshingLoad<T>(load: () => Promise<T>, key: unknown): T | undefined {
  const [value, setValue] = useState<T>();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (next) => current && setValue(() => next),
      (error: unknown) => current && setFailure({ error }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload on the caller's key only, not on a new closure each render
  }, [key]);
  if (failure && !isSessionEnded(failure.error)) throw failure.error;
  return value;
}

import { useEffect, useState } from 'react';
import { isSessionEnded } from './api-errors';

type Outcome<T> = { readonly for: unknown; readonly value: T } | { readonly for: unknown; readonly error: unknown };

/**
 * Loads data for a screen, again whenever `key` changes (compared with
 * Object.is). A failure is rethrown during render so the section's
 * ErrorBoundary shows it, translated, with a retry. A result that belongs to
 * an older key counts as still loading.
 */
export function useLoad<T>(load: () => Promise<T>, key: unknown): T | undefined {
  const [outcome, setOutcome] = useState<Outcome<T> | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setOutcome({ for: key, value }),
      (error: unknown) => current && setOutcome({ for: key, error }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload on the caller's key only, not on a new closure each render
  }, [key]);
  if (!outcome || !Object.is(outcome.for, key)) return undefined;
  if ('error' in outcome) {
    if (isSessionEnded(outcome.error)) return undefined;
    throw outcome.error;
  }
  return outcome.value;
}

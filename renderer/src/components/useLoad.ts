import { useEffect, useState } from 'react';

type LoadState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: unknown };

/**
 * Loads data for a screen. A failure is rethrown during render so the
 * section's ErrorBoundary shows it, translated, with a retry.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the load depends on
  }, deps);
  if (state.status === 'failed') throw state.error;
  return state.status === 'ready' ? state.value : undefined;
}

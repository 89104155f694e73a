import { useEffect, useState } from 'react';
import type { UpdateStatus } from '../../../../shared/ipc/update-status';
import { useApi } from '../../app/api-context';

/**
 * The program update's state: read once, then followed through the
 * `update.status` event (checking, download progress, ready, refused).
 */
export function useUpdateStatus(): UpdateStatus | null {
  const api = useApi();
  const [status, setStatus] = useState<UpdateStatus | null>(null);

  useEffect(() => {
    let current = true;
    // Subscribed first: an event that arrives while the first read is in flight wins over it.
    let pushed = false;
    const unsubscribe = api.on('update.status', (next) => {
      pushed = true;
      setStatus(next);
    });
    api.invoke('update.status').then(
      (first) => {
        if (current && !pushed) setStatus(first);
      },
      // The status bar stays quiet rather than showing an error for a side feature.
      () => {},
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, [api]);

  return status;
}

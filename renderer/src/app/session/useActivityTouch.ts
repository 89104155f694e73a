import { useEffect } from 'react';
import { useApi } from '../api-context';

/** Often enough for a lock measured in minutes, rare enough to cost nothing. */
export const TOUCH_INTERVAL_MS = 30_000;

const activityEvents = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/**
 * Tells the main process the officer is working, so its inactivity lock
 * (unit setting `lockAfterMinutes`) does not fire mid-sentence. Reading the
 * screen without touching anything is inactivity, by design.
 * `onRefused` runs when main answers that the session is gone or locked.
 */
export function useActivityTouch(active: boolean, onRefused: () => void): void {
  const api = useApi();
  useEffect(() => {
    if (!active) return;
    // Logging in or unlocking was activity already.
    let last = Date.now();
    let pending = false;
    const onActivity = () => {
      const now = Date.now();
      if (pending || now - last < TOUCH_INTERVAL_MS) return;
      last = now;
      pending = true;
      api
        .invoke('session.touch')
        .catch(onRefused)
        .finally(() => {
          pending = false;
        });
    };
    for (const name of activityEvents) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [active, api, onRefused]);
}

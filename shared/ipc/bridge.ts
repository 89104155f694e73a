import type { Result } from './errors';

/**
 * The exact shape the preload exposes as `window.api` (and the test harness
 * imitates). Deliberately untyped per channel: the typed client in the
 * renderer sits on top, and main validates everything anyway.
 */
export interface Bridge {
  invoke(channel: string, input?: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

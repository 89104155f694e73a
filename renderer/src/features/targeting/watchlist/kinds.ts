import type { z } from 'zod';
import { WatchKind, WatchSeverity } from '../../../../../shared/ipc/risk-contract';

export type WatchKindName = z.infer<typeof WatchKind>;
export type WatchSeverityName = z.infer<typeof WatchSeverity>;

/** In the order the form and the filter offer them: the contract's own lists, so the UI cannot offer what main refuses. */
export const watchKinds: readonly WatchKindName[] = WatchKind.options;
export const watchSeverities: readonly WatchSeverityName[] = WatchSeverity.options;

/** The contract takes at most this much base64 (about 10 MB of CSV); larger files are refused here, before reading them. */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

/** `2026-03-02` or an ISO instant: true once the day has passed (the entry then stops matching). */
export function hasExpired(expiresAt: string | null, now: Date): boolean {
  if (!expiresAt) return false;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(expiresAt) ? new Date(`${expiresAt}T23:59:59`) : new Date(expiresAt);
  return !Number.isNaN(day.getTime()) && day.getTime() < now.getTime();
}

/** The expiry as officers read it: a plain date stays a date; an instant shows its local day. */
export function expiryText(expiresAt: string): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(expiresAt) && expiresAt.length <= 10) return expiresAt;
  const date = new Date(expiresAt);
  if (Number.isNaN(date.getTime())) return expiresAt;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

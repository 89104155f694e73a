import { useCallback } from 'react';
import { errorMessage } from '../../../shared/i18n/error-message';
import type { ErrorCode } from '../../../shared/ipc/errors';
import { ApiError } from '../api/client';
import { useI18n } from '../app/i18n';

/** The stable code of a failed call, or null for anything that is not an API refusal (a bug). */
export function errorCode(error: unknown): ErrorCode | null {
  return error instanceof ApiError ? error.code : null;
}

/**
 * Field names the main process rejected: INVALID_INPUT carries zod's issues,
 * whose path starts with the input property (the form field).
 */
export function invalidFields(error: unknown): ReadonlySet<string> {
  const names = new Set<string>();
  if (!(error instanceof ApiError) || error.code !== 'INVALID_INPUT') return names;
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return names;
  for (const issue of issues) {
    const first = (issue as { path?: unknown }).path;
    if (Array.isArray(first) && typeof first[0] === 'string') names.add(first[0]);
  }
  return names;
}

/** Officer-facing text for a failed call, in the current language. */
export function useErrorText(): (error: unknown) => string {
  const { language, t } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) return errorMessage(language, error);
      // Not a refusal from main but a fault here: keep the detail for IT, show the calm text.
      console.error('unexpected failure', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      return t('error.INTERNAL');
    },
    [language, t],
  );
}

/**
 * A refusal because the session ended (logout, lock, expiry) while the
 * request was on its way. Not the screen's failure: the session gate is about
 * to replace the screen with the login or lock screen, so the loading hooks
 * keep waiting instead of showing the section's error panel for a moment.
 */
export function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_LOCKED');
}

import type { AppError } from '../ipc/errors';
import { errorCodes } from '../ipc/errors';
import type { MessageKey } from './catalogue';
import { translate, type MessageParams } from './index';
import type { Language } from './languages';

/**
 * The officer-facing text for an error that crossed a boundary: the
 * catalogue entry for its code, filled from its details (file names, seconds
 * to wait, minimum lengths). Used by the renderer and the CLI alike.
 */
export function errorMessage(language: Language, error: Pick<AppError, 'code' | 'message' | 'details'>): string {
  if (!(errorCodes as readonly string[]).includes(error.code)) return error.message;
  const params: Record<string, string | number> = { detail: error.message };
  if (error.details && typeof error.details === 'object') {
    for (const [name, value] of Object.entries(error.details)) {
      if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    }
  }
  return translate(language, `error.${error.code}` as MessageKey, params as MessageParams);
}

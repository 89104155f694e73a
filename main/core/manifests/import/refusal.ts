import { DomainError, type ErrorCode } from '../../../../shared/ipc/errors';

/**
 * A file that cannot be imported at all. Carries the file name so every
 * message names the file; nothing of it is stored.
 */
export function refuse(code: ErrorCode, fileName: string, detail: string, extra: Record<string, string | number> = {}): DomainError {
  return new DomainError(code, `${fileName}: ${detail}`, { file: fileName, detail, ...extra });
}

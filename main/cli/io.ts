import type { Language } from '../../shared/i18n';
import type { KdfPolicy } from '../core/vault/kdf';
import { errorMessage } from '../../shared/i18n/error-message';
import type { AppError } from '../../shared/ipc/errors';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly home: string;
  readonly language: Language;
  /** Argon2id cost for tests; the real command line always uses the production policy. */
  readonly kdf?: KdfPolicy;
}

export class CliError extends Error {
  constructor(
    readonly error: AppError,
    readonly exitCode = 1,
  ) {
    super(error.message);
  }
}

/** `--json` prints exactly one document on stdout; humans get aligned key/value lines. */
export function printResult(io: CliIo, json: boolean, value: Record<string, unknown>): void {
  if (json) {
    io.stdout(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  const width = Math.max(...Object.keys(value).map((key) => key.length));
  for (const [key, item] of Object.entries(value)) {
    io.stdout(`${key.padEnd(width)}  ${typeof item === 'string' ? item : JSON.stringify(item)}\n`);
  }
}

export function printError(io: CliIo, json: boolean, error: AppError): void {
  let text = errorMessage(io.language, error);
  // On the command line, say which field: "--admin" is easier to fix than "some information".
  const issues = (error.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues;
  if (error.code === 'INVALID_INPUT' && Array.isArray(issues) && issues.length > 0) {
    text += ` (${issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`;
  }
  if (json) {
    io.stderr(`${JSON.stringify({ ok: false, error: { code: error.code, message: text } })}\n`);
  } else {
    io.stderr(`pcu: ${text}\n`);
  }
}

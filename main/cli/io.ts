import { translate, type Language } from '../../shared/i18n';
import type { AppError } from '../../shared/ipc/errors';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly home: string;
  readonly language: Language;
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
  const key = `error.${error.code}` as const;
  const detail = typeof (error.details as { detail?: unknown })?.detail === 'string'
    ? String((error.details as { detail: string }).detail)
    : error.message;
  const text = translate(io.language, key, { detail });
  if (json) {
    io.stderr(`${JSON.stringify({ ok: false, error: { code: error.code, message: text } })}\n`);
  } else {
    io.stderr(`pcu: ${text}\n`);
  }
}

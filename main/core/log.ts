/**
 * Structured log. Callers pass facts, never secrets or personal data
 * (passwords, keys, names of persons in a case).
 */
export interface Log {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLog: Log = { info() {}, warn() {}, error() {} };

export function consoleLog(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Log {
  const entry = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
  return { info: entry('info'), warn: entry('warn'), error: entry('error') };
}

export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.name, detail: error.message, stack: error.stack };
  return { error: String(error) };
}

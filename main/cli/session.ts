import { readFileSync } from 'node:fs';
import { DomainError, type Result } from '../../shared/ipc/errors';
import type { ChannelName } from '../../shared/ipc/contract';
import { APP_VERSION } from '../core/app-version';
import { createServices, type Services } from '../core/services';
import type { CliIo } from './io';
import { resolveDataDir, type CommonOptions } from './options';

export interface SessionOptions extends CommonOptions {
  readonly user?: string;
  readonly passwordFile?: string;
}

/**
 * A secret for a command: from a file given on the command line (first line),
 * else from the environment variable. Never from an argument, which other
 * users of the machine can read in the process list.
 */
export function readSecret(io: CliIo, variable: string, file: string | undefined): string {
  if (file) {
    try {
      return readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '';
    } catch (error) {
      throw new DomainError('PASSWORD_REQUIRED', `Cannot read ${file}: ${(error as Error).message}`, { variable: file });
    }
  }
  const value = io.env[variable];
  if (!value) throw new DomainError('PASSWORD_REQUIRED', `Set ${variable} or use --password-file`, { variable });
  return value;
}

export function servicesFor(options: CommonOptions, io: CliIo): Services {
  return createServices({
    dataDir: resolveDataDir(options, io),
    appVersion: APP_VERSION,
    platform: io.platform,
    ...(io.kdf ? { kdf: io.kdf } : {}),
  });
}

/** Unwraps a dispatch result for the CLI: errors become DomainErrors and reach printError. */
export async function call<T>(services: Services, channel: ChannelName, input?: unknown): Promise<T> {
  const result: Result<unknown> = await services.invoke(channel, input);
  if (!result.ok) throw new DomainError(result.error.code, result.error.message, result.error.details);
  return result.value as T;
}

/** Logs `--user` in with PCU_PASSWORD (or --password-file), runs the work, logs out. */
export async function withSession<T>(options: SessionOptions, io: CliIo, work: (services: Services) => Promise<T>): Promise<T> {
  if (!options.user) throw new DomainError('INVALID_ARGUMENT', 'This command needs --user USER', { detail: 'this command needs --user USER' });
  const password = readSecret(io, 'PCU_PASSWORD', options.passwordFile);
  const services = servicesFor(options, io);
  try {
    await call(services, 'session.login', { username: options.user, password });
    return await work(services);
  } finally {
    await services.close();
  }
}

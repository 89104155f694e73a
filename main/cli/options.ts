import path from 'node:path';
import { Option, type Command } from 'commander';
import { defaultDataDir } from '../core/data-dir';
import type { CliIo } from './io';

export interface CommonOptions {
  readonly dataDir?: string;
  readonly json?: boolean;
}

export const dataDirOption = () =>
  new Option('--data-dir <dir>', 'the data directory (default: the app\'s own, or $PCU_DATA_DIR)');

export function resolveDataDir(options: CommonOptions, io: CliIo): string {
  return path.resolve(options.dataDir ?? defaultDataDir(io.platform, io.env, io.home));
}

export const userOption = () => new Option('--user <name>', 'who runs the command (password from $PCU_PASSWORD)');
export const passwordFileOption = () => new Option('--password-file <file>', 'read the password from the first line of this file');

/** The options every logged-in command takes: --user, --password-file, --data-dir, --json. */
export function sessionOptions(command: Command, user: 'required' | 'optional' = 'required'): Command {
  const who = userOption();
  return command
    .addOption(user === 'required' ? who.makeOptionMandatory() : who)
    .addOption(passwordFileOption())
    .addOption(dataDirOption())
    .option('--json', 'print one JSON document');
}

import { Command, CommanderError } from 'commander';
import { languageFromLocale } from '../../shared/i18n/languages';
import { DomainError } from '../../shared/ipc/errors';
import { APP_VERSION } from '../core/app-version';
import { registerAccountCommands } from './commands/accounts';
import { registerImportCommand } from './commands/import';
import { registerInfo } from './commands/info';
import { registerMaintenanceCommands, VerdictFailed } from './commands/maintenance';
import { registerReleaseCommands } from './commands/release';
import { registerUpdateCommands } from './commands/update';
import { registerTargetingCommands } from './commands/targeting';
import { registerCaseworkCommands } from './commands/casework';
import { registerReportCommands } from './commands/report';
import { registerReportVerifyCommand } from './commands/report-verify';
import { registerExchangeCommands } from './commands/exchange';
import { CliError, printError, type CliIo } from './io';

/**
 * Runs one `pcu` invocation and returns the exit code. Never calls
 * process.exit, so tests run it in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const json = argv.includes('--json');

  const run = async (task: () => Promise<void>): Promise<void> => {
    try {
      await task();
    } catch (error) {
      if (error instanceof VerdictFailed) {
        exitCode = 1;
      } else if (error instanceof CliError) {
        printError(io, json, error.error);
        exitCode = error.exitCode;
      } else if (error instanceof DomainError) {
        printError(io, json, { code: error.code, message: error.message, details: error.details });
        exitCode = 1;
      } else {
        printError(io, json, { code: 'INTERNAL', message: (error as Error)?.message ?? String(error) });
        exitCode = 70; // EX_SOFTWARE
      }
    }
  };

  const program = new Command('pcu')
    .description('PCU Workstation command line: the same services as the desktop app, for scripts and IT')
    .version(APP_VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  registerInfo(program, io, run);
  registerAccountCommands(program, io, run);
  registerMaintenanceCommands(program, io, run);
  registerImportCommand(program, io, run);
  registerReleaseCommands(program, io, run);
  registerUpdateCommands(program, io, run);
  registerTargetingCommands(program, io, run);
  registerCaseworkCommands(program, io, run);
  registerReportCommands(program, io, run);
  registerReportVerifyCommand(program, io, run);
  registerExchangeCommands(program, io, run);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0.
      return error.exitCode;
    }
    throw error;
  }
  return exitCode;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    platform: process.platform,
    home: process.env.HOME ?? process.env.USERPROFILE ?? '.',
    language: process.env.PCU_LANG === 'ru' || process.env.PCU_LANG === 'en'
      ? process.env.PCU_LANG
      : languageFromLocale(process.env.LC_ALL ?? process.env.LANG),
  };
}

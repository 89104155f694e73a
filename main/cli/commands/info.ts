import type { Command } from 'commander';
import { printResult, type CliIo } from '../io';
import { sessionOptions } from '../options';
import type { SessionOptions } from '../session';
import { unitFacts } from './accounts';

export function registerInfo(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  sessionOptions(
    program.command('info').description('Show the version and the data directory; with --user, also the unit, users, schema version and database size'),
    'optional',
  ).action((options: SessionOptions) =>
      run(async () => {
        printResult(io, options.json === true, await unitFacts(options, io));
      }),
    );
}

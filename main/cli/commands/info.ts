import { Option, type Command } from 'commander';
import { printResult, type CliIo } from '../io';
import { dataDirOption } from '../options';
import type { SessionOptions } from '../session';
import { unitFacts } from './accounts';

export function registerInfo(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  program
    .command('info')
    .description('Show the version and the data directory; with --user, also the unit, users, schema version and database size')
    .addOption(new Option('--user <name>', 'log in as this user (password from $PCU_PASSWORD)'))
    .addOption(new Option('--password-file <file>', 'read the password from the first line of this file'))
    .addOption(dataDirOption())
    .option('--json', 'print one JSON document')
    .action((options: SessionOptions) =>
      run(async () => {
        printResult(io, options.json === true, await unitFacts(options, io));
      }),
    );
}

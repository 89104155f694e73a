import type { Command } from 'commander';
import { APP_VERSION, PRODUCT_NAME } from '../../core/app-version';
import { createServices } from '../../core/services';
import { printResult, type CliIo } from '../io';
import { dataDirOption, resolveDataDir, type CommonOptions } from '../options';

export function registerInfo(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  program
    .command('info')
    .description('Show the version and the data directory this command works on')
    .addOption(dataDirOption())
    .option('--json', 'print one JSON document')
    .action((options: CommonOptions) =>
      run(async () => {
        const dataDir = resolveDataDir(options, io);
        const services = createServices({ dataDir, appVersion: APP_VERSION, platform: io.platform });
        try {
          const settings = await services.settings.read();
          printResult(io, options.json === true, {
            name: PRODUCT_NAME,
            version: APP_VERSION,
            dataDir,
            platform: io.platform,
            language: settings.language,
          });
        } finally {
          await services.close();
        }
      }),
    );
}

import { Option, type Command } from 'commander';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { buildDemoUnit } from '../../core/demo/build-demo-unit';
import { silentLog } from '../../core/log';
import { printResult, type CliIo } from '../io';
import { dataDirOption, resolveDataDir, sessionOptions, type CommonOptions } from '../options';
import { call, servicesFor, withSession, type SessionOptions } from '../session';

type Run = (task: () => Promise<void>) => Promise<void>;

/** One case in `pcu case list --json`: the fields named in the casework issue, then the rest of the summary. */
export interface CaseJson {
  id: number;
  reference: string;
  status: string;
  consignments: number;
  examinations: number;
  seizures: number;
  title: string;
  assignedTo: string | null;
  openedAt: string;
  awaitingApproval: number;
  /** The seizures that count (not voided), for `pcu exchange export --seizure ID`. */
  seizureIds: number[];
}

export function registerCaseworkCommands(program: Command, io: CliIo, run: Run): void {
  const cases = program.command('case').description('Cases: examinations, seizures and chain of custody');
  sessionOptions(cases.command('list').description('Cases, newest first, with their counts of consignments, examinations and seizures (voided and corrected records not counted)'))
    .addOption(new Option('--status <status>', 'only cases in this status').choices(['open', 'under_examination', 'seizure', 'no_finding', 'referred', 'closed']))
    .action((options: SessionOptions & { status?: string }) =>
      run(async () => {
        const { list, seizureIds } = await withSession(options, io, async (services) => {
          const found = await call<ChannelOutput<'cases.list'>>(services, 'cases.list', { limit: 500, ...(options.status ? { status: options.status } : {}) });
          const ids = new Map<number, number[]>();
          for (const item of found.filter((candidate) => candidate.seizures > 0)) {
            const detail = await call<ChannelOutput<'cases.get'>>(services, 'cases.get', { id: item.id });
            ids.set(item.id, detail.seizures.filter((seizure) => seizure.voided === null).map((seizure) => seizure.id));
          }
          return { list: found, seizureIds: ids };
        });
        const out: CaseJson[] = list.map((item) => ({
          id: item.id,
          reference: item.reference,
          status: item.status,
          consignments: item.consignments,
          examinations: item.examinations,
          seizures: item.seizures,
          title: item.title,
          assignedTo: item.assignedTo,
          openedAt: item.openedAt,
          awaitingApproval: item.awaitingApproval,
          seizureIds: seizureIds.get(item.id) ?? [],
        }));
        if (options.json) {
          io.stdout(`${JSON.stringify(out, null, 2)}\n`);
          return;
        }
        for (const item of out) {
          io.stdout(`${item.reference.padEnd(17)} ${item.status.padEnd(17)} ${String(item.examinations).padStart(2)} exam. ${String(item.seizures).padStart(2)} seiz.  ${item.title}\n`);
        }
      }),
    );

  program
    .command('demo')
    .description('Create a complete training unit: accounts admin, supervisor and officer (password from $PCU_PASSWORD, else generated and printed once), the sample manifests scored, and one case through examination, seizure, custody and approval')
    .addOption(dataDirOption())
    .option('--json', 'print one JSON document')
    .action((options: CommonOptions) =>
      run(async () => {
        const services = servicesFor(options, io);
        try {
          const demo = await buildDemoUnit(services.vault, { clock: () => new Date(), language: io.language, log: silentLog, password: io.env.PCU_PASSWORD || undefined });
          const unit = (demo.store.db.prepare('SELECT name FROM unit WHERE id = 1').get() as { name: string }).name;
          await demo.store.close();
          if (demo.incomplete) io.stderr(`pcu: the demo unit was created without all of its samples or its case: ${demo.incomplete}\n`);
          if (options.json) {
            io.stdout(`${JSON.stringify({ unit, accounts: demo.accounts, recoveryKey: demo.recoveryKey, dataDir: resolveDataDir(options, io) }, null, 2)}\n`);
            return;
          }
          printResult(io, false, { unit, dataDir: resolveDataDir(options, io), recoveryKey: demo.recoveryKey });
          for (const account of demo.accounts) io.stdout(`${account.role.padEnd(14)} ${account.username.padEnd(11)} ${account.password}\n`);
          io.stdout('These passwords are shown only now. The unit is for training: never enter real case data in it.\n');
        } finally {
          await services.close();
        }
      }),
    );
}

import type { Command } from 'commander';
import { Option } from 'commander';
import { z } from 'zod';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { DomainError } from '../../../shared/ipc/errors';
import { printResult, type CliIo } from '../io';
import { sessionOptions } from '../options';
import { call, withSession, type SessionOptions } from '../session';

type Run = (task: () => Promise<void>) => Promise<void>;

const positiveInt = (flag: string) => (text: string) => {
  const parsed = z.coerce.number().int().positive().safeParse(text);
  if (!parsed.success) throw new DomainError('INVALID_ARGUMENT', `${flag} must be a positive whole number, not "${text}"`, { detail: `${flag} must be a positive whole number, not "${text}"` });
  return parsed.data;
};

/** One line of `pcu targets --json`: the contract named in the targeting issue. */
export interface TargetJson {
  id: number;
  container: string | null;
  bl: string | null;
  consignee: string | null;
  score: number;
  lane: string;
  randomPick: boolean;
  indicators: { id: string; weight: number; evidence: Record<string, unknown> }[];
  watchlistHits: { entryId: number; type: string; value: string; strength: number }[];
}

export function registerTargetingCommands(program: Command, io: CliIo, run: Run): void {
  sessionOptions(program.command('targets').description('Scored manifest lines, highest risk first, with the indicators that fired and their evidence'))
    .option('--manifest <id>', 'only this manifest', positiveInt('--manifest'))
    .option('--top <n>', 'how many lines (default 50)', positiveInt('--top'))
    .action((options: SessionOptions & { manifest?: number; top?: number }) =>
      run(async () => {
        const targets = await withSession(options, io, async (services) => {
          const page = await call<ChannelOutput<'targets.list'>>(services, 'targets.list', {
            filter: options.manifest ? { manifestId: options.manifest } : {},
            limit: Math.min(options.top ?? 50, 1000),
          });
          const out: TargetJson[] = [];
          for (const row of page.rows) {
            const detail = await call<ChannelOutput<'targets.detail'>>(services, 'targets.detail', { consignmentId: row.id });
            out.push({
              id: row.id,
              container: row.container,
              bl: row.bl,
              consignee: row.consignee,
              score: row.score,
              lane: row.lane,
              randomPick: row.randomPick,
              indicators: detail.fired.map((fired) => ({ id: fired.id, weight: fired.weight, evidence: fired.evidence })),
              watchlistHits: detail.watchHits.map((hit) => ({ entryId: hit.entryId, type: hit.type, value: hit.value, strength: hit.strength })),
            });
          }
          return out;
        });
        if (options.json) {
          io.stdout(`${JSON.stringify(targets, null, 2)}\n`);
          return;
        }
        for (const target of targets) {
          const reasons = [...target.watchlistHits.map((hit) => `watch-list ${hit.type} ${hit.value}`), ...target.indicators.map((indicator) => indicator.id)];
          io.stdout(`${String(target.score).padStart(4)} ${target.lane.padEnd(6)} ${(target.container ?? '-').padEnd(11)} ${(target.bl ?? '-').padEnd(16)} ${target.consignee ?? '-'}  [${reasons.join('; ')}]\n`);
        }
      }),
    );

  const watchlist = program.command('watchlist').description('Watch lists of parties, containers, vessels, B/Ls and seals');
  sessionOptions(watchlist.command('add').description('Add a watch-list entry (re-score to apply it to lines already loaded)'))
    .addOption(new Option('--type <type>', 'what is watched').choices(['party', 'container', 'vessel', 'bl', 'seal']).makeOptionMandatory())
    .requiredOption('--value <value>', 'the name, container number, IMO or vessel name, B/L or seal number')
    .addOption(new Option('--severity <level>', 'how serious').choices(['critical', 'high', 'medium', 'low']).makeOptionMandatory())
    .requiredOption('--reason <text>', 'why it is watched (kept and audited)')
    .option('--expires <date>', 'stop matching after this date (YYYY-MM-DD)')
    .action((options: SessionOptions & { type: string; value: string; severity: string; reason: string; expires?: string }) =>
      run(async () => {
        const [entry] = await withSession(options, io, (services) =>
          call<ChannelOutput<'watchlist.add'>>(services, 'watchlist.add', {
            entries: [{ kind: options.type, value: options.value, severity: options.severity, reason: options.reason, ...(options.expires ? { expiresAt: options.expires } : {}) }],
          }),
        );
        printResult(io, options.json === true, { ...entry });
      }),
    );

  sessionOptions(watchlist.command('list').description('Active watch-list entries')).action((options: SessionOptions) =>
    run(async () => {
      const entries = await withSession(options, io, (services) => call<ChannelOutput<'watchlist.list'>>(services, 'watchlist.list', { includeRemoved: false }));
      if (options.json) {
        io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
        return;
      }
      for (const entry of entries) io.stdout(`${String(entry.id).padStart(5)} ${entry.kind.padEnd(9)} ${entry.severity.padEnd(8)} ${entry.value}  (${entry.reason})\n`);
    }),
  );

  sessionOptions(program.command('rescore').description('Score stored lines again under the active profile and current watch lists'))
    .option('--manifest <id>', 'only this manifest (default: every manifest)', positiveInt('--manifest'))
    .action((options: SessionOptions & { manifest?: number }) =>
      run(async () => {
        const summary = await withSession(options, io, (services) =>
          call<ChannelOutput<'targets.rescore'>>(services, 'targets.rescore', options.manifest ? { manifestId: options.manifest } : {}),
        );
        printResult(io, options.json === true, { ...summary });
      }),
    );
}

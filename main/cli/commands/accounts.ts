import { statSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { SessionInfo, UserInfo } from '../../../shared/ipc/contract';
import { DomainError } from '../../../shared/ipc/errors';
import { APP_VERSION, PRODUCT_NAME } from '../../core/app-version';
import { schemaVersion } from '../../core/db/migrate';
import { DB_FILE } from '../../core/db/open';
import { printResult, type CliIo } from '../io';
import { dataDirOption, passwordFileOption, resolveDataDir, sessionOptions } from '../options';
import { call, readSecret, servicesFor, withSession, type SessionOptions } from '../session';

type Run = (task: () => Promise<void>) => Promise<void>;


export function registerAccountCommands(program: Command, io: CliIo, run: Run): void {
  program
    .command('setup')
    .description('First run: create the unit, its encrypted database and the first administrator (password from $PCU_PASSWORD); prints the recovery key once')
    .requiredOption('--unit <name>', 'unit name, e.g. "PCU Dushanbe"')
    .requiredOption('--country <cc>', 'ISO 3166 country code, e.g. TJ')
    .requiredOption('--locode <locode>', 'UN/LOCODE of the port, e.g. TJDYU')
    .requiredOption('--admin <user>', 'user name of the first administrator')
    .option('--admin-name <name>', 'display name of the administrator (default: the user name)')
    .addOption(passwordFileOption())
    .addOption(dataDirOption())
    .option('--json', 'print one JSON document')
    .action((options: { unit: string; country: string; locode: string; admin: string; adminName?: string; passwordFile?: string; dataDir?: string; json?: boolean }) =>
      run(async () => {
        const password = readSecret(io, 'PCU_PASSWORD', options.passwordFile);
        const services = servicesFor(options, io);
        try {
          const created = await call<{ recoveryKey: string; session: SessionInfo }>(services, 'setup.create', {
            unitName: options.unit,
            country: options.country,
            locode: options.locode,
            adminUsername: options.admin,
            adminDisplayName: options.adminName ?? options.admin,
            password,
          });
          printResult(io, options.json === true, {
            unit: created.session.unit.name,
            country: created.session.unit.country,
            locode: created.session.unit.locode,
            admin: created.session.user.username,
            dataDir: resolveDataDir(options, io),
            recoveryKey: created.recoveryKey,
            notice: 'Print or write down the recovery key and lock it away: it is shown only now and opens the data if every password is lost.',
          });
        } finally {
          await services.close();
        }
      }),
    );

  const user = program.command('user').description('Manage the unit\'s accounts (administrators)');
  sessionOptions(user.command('add <username>').description('Add an account; its password comes from $PCU_NEW_PASSWORD'))
    .addOption(new Option('--role <role>', 'role of the new account').choices(['officer', 'supervisor', 'administrator']).makeOptionMandatory())
    .option('--name <displayName>', 'display name (default: the user name)')
    .action((username: string, options: SessionOptions & { role: string; name?: string }) =>
      run(async () => {
        const newPassword = readSecret(io, 'PCU_NEW_PASSWORD', undefined);
        const added = await withSession(options, io, (services) =>
          call<UserInfo>(services, 'users.add', { username, displayName: options.name ?? username, role: options.role, password: newPassword }),
        );
        printResult(io, options.json === true, { ...added });
      }),
    );
  sessionOptions(user.command('remove <username>').description('Remove an account: its key slot is deleted, its name stays in the history')).action(
    (username: string, options: SessionOptions) =>
      run(async () => {
        const removed = await withSession(options, io, (services) => call<UserInfo>(services, 'users.remove', { username }));
        printResult(io, options.json === true, { ...removed });
      }),
  );
  sessionOptions(user.command('list').description('List the accounts')).action((options: SessionOptions) =>
      run(async () => {
        const users = await withSession(options, io, (services) => call<UserInfo[]>(services, 'users.list'));
        if (options.json) {
          io.stdout(`${JSON.stringify(users, null, 2)}\n`);
        } else {
          for (const account of users) {
            io.stdout(`${account.username.padEnd(20)} ${account.role.padEnd(14)} ${account.removed ? 'removed' : account.disabled ? 'disabled' : 'active'}  ${account.displayName}\n`);
          }
        }
      }),
    );

  program
    .command('recover')
    .description('Every password forgotten: open the unit with the recovery key ($PCU_RECOVERY_KEY) and give an administrator a new password ($PCU_NEW_PASSWORD)')
    .requiredOption('--admin <user>', 'the administrator account to recover')
    .addOption(dataDirOption())
    .option('--json', 'print one JSON document')
    .action((options: { admin: string; dataDir?: string; json?: boolean }) =>
      run(async () => {
        const recoveryKey = readSecret(io, 'PCU_RECOVERY_KEY', undefined);
        const newPassword = readSecret(io, 'PCU_NEW_PASSWORD', undefined);
        const services = servicesFor(options, io);
        const recovered = await services.vault.recoverAdministrator(recoveryKey, options.admin, newPassword);
        printResult(io, options.json === true, { ok: true, admin: recovered.username, enabled: true });
      }),
    );
}

/** `pcu info`: without --user, what the folder is; with --user, what the unit holds. */
export async function unitFacts(options: SessionOptions, io: CliIo): Promise<Record<string, unknown>> {
  const dataDir = resolveDataDir(options, io);
  const services = servicesFor(options, io);
  const base = { name: PRODUCT_NAME, version: APP_VERSION, dataDir, platform: io.platform, language: (await services.settings.read()).language };
  if (!options.user) return base;
  return withSession(options, io, async (services) => {
    const status = await call<{ session: SessionInfo | null }>(services, 'session.status');
    const session = status.session;
    if (!session) throw new DomainError('UNAUTHENTICATED', 'Not logged in');
    const store = services.sessions.store();
    const users = (store.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
    return {
      ...base,
      unit: session.unit.name,
      country: session.unit.country,
      locode: session.unit.locode,
      users,
      schemaVersion: schemaVersion(store.db),
      dbSizeBytes: statSync(path.join(dataDir, DB_FILE)).size,
      user: session.user.username,
      role: session.user.role,
    };
  });
}

import type { Command } from 'commander';
import type { AuditVerdict, BackupResult, DbCheckResult } from '../../../shared/ipc/contract';
import { restoreBackup } from '../../core/backup/backup';
import { printResult, type CliIo } from '../io';
import { dataDirOption, passwordFileOption, resolveDataDir, sessionOptions } from '../options';
import { call, readSecret, servicesFor, withSession, type SessionOptions } from '../session';

type Run = (task: () => Promise<void>) => Promise<void>;

export function registerMaintenanceCommands(program: Command, io: CliIo, run: Run): void {
  const audit = program.command('audit').description('The tamper-evident audit trail');
  sessionOptions(
    audit.command('verify').description('Walk the hash chain and the external chain head; exit 1 and name the first broken entry if any'),
  ).action((options: SessionOptions) =>
      run(async () => {
        const verdict = await withSession(options, io, (services) => call<AuditVerdict>(services, 'audit.verify'));
        printResult(io, options.json === true, { ...verdict });
        if (!verdict.ok) throw new VerdictFailed();
      }),
    );

  const db = program.command('db').description('The encrypted database');
  sessionOptions(
    db.command('check').description('Check every page\'s authentication code, the structure and foreign keys (after a crash, a disk error or a restore)'),
  ).action((options: SessionOptions) =>
      run(async () => {
        const result = await withSession(options, io, (services) => call<DbCheckResult>(services, 'db.check'));
        printResult(io, options.json === true, { ...result });
        if (!result.ok) throw new VerdictFailed();
      }),
    );

  sessionOptions(
    db
      .command('rekey')
      .description('Re-encrypt the database under a new key (password from $PCU_PASSWORD); prints a new recovery key once; other accounts then need a password reset'),
  ).action((options: SessionOptions) =>
    run(async () => {
      const password = readSecret(io, 'PCU_PASSWORD', options.passwordFile);
      const result = await withSession(options, io, (services) => call<{ recoveryKey: string; usersToReset: string[] }>(services, 'db.rekey', { password }));
      printResult(io, options.json === true, { ...result });
    }),
  );

  sessionOptions(
    program.command('backup').description('Write an encrypted backup (database, key file, SHA-256 manifest) into a folder, e.g. a USB stick'),
  )
    .requiredOption('--to <dir>', 'an existing folder; the backup goes into a new sub-folder')
    .action((options: SessionOptions & { to: string }) =>
      run(async () => {
        const result = await withSession(options, io, (services) => call<BackupResult>(services, 'backup.create', { targetDir: options.to }));
        printResult(io, options.json === true, { ...result });
      }),
    );

  program
    .command('restore')
    .description('Replace this workstation\'s data with a verified backup; the current files are kept in previous-<time>/. Close the app first.')
    .requiredOption('--from <dir>', 'the backup folder (pcu-backup-…)')
    .option('--user <name>', 'also prove the backup opens with this user\'s password ($PCU_PASSWORD) before replacing anything')
    .addOption(passwordFileOption())
    .addOption(dataDirOption())
    .option('--json', 'print one JSON document')
    .action((options: SessionOptions & { from: string }) =>
      run(async () => {
        const services = servicesFor(options, io);
        const credentials = options.user
          ? { user: options.user, password: readSecret(io, 'PCU_PASSWORD', options.passwordFile), kdf: services.vault.kdf }
          : null;
        const result = await restoreBackup(resolveDataDir(options, io), options.from, { now: new Date(), credentials });
        printResult(io, options.json === true, {
          ok: true,
          restoredFrom: result.restoredFrom,
          previousDir: result.previousDir,
          backupCreatedAt: result.manifest.createdAt,
          verifiedOpening: credentials !== null,
        });
      }),
    );
}

/** The verdict is printed already; this only sets the exit status. */
export class VerdictFailed extends Error {
  constructor() {
    super('check failed');
  }
}

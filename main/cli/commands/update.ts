import type { Command } from 'commander';
import { translate, type MessageKey } from '../../../shared/i18n';
import { DomainError } from '../../../shared/ipc/errors';
import { APP_VERSION } from '../../core/app-version';
import { verifyReleaseFolder } from '../../core/updates/release-folder';
import { pinnedPublicKeyFile, readPublicKeys } from '../../core/updates/release-keys';
import { RELEASE_PRODUCT_ID } from '../../core/updates/release-product';
import { parseSemVer } from '../../core/updates/semver';
import { printResult, type CliIo } from '../io';
import { VerdictFailed } from './maintenance';

type Run = (task: () => Promise<void>) => Promise<void>;

/**
 * `pcu update verify --dir DIR --json` → `{ok, version, reason?}`: what the
 * app would decide for that folder (the same decideRelease), for IT before
 * publishing a release on the intranet or a USB stick. Exit 1 when refused.
 */
export function registerUpdateCommands(program: Command, io: CliIo, run: Run): void {
  const update = program.command('update').description('Program updates');

  update
    .command('verify')
    .description('Decide a release folder as the app would: signature, product, metadata, installers, no downgrade; exit 1 if refused')
    .requiredOption('--dir <dir>', 'the release folder (intranet copy or USB stick)')
    .option('--public-key <file>', 'trust this public key file instead of the one built into the program')
    .option('--current-version <version>', `treat this as the installed version (default: ${APP_VERSION})`)
    .option('--json', 'print one JSON document')
    .action((options: { dir: string; publicKey?: string; currentVersion?: string; json?: boolean }) =>
      run(async () => {
        const currentVersion = options.currentVersion ?? APP_VERSION;
        if (parseSemVer(currentVersion) === null) {
          const detail = `--current-version must be a version like 1.2.3, not "${currentVersion}"`;
          throw new DomainError('INVALID_ARGUMENT', detail, { detail });
        }
        const keys = await readPublicKeys(options.publicKey ?? pinnedPublicKeyFile());
        const verdict = await verifyReleaseFolder(options.dir, { keys, product: RELEASE_PRODUCT_ID, currentVersion });
        const result = { ok: verdict.ok, version: verdict.version, ...(verdict.reason ? { reason: verdict.reason } : {}) };
        if (options.json === true) {
          printResult(io, true, result);
        } else {
          printResult(io, false, result);
          for (const file of verdict.files) {
            const decision = file.ok ? 'accepted' : `refused: ${file.reason ? translate(io.language, `update.reason.${file.reason}` as MessageKey) : ''}`;
            io.stdout(`  ${file.file}  ${file.version ?? '-'}  ${decision}${file.detail ? ` (${file.detail})` : ''}\n`);
          }
          if (verdict.sameVersion) io.stdout(`  ${currentVersion} is the installed version: nothing to install\n`);
        }
        if (!verdict.ok) throw new VerdictFailed();
      }),
    );
}

import { createPublicKey } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../../../shared/ipc/errors';
import { generateReleaseKeyPair, keyIdOf, parsePrivateKey, pinnedPublicKeyFile, readPublicKeys } from '../../core/updates/release-keys';
import { signReleaseFolder } from '../../core/updates/release-folder';
import { RELEASE_PRODUCT_ID } from '../../core/updates/release-product';
import { printResult, type CliIo } from '../io';

type Run = (task: () => Promise<void>) => Promise<void>;

export const PRIVATE_KEY_FILE = 'release-private-key.pem';
export const PUBLIC_KEY_FILE = 'release-public-key.pem';
/** Optional passphrase of the release private key: from the environment, never from an argument (the process list). */
const PASSPHRASE_VARIABLE = 'PCU_RELEASE_KEY_PASSPHRASE';

/**
 * Release tooling for the release manager (docs/IT.md, "Release keys"):
 * `pcu release keygen` makes the project's Ed25519 key pair, `pcu release
 * sign` writes the `<metadata>.sig` files the app requires before updating.
 */
export function registerReleaseCommands(program: Command, io: CliIo, run: Run): void {
  const release = program.command('release').description('Release signing: the key pair and the signatures every update needs');

  release
    .command('keygen')
    .description(`Make an Ed25519 release key pair in a new or empty folder (the private key is encrypted when $${PASSPHRASE_VARIABLE} is set)`)
    .requiredOption('--out <dir>', 'where to write release-private-key.pem and release-public-key.pem')
    .option('--json', 'print one JSON document')
    .action((options: { out: string; json?: boolean }) =>
      run(async () => {
        const dir = path.resolve(options.out);
        const privateFile = path.join(dir, PRIVATE_KEY_FILE);
        const publicFile = path.join(dir, PUBLIC_KEY_FILE);
        await fs.mkdir(dir, { recursive: true, mode: 0o700 });
        for (const file of [privateFile, publicFile]) {
          if (await fs.stat(file).then(() => true, () => false)) {
            throw new DomainError('RELEASE_KEY_EXISTS', `${file} already exists`, { file });
          }
        }
        const passphrase = io.env[PASSPHRASE_VARIABLE] || undefined;
        const pair = generateReleaseKeyPair(passphrase);
        // `wx`: a key is never overwritten, even by a race with another keygen.
        await fs.writeFile(privateFile, pair.privateKeyPem, { flag: 'wx', mode: 0o600 });
        await fs.writeFile(publicFile, pair.publicKeyPem, { flag: 'wx', mode: 0o644 });
        printResult(io, options.json === true, { privateKey: privateFile, publicKey: publicFile, keyId: pair.keyId, encrypted: passphrase !== undefined });
        if (options.json !== true) {
          io.stderr(`pcu: keep ${PRIVATE_KEY_FILE} offline with the release manager; ship ${PUBLIC_KEY_FILE} as resources/update/${PUBLIC_KEY_FILE}\n`);
        }
      }),
    );

  release
    .command('sign')
    .description('Sign every update metadata file (latest*.yml) of a release folder: writes <file>.sig beside each')
    .requiredOption('--key <file>', `the release private key (PEM; passphrase from $${PASSPHRASE_VARIABLE})`)
    .requiredOption('--dir <dist>', 'the release folder electron-builder wrote (dist/)')
    .option('--json', 'print one JSON document')
    .action((options: { key: string; dir: string; json?: boolean }) =>
      run(async () => {
        let pem: string;
        try {
          pem = await fs.readFile(options.key, 'utf8');
        } catch (error) {
          throw new DomainError('RELEASE_KEY_INVALID', `Cannot read ${options.key}: ${(error as Error).message}`);
        }
        const privateKey = parsePrivateKey(pem, io.env[PASSPHRASE_VARIABLE] || undefined);
        const dir = path.resolve(options.dir);
        const result = await signReleaseFolder(dir, { privateKey, product: RELEASE_PRODUCT_ID });
        // A release signed with a key the app does not pin is refused by every installation (UNKNOWN_KEY).
        const pinnedIds = await readPublicKeys(pinnedPublicKeyFile()).then((keys) => keys.map((key) => key.keyId), (): string[] => []);
        const pinned = pinnedIds.includes(keyIdOf(createPublicKey(privateKey)));
        printResult(io, options.json === true, { dir, product: RELEASE_PRODUCT_ID, keyId: result.keyId, pinned, signed: result.signed });
        if (!pinned) io.stderr(`pcu: warning: key ${result.keyId} is not in the pinned ${PUBLIC_KEY_FILE}; installed copies will refuse this release\n`);
      }),
    );
}

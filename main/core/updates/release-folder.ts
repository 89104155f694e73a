import { createPublicKey, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../../shared/ipc/errors';
import type { UpdateRefusal } from '../../../shared/ipc/update-status';
import { keyIdOf, type ReleasePublicKey } from './release-keys';
import { decideRelease, verifyDownloadedFiles } from './release-verdict';
import { SIGNATURE_SUFFIX, signMetadata } from './signature-envelope';
import { CHANNEL_FILE_PATTERN, fileNamesOf, parseUpdateMetadata } from './update-metadata';

/** A file's bytes, or null when it does not exist; other errors (permissions, a pulled stick) are thrown. */
export async function readIfPresent(file: string): Promise<Uint8Array | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The update metadata files of a release folder, sorted (`latest.yml`, `latest-linux.yml`, …). */
export async function channelFilesIn(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && CHANNEL_FILE_PATTERN.test(entry.name)).map((entry) => entry.name).sort();
}

export interface FolderVerdict {
  readonly ok: boolean;
  readonly version: string | null;
  readonly reason?: UpdateRefusal | 'METADATA_MISSING' | 'SOURCE_UNREACHABLE';
  /** The release is the version given as installed: genuine, and nothing to install. */
  readonly sameVersion?: boolean;
  readonly files: readonly { file: string; ok: boolean; version: string | null; reason?: string; detail?: string }[];
}

/**
 * `pcu update verify`: every metadata file in the folder decided as the app
 * on that platform would decide it, and the installers it names (when they
 * are in the folder) checked against its signed SHA-512. OK only if all pass,
 * so a folder with one good and one edited platform file is not published.
 */
export async function verifyReleaseFolder(
  dir: string,
  trust: { keys: readonly ReleasePublicKey[]; product: string; currentVersion: string },
): Promise<FolderVerdict> {
  let names: string[];
  try {
    names = await channelFilesIn(dir);
  } catch (error) {
    return { ok: false, version: null, reason: 'SOURCE_UNREACHABLE', files: [{ file: dir, ok: false, version: null, detail: (error as Error).message }] };
  }
  if (names.length === 0) return { ok: false, version: null, reason: 'METADATA_MISSING', files: [] };

  const files: FolderVerdict['files'][number][] = [];
  for (const file of names) {
    const verdict = decideRelease(
      { file, metadata: await readIfPresent(path.join(dir, file)), signature: await readIfPresent(path.join(dir, file + SIGNATURE_SUFFIX)) },
      trust,
    );
    if (!verdict.ok) {
      files.push({ file, ok: false, version: verdict.version, reason: verdict.reason, detail: verdict.detail });
      continue;
    }
    const present = await presentInstallers(dir, verdict.metadata.files.map((entry) => entry.url));
    const installers = present.length > 0 ? await verifyDownloadedFiles(present, verdict.metadata) : ({ ok: true } as const);
    files.push(
      installers.ok
        ? { file, ok: true, version: verdict.metadata.version }
        : { file, ok: false, version: verdict.metadata.version, reason: 'INSTALLER_MODIFIED', detail: installers.detail },
    );
  }
  const failed = files.find((file) => !file.ok);
  const version = files.find((file) => file.version !== null)?.version ?? null;
  if (failed) return { ok: false, version, reason: failed.reason as FolderVerdict['reason'], files };
  return { ok: true, version, files, ...(version === trust.currentVersion ? { sameVersion: true } : {}) };
}

/** Installers named by URL that are in the folder; an intranet copy may hold only one platform's files. */
async function presentInstallers(dir: string, urls: readonly string[]): Promise<string[]> {
  const present: string[] = [];
  for (const url of urls) {
    const name = fileNamesOf(url)[0] ?? '';
    // Only plain names in this folder: a URL elsewhere is not a file here to check.
    if (name === '' || name !== path.basename(name) || name.startsWith('.')) continue;
    const file = path.join(dir, name);
    if (await fs.stat(file).then((stat) => stat.isFile(), () => false)) present.push(file);
  }
  return present;
}

export interface SignedFile {
  readonly file: string;
  readonly signature: string;
  readonly version: string;
}

/**
 * `pcu release sign`: writes `<file>.sig` beside every metadata file of the
 * release folder. Refuses to sign metadata whose installers are missing or
 * differ from it: a signature vouches for the files as they are now.
 */
export async function signReleaseFolder(dir: string, input: { privateKey: KeyObject; product: string }): Promise<{ keyId: string; signed: SignedFile[] }> {
  const publicKey = createPublicKey(input.privateKey);
  let names: string[];
  try {
    names = await channelFilesIn(dir);
  } catch (error) {
    throw new DomainError('RELEASE_NOTHING_TO_SIGN', `Cannot read ${dir}: ${(error as Error).message}`, { dir });
  }
  if (names.length === 0) throw new DomainError('RELEASE_NOTHING_TO_SIGN', `No update metadata (latest*.yml) in ${dir}`, { dir });

  const plans: { file: string; metadata: Uint8Array; version: string }[] = [];
  for (const file of names) {
    const metadata = await fs.readFile(path.join(dir, file));
    const parsed = parseUpdateMetadata(metadata);
    if (parsed === null) throw new DomainError('RELEASE_INSTALLER_MISMATCH', `${file} is not update metadata`, { file });
    const installers = parsed.files.map((entry) => path.join(dir, path.basename(fileNamesOf(entry.url)[0] ?? entry.url)));
    const check = await verifyDownloadedFiles(installers, parsed);
    if (!check.ok) throw new DomainError('RELEASE_INSTALLER_MISMATCH', `${file}: ${check.detail}`, { file });
    plans.push({ file, metadata, version: parsed.version });
  }
  // Nothing is written until every file has passed: a half-signed folder would confuse whoever publishes it.
  const signed: SignedFile[] = [];
  for (const plan of plans) {
    const signature = plan.file + SIGNATURE_SUFFIX;
    const text = signMetadata({ product: input.product, file: plan.file, metadata: plan.metadata, privateKey: input.privateKey, publicKey });
    await fs.writeFile(path.join(dir, signature), text);
    signed.push({ file: plan.file, signature, version: plan.version });
  }
  return { keyId: keyIdOf(publicKey), signed };
}

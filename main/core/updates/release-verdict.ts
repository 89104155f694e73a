import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { UpdateRefusal } from '../../../shared/ipc/update-status';
import type { ReleasePublicKey } from './release-keys';
import { compareSemVer, parseSemVer } from './semver';
import { envelopeSignatureValid, parseEnvelope, sha256Hex } from './signature-envelope';
import { fileNamesOf, parseUpdateMetadata, type UpdateMetadata } from './update-metadata';

export type ReleaseVerdict =
  | {
      readonly ok: true;
      readonly metadata: UpdateMetadata;
      readonly keyId: string;
      /** The release is the installed version: genuine, and nothing to do. */
      readonly sameVersion: boolean;
    }
  | {
      readonly ok: false;
      readonly reason: UpdateRefusal | 'METADATA_MISSING';
      /** Known only once the metadata has passed its signature check. */
      readonly version: string | null;
      /** For the audit trail and the log: what exactly did not match. */
      readonly detail: string;
    };

export interface ReleaseFiles {
  /** The metadata file name the updater reads (e.g. `latest.yml`). */
  readonly file: string;
  /** Its bytes, or null when the source has no such file. */
  readonly metadata: Uint8Array | null;
  /** The bytes of `<file>.sig`, or null when it is missing. */
  readonly signature: Uint8Array | null;
}

const refuse = (reason: UpdateRefusal | 'METADATA_MISSING', detail: string, version: string | null = null): ReleaseVerdict => ({
  ok: false,
  reason,
  version,
  detail,
});

/**
 * What the app decides about one release, before the updater may download
 * anything. Pure: the service, `pcu update verify` and the tests all call it.
 * Order matters: nothing from the metadata is read (not even its version)
 * until the signature over its SHA-256 has been proved with a pinned key.
 */
export function decideRelease(
  release: ReleaseFiles,
  trust: { readonly keys: readonly ReleasePublicKey[]; readonly product: string; readonly currentVersion: string },
): ReleaseVerdict {
  if (release.metadata === null) return refuse('METADATA_MISSING', `${release.file} is not in the update source`);
  if (release.signature === null) return refuse('SIGNATURE_MISSING', `${release.file}.sig is not in the update source`);

  const envelope = parseEnvelope(release.signature);
  if (envelope === null) return refuse('SIGNATURE_INVALID', `${release.file}.sig is not a signature file of this program`);
  const key = trust.keys.find((candidate) => candidate.keyId === envelope.keyId);
  if (!key) return refuse('UNKNOWN_KEY', `signed with key ${envelope.keyId}, which this installation does not trust`);
  if (!envelopeSignatureValid(envelope, key.key)) return refuse('SIGNATURE_INVALID', `the signature in ${release.file}.sig does not verify`);

  // From here on the envelope's fields are the release manager's words.
  if (envelope.product !== trust.product) return refuse('WRONG_PRODUCT', `signed for product ${envelope.product}`);
  if (envelope.file !== release.file) return refuse('WRONG_CHANNEL', `signed as ${envelope.file}, served as ${release.file}`);
  const actual = sha256Hex(release.metadata);
  if (actual !== envelope.sha256) return refuse('METADATA_MODIFIED', `${release.file} has SHA-256 ${actual}, the signature says ${envelope.sha256}`);

  const metadata = parseUpdateMetadata(release.metadata);
  if (metadata === null) return refuse('METADATA_INVALID', `${release.file} is signed but is not update metadata`);
  const offered = parseSemVer(metadata.version);
  const installed = parseSemVer(trust.currentVersion);
  if (offered === null || installed === null) return refuse('METADATA_INVALID', `cannot compare ${metadata.version} with ${trust.currentVersion}`);
  // Never lower than installed, whatever the channel: an old signed release may have known holes.
  const order = compareSemVer(offered, installed);
  if (order < 0) return refuse('DOWNGRADE', `${metadata.version} is older than the installed ${trust.currentVersion}`, metadata.version);
  return { ok: true, metadata, keyId: key.keyId, sameVersion: order === 0 };
}

export async function sha512Base64OfFile(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/**
 * The downloaded installer against the signed metadata: every file the
 * updater hands over must be one the metadata lists, with its SHA-512 and size.
 */
export async function verifyDownloadedFiles(
  files: readonly string[],
  metadata: UpdateMetadata,
): Promise<{ readonly ok: true } | { readonly ok: false; readonly detail: string }> {
  if (files.length === 0) return { ok: false, detail: 'the updater reported no downloaded file' };
  for (const file of files) {
    const name = path.basename(file);
    const entry = metadata.files.find((candidate) => fileNamesOf(candidate.url).includes(name));
    if (!entry) return { ok: false, detail: `${name} is not listed in the signed metadata` };
    let size: number;
    let sha512: string;
    try {
      size = (await fs.stat(file)).size;
      sha512 = await sha512Base64OfFile(file);
    } catch (error) {
      return { ok: false, detail: `${name} cannot be read: ${(error as Error).message}` };
    }
    if (entry.size !== null && size !== entry.size) return { ok: false, detail: `${name} has ${size} bytes, the signed metadata says ${entry.size}` };
    if (sha512 !== entry.sha512) return { ok: false, detail: `${name} has SHA-512 ${sha512}, the signed metadata says ${entry.sha512}` };
  }
  return { ok: true };
}

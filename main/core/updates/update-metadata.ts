import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseSemVer } from './semver';

/**
 * electron-builder's update metadata (`latest.yml`, `latest-linux.yml`, …):
 * the fields the updater acts on. It is parsed only after its signature and
 * SHA-256 have been checked, and with aliases refused, so even a signed file
 * cannot make the parser expand without bound.
 */
const Sha512Base64 = z.string().regex(/^[A-Za-z0-9+/]{86}==$/);

const UpdateFile = z.looseObject({
  url: z.string().min(1).max(1000),
  sha512: Sha512Base64,
  size: z.number().int().nonnegative().optional(),
});

const UpdateMetadataSchema = z.looseObject({
  version: z.string().refine((value) => parseSemVer(value) !== null, 'not a SemVer version'),
  files: z.array(UpdateFile).min(1).max(50),
  path: z.string().min(1).optional(),
  sha512: Sha512Base64.optional(),
  releaseDate: z.string().optional(),
});

export interface UpdateFileEntry {
  readonly url: string;
  readonly sha512: string;
  readonly size: number | null;
}

export interface UpdateMetadata {
  readonly version: string;
  readonly files: readonly UpdateFileEntry[];
  /** electron-builder's deprecated single-file fields; the updater still reads them. */
  readonly path: string | null;
  readonly sha512: string | null;
}

/** Null when the bytes are not update metadata (not YAML, or required fields missing or malformed). */
export function parseUpdateMetadata(bytes: Uint8Array): UpdateMetadata | null {
  let document: unknown;
  try {
    document = parse(Buffer.from(bytes).toString('utf8'), { maxAliasCount: 0, uniqueKeys: true, prettyErrors: false });
  } catch {
    return null;
  }
  const parsed = UpdateMetadataSchema.safeParse(document);
  if (!parsed.success) return null;
  return normaliseOffer(parsed.data);
}

/** The comparable core of update info, from our parse or from the updater's own. */
export function normaliseOffer(info: {
  readonly version: string;
  readonly files: readonly { readonly url: string; readonly sha512: string; readonly size?: number | null | undefined }[];
  readonly path?: string | null | undefined;
  readonly sha512?: string | null | undefined;
}): UpdateMetadata {
  return {
    version: info.version,
    files: info.files
      .map((file) => ({ url: file.url, sha512: file.sha512, size: file.size ?? null }))
      .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
    path: info.path ?? null,
    sha512: info.sha512 ?? null,
  };
}

/** True when the updater is about to act on exactly what was signed. */
export function sameOffer(signed: UpdateMetadata, offered: UpdateMetadata): boolean {
  return JSON.stringify(normaliseOffer(signed)) === JSON.stringify(normaliseOffer(offered));
}

/**
 * The file electron-updater's generic provider reads for a channel, as its
 * Provider.getChannelFilePrefix does: Windows `latest.yml`, macOS
 * `latest-mac.yml`, Linux `latest-linux.yml` (x64) or `latest-linux-arm64.yml`.
 */
export function channelFileName(channel: string, platform: NodeJS.Platform, arch: string): string {
  if (platform === 'linux') return `${channel}-linux${arch === 'x64' ? '' : `-${arch}`}.yml`;
  if (platform === 'darwin') return `${channel}-mac.yml`;
  return `${channel}.yml`;
}

/**
 * Names that are update metadata in a release folder (and are signed):
 * `<channel>.yml`, `<channel>-mac.yml`, `<channel>-linux[-<arch>].yml`.
 * electron-builder's `builder-debug.yml` does not match.
 */
export const CHANNEL_FILE_PATTERN = /^[a-z][a-z0-9]*(?:-mac|-linux(?:-[a-z0-9_]+)?)?\.yml$/;

/** The file names a metadata entry's URL stands for, as the updater saves it (decoded and raw). */
export function fileNamesOf(url: string): string[] {
  const raw = path.posix.basename(url.split(/[?#]/)[0] ?? url);
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A malformed escape: only the raw name can match.
  }
  return [...new Set([decoded, raw])];
}

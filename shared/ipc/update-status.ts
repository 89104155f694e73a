import { z } from 'zod';

/**
 * Why an update was refused: the release itself failed a check, and nothing
 * of it was downloaded or installed. Each code has a text (`update.reason.*`)
 * and a section in docs/IT.md saying what to do.
 */
export const updateRefusals = [
  'SIGNATURE_MISSING',
  'SIGNATURE_INVALID',
  'UNKNOWN_KEY',
  'WRONG_PRODUCT',
  'WRONG_CHANNEL',
  'METADATA_MODIFIED',
  'METADATA_INVALID',
  'DOWNGRADE',
  'INSTALLER_MODIFIED',
] as const;
export type UpdateRefusal = (typeof updateRefusals)[number];

/** Why no decision about a release could be made (nothing was installed either). */
export const updateFailures = [
  'POLICY_INVALID',
  'PUBLIC_KEY_INVALID',
  'SOURCE_UNREACHABLE',
  'METADATA_MISSING',
  'UPDATER_INACTIVE',
  'DOWNLOAD_FAILED',
  'INSTALL_FAILED',
] as const;
export type UpdateFailure = (typeof updateFailures)[number];

export const UpdateReason = z.enum([...updateRefusals, ...updateFailures]);
export type UpdateReason = z.infer<typeof UpdateReason>;

export function isRefusal(reason: UpdateReason): reason is UpdateRefusal {
  return (updateRefusals as readonly string[]).includes(reason);
}

export const UpdateState = z.enum([
  /** No update source is configured for this computer (no policy file): nothing is ever checked. */
  'unconfigured',
  /** Configured, not checked yet (or automatic checks are off). */
  'idle',
  'checking',
  'up-to-date',
  /** A newer signed release was verified; the download starts at once. */
  'available',
  'downloading',
  /** Downloaded and verified against the signed metadata. */
  'ready',
  'installing',
  'refused',
  'failed',
]);
export type UpdateState = z.infer<typeof UpdateState>;

export const UpdateInstallMode = z.enum(['on-quit', 'administrator']);
export type UpdateInstallMode = z.infer<typeof UpdateInstallMode>;

export const UpdateStatus = z.object({
  state: UpdateState,
  currentVersion: z.string(),
  /** The release offered (once its metadata has been read), else null. */
  version: z.string().nullable(),
  /** Download progress, 0-100, while downloading. */
  percent: z.number().min(0).max(100).nullable(),
  reason: UpdateReason.nullable(),
  checkedAt: z.string().nullable(),
  autoCheck: z.boolean(),
  installMode: UpdateInstallMode.nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UpdateInstallMode } from '../../../shared/ipc/update-status';

/**
 * The machine-wide update policy IT writes (docs/IT.md): where updates come
 * from and when they are checked and installed. The app only ever reads it;
 * no IPC channel or CLI command writes it, and no per-user copy (data
 * directory, profile) is ever looked at, so an officer cannot change it.
 */
export const POLICY_FILE_NAME = 'update.json';
const MAX_POLICY_BYTES = 64 * 1024;

/**
 * Where the policy may live, most specific first; the first file that exists
 * is the policy (no merging). The system-wide file overrides the one shipped
 * in the installation, as /etc overrides /usr/share.
 *
 * Hazard, accepted: on Windows %ProgramData% comes from the environment, which
 * the person starting the program controls. A policy they point to can still
 * only choose where signed releases come from and when: every release must be
 * signed by the pinned key and newer than the installed one.
 */
export function updatePolicyFiles(input: {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder of the program's executable (Windows: the installation folder). */
  readonly installDir: string | null;
  /** Electron's `process.resourcesPath` (Linux and macOS: inside the installation). */
  readonly resourcesDir: string | null;
}): string[] {
  const { platform, env, installDir, resourcesDir } = input;
  if (platform === 'win32') {
    const programData = env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData';
    return [
      path.win32.join(programData, 'PCU Workstation', POLICY_FILE_NAME),
      ...(installDir ? [path.win32.join(installDir, POLICY_FILE_NAME)] : []),
    ];
  }
  const systemWide = platform === 'darwin' ? '/Library/Application Support/PCU Workstation' : '/etc/pcu-workstation';
  return [path.posix.join(systemWide, POLICY_FILE_NAME), ...(resourcesDir ? [path.posix.join(resourcesDir, POLICY_FILE_NAME)] : [])];
}

export type UpdateSource = { readonly kind: 'url'; readonly url: string } | { readonly kind: 'folder'; readonly folder: string };

export interface UpdatePolicy {
  readonly source: UpdateSource;
  readonly autoCheck: boolean;
  readonly checkIntervalHours: number;
  readonly install: UpdateInstallMode;
  readonly channel: string;
}

function httpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  // Credentials in a file every account can read would be credentials for everyone.
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && url.hash === '';
}

/** The file's schema. Unknown fields are refused: a misspelt `autocheck` must not silently mean "default". */
export function policySchema(platform: NodeJS.Platform) {
  const absolute = platform === 'win32' ? path.win32.isAbsolute : path.posix.isAbsolute;
  return z
    .strictObject({
      url: z.string().max(2000).refine(httpUrl, 'an http:// or https:// URL without user name, password or #fragment').optional(),
      folder: z.string().max(1000).refine(absolute, 'an absolute folder path').optional(),
      autoCheck: z.boolean().default(true),
      checkIntervalHours: z.number().int().min(1).max(24 * 30).default(24),
      install: UpdateInstallMode.default('administrator'),
      // electron-updater appends -linux/-mac to the channel: a name with a dash could collide with another platform's file.
      channel: z.string().regex(/^[a-z][a-z0-9]{0,19}$/).default('latest'),
    })
    .refine((value) => (value.url === undefined) !== (value.folder === undefined), 'exactly one of "url" and "folder"')
    .transform(
      (value): UpdatePolicy => ({
        source: value.url !== undefined ? { kind: 'url', url: value.url } : { kind: 'folder', folder: value.folder ?? '' },
        autoCheck: value.autoCheck,
        checkIntervalHours: value.checkIntervalHours,
        install: value.install,
        channel: value.channel,
      }),
    );
}

export type PolicyReading =
  | { readonly kind: 'none'; readonly searched: readonly string[] }
  | { readonly kind: 'ok'; readonly file: string; readonly policy: UpdatePolicy }
  | { readonly kind: 'invalid'; readonly file: string; readonly problem: string };

export interface PolicyReadOptions {
  readonly platform: NodeJS.Platform;
  /**
   * The account running the program (POSIX), or null to skip the ownership
   * check (Windows, where ACLs decide; see docs/IT.md for the icacls line).
   */
  readonly currentUid: number | null;
}

/**
 * The policy in force: the first of `files` that exists. A file that exists
 * but cannot be used turns updates off and says why (fail closed): falling
 * through to the next location would hide IT's mistake.
 */
export async function readUpdatePolicy(files: readonly string[], options: PolicyReadOptions): Promise<PolicyReading> {
  for (const file of files) {
    let bytes: Buffer;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return { kind: 'invalid', file, problem: 'not a regular file' };
      if (stat.size > MAX_POLICY_BYTES) return { kind: 'invalid', file, problem: `larger than ${MAX_POLICY_BYTES} bytes` };
      const unprotected = await unprotectedReason(file, options);
      if (unprotected) return { kind: 'invalid', file, problem: unprotected };
      bytes = await fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return { kind: 'invalid', file, problem: `unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
    let json: unknown;
    try {
      // A BOM is what Notepad writes; JSON.parse refuses it.
      json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      return { kind: 'invalid', file, problem: `not JSON (${(error as Error).message})` };
    }
    const parsed = policySchema(options.platform).safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
      return { kind: 'invalid', file, problem: problems.join('; ') };
    }
    return { kind: 'ok', file, policy: parsed.data };
  }
  return { kind: 'none', searched: files };
}

/**
 * POSIX only: a policy the running account could rewrite is not IT's policy.
 * Refused when the file or its folder is writable by group or others, or
 * owned by the (non-root) account running the program.
 */
async function unprotectedReason(file: string, options: PolicyReadOptions): Promise<string | null> {
  if (options.platform === 'win32' || options.currentUid === null) return null;
  for (const target of [file, path.dirname(file)]) {
    const stat = await fs.stat(target);
    if ((stat.mode & 0o022) !== 0) return `${target} is writable by group or others`;
    if (options.currentUid !== 0 && stat.uid === options.currentUid) return `${target} belongs to the account running the program`;
  }
  return null;
}

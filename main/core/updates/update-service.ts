import { promises as fs } from 'node:fs';
import { DomainError } from '../../../shared/ipc/errors';
import type { UpdateFailure, UpdateRefusal, UpdateStatus } from '../../../shared/ipc/update-status';
import type { Actor } from '../audit/audit-log';
import { describeError, type Log } from '../log';
import type { Timers } from '../session/session-manager';
import { serveFolderOnLoopback, type LoopbackFolderServer } from './loopback-server';
import { readPublicKeys, type ReleasePublicKey } from './release-keys';
import { openReleaseSource, type OpenSource } from './release-source';
import { decideRelease, verifyDownloadedFiles } from './release-verdict';
import { SIGNATURE_SUFFIX } from './signature-envelope';
import { channelFileName, sameOffer, type UpdateMetadata } from './update-metadata';
import { SYSTEM_ACTOR, type UpdateAudit } from './update-audit';
import { readUpdatePolicy, type PolicyReading, type UpdatePolicy } from './update-policy';
import { UpdaterError, type FetchBytes, type Updater } from './updater';

export interface UpdateServiceOptions {
  readonly currentVersion: string;
  readonly product: string;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  /** Where IT's policy may be, most specific first (update-policy.ts). */
  readonly policyFiles: readonly string[];
  /** The account running the program, for the policy file's ownership check; null skips it. */
  readonly currentUid: number | null;
  /** The pinned public key file (resources/update/release-public-key.pem). */
  readonly publicKeyFile: string;
  readonly updater: Updater;
  readonly fetchBytes: FetchBytes;
  readonly audit: UpdateAudit;
  /** Automatic checks wait for a login: their audit entries need the open unit. */
  readonly sessionOpen: () => boolean;
  readonly emit: (status: UpdateStatus) => void;
  readonly clock: () => Date;
  readonly timers: Timers;
  readonly log: Log;
  readonly serveFolder?: (folder: string) => Promise<LoopbackFolderServer>;
}

export type CheckTrigger = { readonly by: 'automatic' } | { readonly by: 'administrator'; readonly actor: Actor };

/** How often the timer asks whether an automatic check is due (the policy's interval decides). */
export const UPDATE_TICK_MS = 10 * 60_000;

/**
 * Drives one update at a time: policy → signed metadata → the updater's own
 * reading of the feed → download → the downloaded file against the signed
 * metadata → ready (installed on quit, or when an administrator asks).
 * Every step is audited; the renderer follows the `update.status` event.
 */
export function createUpdateService(options: UpdateServiceOptions) {
  const { updater, audit, log, clock } = options;
  const serveFolder = options.serveFolder ?? serveFolderOnLoopback;
  let status: UpdateStatus = {
    state: 'idle',
    currentVersion: options.currentVersion,
    version: null,
    percent: null,
    reason: null,
    checkedAt: null,
    autoCheck: false,
    installMode: null,
  };
  let busy: Promise<void> | null = null;
  let ticking: Promise<void> | null = null;
  let starting: Promise<void> | null = null;
  let lastCheckAt: number | null = null;
  let readyRelease: UpdateMetadata | null = null;
  let activeSource: OpenSource | null = null;
  let stopped = false;

  function set(patch: Partial<UpdateStatus>): UpdateStatus {
    status = { ...status, ...patch };
    options.emit(status);
    return status;
  }

  async function loadPolicy(): Promise<PolicyReading> {
    const reading = await readUpdatePolicy(options.policyFiles, { platform: options.platform, currentUid: options.currentUid });
    if (reading.kind === 'ok') {
      const { autoCheck, install } = reading.policy;
      if (status.autoCheck !== autoCheck || status.installMode !== install) set({ autoCheck, installMode: install });
      if (status.state === 'unconfigured') set({ state: 'idle' });
    } else if (reading.kind === 'none') {
      if (status.state !== 'unconfigured' && status.state !== 'ready') set({ state: 'unconfigured', autoCheck: false, installMode: null, reason: null });
    }
    return reading;
  }

  const initialPolicy = loadPolicy().then(
    (reading) => {
      if (reading.kind === 'invalid') {
        log.warn('update policy unusable', { file: reading.file, problem: reading.problem });
        set({ state: 'failed', reason: 'POLICY_INVALID' });
      }
    },
    (error: unknown) => log.error('update policy read failed', describeError(error)),
  );

  const timer = options.timers.setInterval(() => void tick(), UPDATE_TICK_MS);

  function tick(): Promise<void> {
    ticking ??= dueCheck()
      .catch((error: unknown) => log.error('automatic update check failed', describeError(error)))
      .finally(() => {
        ticking = null;
      });
    return ticking;
  }

  async function dueCheck(): Promise<void> {
    if (stopped || busy || !options.sessionOpen() || status.state === 'ready' || status.state === 'installing') return;
    const reading = await loadPolicy();
    if (reading.kind !== 'ok' || !reading.policy.autoCheck) return;
    const due = lastCheckAt === null || clock().getTime() - lastCheckAt >= reading.policy.checkIntervalHours * 3_600_000;
    if (due) await check({ by: 'automatic' });
  }

  /**
   * Starts a check unless one is running; resolves once the release is decided
   * (a download goes on and reports through events). `busy` is taken before the
   * first await, so an administrator's click and the timer cannot both start one.
   */
  async function check(trigger: CheckTrigger): Promise<UpdateStatus> {
    await initialPolicy;
    if (busy || status.state === 'ready' || status.state === 'installing') return status;
    let decided: (refusal: DomainError | null) => void = () => {};
    const decision = new Promise<DomainError | null>((resolve) => {
      decided = resolve;
    });
    busy = runCheck(trigger, decided)
      .catch((error: unknown) => log.error('update check failed', describeError(error)))
      .finally(() => {
        busy = null;
        decided(null);
      });
    const refusal = await decision;
    if (refusal) throw refusal;
    return status;
  }

  async function runCheck(trigger: CheckTrigger, decided: (refusal: DomainError | null) => void): Promise<void> {
    const actor = trigger.by === 'automatic' ? SYSTEM_ACTOR : trigger.actor;
    const reading = await loadPolicy();
    if (reading.kind === 'none') {
      if (trigger.by === 'administrator') decided(new DomainError('UPDATE_NOT_CONFIGURED', 'No update source is configured for this computer'));
      return;
    }
    if (reading.kind === 'invalid') {
      await audit.record(actor, { action: 'update.failed', subject: reading.file, details: { reason: 'POLICY_INVALID', detail: reading.problem } });
      set({ state: 'failed', reason: 'POLICY_INVALID', checkedAt: clock().toISOString() });
      return;
    }
    lastCheckAt = clock().getTime();
    const policy = reading.policy;
    const origin = policy.source.kind === 'url' ? policy.source.url : policy.source.folder;
    await audit.record(actor, { action: 'update.check', subject: origin, details: { trigger: trigger.by, source: policy.source.kind, channel: policy.channel } });
    set({ state: 'checking', version: null, percent: null, reason: null, checkedAt: clock().toISOString() });

    let keys: ReleasePublicKey[];
    try {
      keys = await readPublicKeys(options.publicKeyFile);
    } catch (error) {
      return fail(actor, 'PUBLIC_KEY_INVALID', (error as Error).message);
    }
    let source: OpenSource;
    try {
      source = await openReleaseSource(policy.source, { fetchBytes: options.fetchBytes, serveFolder });
    } catch (error) {
      return fail(actor, 'SOURCE_UNREACHABLE', (error as Error).message);
    }
    activeSource = source;
    try {
      const release = await decide(actor, policy, source, keys);
      if (release === null) return;
      decided(null);
      await download(policy, actor, release);
    } finally {
      activeSource = null;
      await source.close();
    }
  }

  /** The signed release to download, or null when refused, failed or up to date (already reported). */
  async function decide(actor: Actor, policy: UpdatePolicy, source: OpenSource, keys: readonly ReleasePublicKey[]): Promise<UpdateMetadata | null> {
    const file = channelFileName(policy.channel, options.platform, options.arch);
    let metadata: Uint8Array | null;
    let signature: Uint8Array | null;
    try {
      metadata = await source.read(file);
      signature = metadata === null ? null : await source.read(file + SIGNATURE_SUFFIX);
    } catch (error) {
      await fail(actor, 'SOURCE_UNREACHABLE', (error as Error).message);
      return null;
    }
    const verdict = decideRelease({ file, metadata, signature }, { keys, product: options.product, currentVersion: options.currentVersion });
    if (!verdict.ok) {
      if (verdict.reason === 'METADATA_MISSING') await fail(actor, 'METADATA_MISSING', verdict.detail);
      else await refuse(actor, verdict.reason, verdict.version, verdict.detail);
      return null;
    }
    const release = verdict.metadata;
    if (verdict.sameVersion) {
      await audit.record(actor, { action: 'update.up-to-date', subject: release.version, details: { file } });
      set({ state: 'up-to-date', version: release.version });
      return null;
    }
    await audit.record(actor, { action: 'update.verified', subject: release.version, details: { file, keyId: verdict.keyId } });
    set({ state: 'available', version: release.version });

    // Only now may the updater touch the source, and it must have read what was signed:
    // a server that answers it differently (a second, edited latest.yml) is refused.
    updater.configure({ url: source.feedUrl, channel: policy.channel });
    let offered: UpdateMetadata | null;
    try {
      offered = await updater.check();
    } catch (error) {
      await fail(actor, 'SOURCE_UNREACHABLE', (error as Error).message, release.version);
      return null;
    }
    if (offered === null) {
      await fail(actor, 'UPDATER_INACTIVE', 'the updater is not active here (not installed by an installer, or the release excludes this computer)', release.version);
      return null;
    }
    if (!sameOffer(release, offered)) {
      await refuse(actor, 'METADATA_MODIFIED', release.version, 'the updater read different metadata from the source than the signed file');
      return null;
    }
    return release;
  }

  async function download(policy: UpdatePolicy, actor: Actor, release: UpdateMetadata): Promise<void> {
    // electron-updater adds its quit handler when a download completes, and only if
    // install-on-quit is on at that moment; it re-reads the flag at quit. So the flag
    // goes on before the download and off again if our own check of the file fails.
    // The updater has already checked the file's SHA-512 against the metadata we
    // compared with the signed one, so the flag never covers an unchecked file.
    updater.setInstallOnQuit(policy.install === 'on-quit');
    set({ state: 'downloading', percent: 0 });
    let files: string[];
    try {
      files = await updater.download((percent) => {
        const rounded = Math.max(0, Math.min(100, Math.floor(percent)));
        if (status.state === 'downloading' && rounded !== status.percent) set({ percent: rounded });
      });
    } catch (error) {
      updater.setInstallOnQuit(false);
      if (error instanceof UpdaterError && error.kind === 'installer-modified') {
        return refuse(actor, 'INSTALLER_MODIFIED', release.version, error.message);
      }
      return fail(actor, 'DOWNLOAD_FAILED', (error as Error).message, release.version);
    }
    const check = await verifyDownloadedFiles(files, release);
    if (!check.ok) {
      updater.setInstallOnQuit(false);
      // Removed so that no later install (on quit, by anyone) can pick it up.
      await Promise.all(files.map((file) => fs.rm(file, { force: true }).catch(() => {})));
      return refuse(actor, 'INSTALLER_MODIFIED', release.version, check.detail);
    }
    readyRelease = release;
    await audit.record(actor, { action: 'update.downloaded', subject: release.version, details: { install: policy.install } });
    set({ state: 'ready', percent: 100 });
  }

  async function refuse(actor: Actor, reason: UpdateRefusal, version: string | null, detail: string): Promise<void> {
    log.warn('update refused', { reason, version, detail });
    await audit.record(actor, { action: 'update.refused', subject: version ?? '', details: { reason, detail } });
    set({ state: 'refused', reason, version, percent: null });
  }

  async function fail(actor: Actor, reason: UpdateFailure, detail: string, version: string | null = null): Promise<void> {
    log.warn('update check failed', { reason, version, detail });
    await audit.record(actor, { action: 'update.failed', subject: version ?? '', details: { reason, detail } });
    set({ state: 'failed', reason, version, percent: null });
  }

  return {
    async status(): Promise<UpdateStatus> {
      await initialPolicy;
      return status;
    },

    check,

    /** An administrator's request: quit and install the verified download now. */
    async install(actor: Actor): Promise<UpdateStatus> {
      if (status.state !== 'ready' || readyRelease === null) throw new DomainError('UPDATE_NOT_READY', 'No verified update is ready to install');
      await audit.record(actor, { action: 'update.install', subject: readyRelease.version, details: { from: options.currentVersion } });
      set({ state: 'installing' });
      try {
        updater.installNow();
      } catch (error) {
        await fail(actor, 'INSTALL_FAILED', (error as Error).message, readyRelease.version);
      }
      return status;
    },

    /** A login: flush what waited for the trail, and run an automatic check if one is due. */
    sessionStarted(): Promise<void> {
      // Logins queue behind each other: the waiting audit entries are written once, in order.
      const run = (starting ?? Promise.resolve()).then(async () => {
        await audit.sessionStarted();
        await tick();
      });
      const tracked: Promise<void> = run
        .catch(() => {})
        .finally(() => {
          if (starting === tracked) starting = null;
        });
      starting = tracked;
      return run;
    },

    /** Resolves when no check or download is running (tests, and a clean quit). */
    async settled(): Promise<void> {
      await initialPolicy;
      while (starting || ticking || busy) {
        await starting;
        await ticking;
        await busy;
      }
    },

    async stop(): Promise<void> {
      stopped = true;
      options.timers.clearInterval(timer);
      // A download in progress is not awaited (it would hold the quit for minutes); its source closes now.
      await activeSource?.close();
    },
  };
}

export type UpdateService = ReturnType<typeof createUpdateService>;

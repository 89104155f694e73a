import type { EventBus } from '../events';
import { describeError, type Log } from '../log';
import type { SessionManager, Timers } from '../session/session-manager';
import { createUpdateAudit } from './update-audit';
import { createUpdateService, type UpdateService } from './update-service';
import { RELEASE_PRODUCT_ID } from './release-product';
import { nodeFetchBytes, type FetchBytes, type Updater } from './updater';

/** What the runtime supplies for updates (main/electron/updater.ts in the app; fakes in tests). */
export interface UpdateWiring {
  readonly updater: Updater;
  /** Where IT's update.json may be (updatePolicyFiles), most specific first. */
  readonly policyFiles: readonly string[];
  readonly publicKeyFile: string;
  /** Metadata fetch for http(s) sources; Node's fetch when absent. */
  readonly fetchBytes?: FetchBytes;
  readonly arch?: string;
  /** The account running the program (POSIX); null skips the policy ownership check. */
  readonly currentUid: number | null;
}

/** The update service over the unit's session and event bus; built by createServices. */
export function createUpdates(
  wiring: UpdateWiring,
  deps: {
    readonly appVersion: string;
    readonly platform: NodeJS.Platform;
    readonly sessions: SessionManager;
    readonly events: EventBus;
    readonly clock: () => Date;
    readonly timers: Timers;
    readonly log: Log;
  },
): UpdateService {
  const { sessions, events } = deps;
  const audit = createUpdateAudit({
    // Locked too: the database stays open while the screen is locked.
    target: () => sessions.current()?.store ?? null,
    clock: deps.clock,
    log: deps.log,
    currentVersion: deps.appVersion,
  });
  const service = createUpdateService({
    currentVersion: deps.appVersion,
    product: RELEASE_PRODUCT_ID,
    platform: deps.platform,
    arch: wiring.arch ?? process.arch,
    policyFiles: wiring.policyFiles,
    currentUid: wiring.currentUid,
    publicKeyFile: wiring.publicKeyFile,
    updater: wiring.updater,
    fetchBytes: wiring.fetchBytes ?? nodeFetchBytes,
    audit,
    sessionOpen: () => sessions.current() !== null,
    emit: (status) => events.emit('update.status', status),
    clock: deps.clock,
    timers: deps.timers,
    log: deps.log,
  });
  // A login (not an unlock) flushes waiting audit entries and may start a due check.
  let open = false;
  events.subscribe((event, payload) => {
    if (event !== 'session.changed') return;
    const nowOpen = (payload as { session: unknown }).session !== null;
    if (nowOpen && !open) void service.sessionStarted().catch((error: unknown) => deps.log.error('update session start failed', describeError(error)));
    open = nowOpen;
  });
  return service;
}

import { languageFromLocale } from '../../shared/i18n/languages';
import { contract, isChannelName, type AppInfo } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { DomainError, fail, type Result } from '../../shared/ipc/errors';
import { isUnreadableDatabaseError } from './db/open';
import { createEventBus, type EventBus } from './events';
import type { HandlerContext } from './handlers/context';
import { maintenanceHandlers } from './handlers/audit-handlers';
import { manifestHandlers } from './handlers/manifest-handlers';
import { riskHandlers } from './handlers/risk-handlers';
import { caseworkHandlers } from './handlers/casework-handlers';
import { reportHandlers } from './handlers/report-handlers';
import { signingHandlers } from './handlers/signing-handlers';
import { exchangeHandlers } from './handlers/exchange-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { updateHandlers } from './handlers/update-handlers';
import { userHandlers } from './handlers/user-handlers';
import { describeError, silentLog, type Log } from './log';
import type { ReportPrinter } from './reports/report-printer';
import { createSessionManager, systemTimers, type SessionManager, type Timers } from './session/session-manager';
import { createSettingsStore, type SettingsStore } from './settings/settings-store';
import type { UpdateService } from './updates/update-service';
import { createUpdates, type UpdateWiring } from './updates/wiring';
import type { KdfPolicy } from './vault/kdf';
import { createVault, type Vault } from './vault/vault';

export interface ServicesOptions {
  readonly dataDir: string;
  readonly appVersion: string;
  readonly platform?: NodeJS.Platform;
  /** OS locale, for the first-run language. */
  readonly locale?: string;
  readonly runtime?: AppInfo['runtime'];
  readonly log?: Log;
  readonly clock?: () => Date;
  readonly timers?: Timers;
  /** Argon2id cost; tests pass a cheaper policy, the app never does. */
  readonly kdf?: KdfPolicy;
  /** Offer the demo unit on first run (`npm start`, training machines; never set by an installer). */
  readonly demo?: boolean;
  /** Program updates (the Electron app, and tests with a fake updater); without it updates are off. */
  readonly updates?: UpdateWiring;
  /** The system print dialog for issued reports (the Electron app, tests with a fake); without it `reports.print` is PRINT_UNAVAILABLE. */
  readonly printer?: ReportPrinter;
}

export interface Services {
  readonly dataDir: string;
  readonly settings: SettingsStore;
  readonly events: EventBus;
  readonly handlers: Handlers;
  readonly vault: Vault;
  readonly sessions: SessionManager;
  /** Program updates; null where this runtime has none (CLI, most tests). */
  readonly updates: UpdateService | null;
  /** The one entry point for the renderer: Electron IPC and the test harness both call this. */
  invoke(channel: unknown, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

/** Calls that are not the officer's own activity and must not postpone the automatic lock. */
const notActivity = new Set(['session.status', 'app.info', 'settings.get']);

/**
 * Composition root. Everything with a side effect is passed in or created
 * here, so the app, the CLI and the tests build the same object graph.
 */
export function createServices(options: ServicesOptions): Services {
  const log = options.log ?? silentLog;
  const clock = options.clock ?? (() => new Date());
  const platform = options.platform ?? process.platform;
  const events = createEventBus((error) => log.error('event listener failed', describeError(error)));
  const settings = createSettingsStore(options.dataDir, { language: languageFromLocale(options.locale) });
  const runtime = options.runtime ?? { node: process.versions.node, electron: null, chrome: null };
  const vault = createVault({ dataDir: options.dataDir, clock, ...(options.kdf ? { kdf: options.kdf } : {}) });
  const sessions = createSessionManager({ vault, events, clock, timers: options.timers ?? systemTimers, log, demoAvailable: options.demo ?? false });
  const updates = options.updates
    ? createUpdates(options.updates, { appVersion: options.appVersion, platform, sessions, events, clock, timers: options.timers ?? systemTimers, log })
    : null;
  const context: HandlerContext = { vault, sessions, events, clock, log, appVersion: options.appVersion, demo: options.demo ?? false,
    language: async () => (await settings.read().catch(() => ({ language: languageFromLocale(options.locale) }))).language,
  };

  const handlers: Handlers = {
    'app.info': async () => ({
      name: 'PCU Workstation',
      version: options.appVersion,
      dataDir: options.dataDir,
      platform,
      language: (await settings.read()).language,
      runtime,
    }),
    'settings.get': () => settings.read(),
    'settings.set': async (patch) => {
      const next = await settings.update(patch);
      events.emit('settings.changed', next);
      return next;
    },
    ...sessionHandlers(context),
    ...userHandlers(context),
    ...maintenanceHandlers(context),
    ...manifestHandlers(context),
    ...updateHandlers(context, updates),
    ...riskHandlers(context),
    ...caseworkHandlers(context),
    ...reportHandlers(context, options.printer ?? null),
    ...signingHandlers(context),
    ...exchangeHandlers(context),
  };
  // dispatch hides unexpected errors as INTERNAL; a damaged database page is
  // not a bug but something the officer and IT must be told about.
  for (const name of Object.keys(handlers) as (keyof Handlers)[]) {
    const handler = handlers[name] as (input: unknown, context: unknown) => unknown;
    (handlers as Record<string, unknown>)[name] = async (input: unknown, callContext: unknown) => {
      try {
        return await handler(input, callContext);
      } catch (error) {
        if (isUnreadableDatabaseError(error)) {
          throw new DomainError('DB_CORRUPT', `The unit database is damaged (${(error as Error).message})`, {
            detail: (error as Error).message,
          });
        }
        throw error;
      }
    };
  }

  async function invoke(channel: unknown, input: unknown): Promise<Result<unknown>> {
    // The idle check also runs on a timer; checking here closes the gap between ticks.
    sessions.lockIfIdle();
    if (isChannelName(channel) && contract[channel].access !== 'public' && sessions.isLocked()) {
      return fail('SESSION_LOCKED', 'The session is locked');
    }
    if (isChannelName(channel) && !notActivity.has(channel)) sessions.touch();
    const result = await dispatch(handlers, { caller: sessions.caller() }, channel, input, {
      onError: (name, error) => log.error('ipc call failed', { channel: name, ...describeError(error) }),
      onForbidden: (name, caller) => {
        log.warn('ipc call refused', { channel: name, role: caller?.role ?? null });
        const current = sessions.current();
        if (caller && current) {
          current.store
            .record(sessions.actor(), { action: 'access.denied', subject: name, details: { role: caller.role } })
            .catch((error: unknown) => log.error('audit of refusal failed', describeError(error)));
        }
      },
    });
    return result;
  }

  return {
    dataDir: options.dataDir,
    settings,
    events,
    handlers,
    vault,
    sessions,
    updates,
    invoke,
    close: async () => {
      await updates?.stop();
      await sessions.end();
    },
  };
}


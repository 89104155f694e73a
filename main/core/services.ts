import { languageFromLocale } from '../../shared/i18n/languages';
import type { AppInfo } from '../../shared/ipc/contract';
import { dispatch, type CallContext, type Handlers } from '../../shared/ipc/dispatch';
import type { Result } from '../../shared/ipc/errors';
import { createEventBus, type EventBus } from './events';
import { describeError, silentLog, type Log } from './log';
import { createSettingsStore, type SettingsStore } from './settings/settings-store';

export interface ServicesOptions {
  readonly dataDir: string;
  readonly appVersion: string;
  readonly platform?: NodeJS.Platform;
  /** OS locale, for the first-run language. */
  readonly locale?: string;
  readonly runtime?: AppInfo['runtime'];
  readonly log?: Log;
  readonly clock?: () => Date;
}

export interface Services {
  readonly dataDir: string;
  readonly settings: SettingsStore;
  readonly events: EventBus;
  readonly handlers: Handlers;
  /** The one entry point for the renderer: Electron IPC and the test harness both call this. */
  invoke(channel: unknown, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

/**
 * Composition root. Everything with a side effect is passed in or created
 * here, so the app, the CLI and the tests build the same object graph.
 */
export function createServices(options: ServicesOptions): Services {
  const log = options.log ?? silentLog;
  const platform = options.platform ?? process.platform;
  const events = createEventBus((error) => log.error('event listener failed', describeError(error)));
  const settings = createSettingsStore(options.dataDir, { language: languageFromLocale(options.locale) });
  const runtime = options.runtime ?? { node: process.versions.node, electron: null, chrome: null };

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
  };

  // Login arrives with the accounts issue; until then every caller is anonymous
  // and only public channels answer.
  const context: CallContext = { caller: null };

  return {
    dataDir: options.dataDir,
    settings,
    events,
    handlers,
    invoke: (channel, input) =>
      dispatch(handlers, context, channel, input, {
        onError: (name, error) => log.error('ipc call failed', { channel: name, ...describeError(error) }),
        onForbidden: (name) => log.warn('ipc call refused', { channel: name }),
      }),
    close: async () => {},
  };
}

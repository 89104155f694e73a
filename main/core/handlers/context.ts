import type { Language } from '../../../shared/i18n/languages';
import type { EventBus } from '../events';
import type { Log } from '../log';
import type { SessionManager } from '../session/session-manager';
import type { Vault } from '../vault/vault';

/** What every group of handlers may use; built once in services.ts. */
export interface HandlerContext {
  readonly vault: Vault;
  readonly sessions: SessionManager;
  readonly events: EventBus;
  readonly clock: () => Date;
  readonly log: Log;
  readonly appVersion: string;
  readonly demo: boolean;
  /** The UI language, for messages stored or returned in words (import problems). */
  language(): Promise<Language>;
}

import type { Bridge } from '../../../shared/ipc/bridge';
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  EventName,
  EventPayload,
} from '../../../shared/ipc/contract';
import type { AppError, ErrorCode } from '../../../shared/ipc/errors';

/** A failed call, carrying the stable code the UI translates. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.details = error.details;
  }
}

type InvokeArgs<C extends ChannelName> = undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

export interface ApiClient {
  invoke<C extends ChannelName>(channel: C, ...args: InvokeArgs<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * The only code that touches `window.api`. The main process validates every
 * input and output against the contract, so the casts here restate a checked fact.
 */
export function createApiClient(bridge: Bridge): ApiClient {
  return {
    async invoke(channel, ...args) {
      const result = await bridge.invoke(channel, args[0]);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as ChannelOutput<typeof channel>;
    },
    on(event, listener) {
      return bridge.on(event, (payload) => listener(payload as EventPayload<typeof event>));
    },
  };
}

declare global {
  interface Window {
    readonly api?: Bridge;
  }
}

export function bridgeFromWindow(): Bridge {
  if (!window.api) {
    throw new Error('window.api is missing: the preload script did not run');
  }
  return window.api;
}

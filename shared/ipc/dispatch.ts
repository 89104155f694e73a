import type { z } from 'zod';
import { mayAccess, type Role } from '../domain/roles';
import {
  contract as defaultContract,
  type ChannelName,
  type ChannelOutput,
  type ChannelParsedInput,
  type Contract,
} from './contract';
import { DomainError, fail, ok, type Result } from './errors';

/** Who is calling: the logged-in officer, or nobody yet. */
export interface Caller {
  readonly userId: string;
  readonly userName: string;
  readonly role: Role;
}

export interface CallContext {
  readonly caller: Caller | null;
}

export type Handler<C extends ChannelName> = (
  input: ChannelParsedInput<C>,
  context: CallContext,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type Handlers = { readonly [C in ChannelName]: Handler<C> };

export interface DispatchHooks {
  /** Called for failures the operator should see in the log: internal errors and refusals. */
  onError?(channel: string, error: unknown): void;
  /** Called when a caller lacks the role for a channel (the audit trail records it). */
  onForbidden?(channel: string, caller: Caller | null): void;
}

type AnyChannel = {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
  readonly access: Contract[ChannelName]['access'];
};

/**
 * The single gate every call from the renderer (or the harness) goes through.
 * Pure apart from the handler it calls: unknown channel, bad input, missing
 * role and bad output all come back as data with a stable code.
 */
export async function dispatch(
  handlers: Handlers,
  context: CallContext,
  channel: unknown,
  rawInput: unknown,
  hooks: DispatchHooks = {},
  table: Record<string, AnyChannel> = defaultContract,
): Promise<Result<unknown>> {
  if (typeof channel !== 'string' || !Object.hasOwn(table, channel)) {
    return fail('UNKNOWN_CHANNEL', `Unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
  }
  const def = table[channel] as AnyChannel;

  if (!mayAccess(def.access, context.caller?.role ?? null)) {
    hooks.onForbidden?.(channel, context.caller);
    return context.caller === null
      ? fail('UNAUTHENTICATED', `Log in to use ${channel}`)
      : fail('FORBIDDEN', `${channel} needs the ${def.access} role`);
  }

  const input = def.input.safeParse(rawInput);
  if (!input.success) {
    return fail('INVALID_INPUT', `Invalid input for ${channel}`, {
      issues: input.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    });
  }

  let value: unknown;
  try {
    const handler = handlers[channel as ChannelName] as (input: unknown, context: CallContext) => unknown;
    value = await handler(input.data, context);
  } catch (error) {
    if (error instanceof DomainError) return fail(error.code, error.message, error.details);
    hooks.onError?.(channel, error);
    return fail('INTERNAL', `Internal error in ${channel}; see the application log`);
  }

  const output = def.output.safeParse(value);
  if (!output.success) {
    hooks.onError?.(channel, output.error);
    return fail('INVALID_OUTPUT', `The application produced an invalid answer for ${channel}`);
  }
  return ok(output.data);
}

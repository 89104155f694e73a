import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { channelNames, contract } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { DomainError } from '../../shared/ipc/errors';

const officer = { userId: 'u1', userName: 'aziz', role: 'officer' as const };
const admin = { userId: 'u2', userName: 'dilnoza', role: 'administrator' as const };

/** A small table exercising what the real contract does not have yet (roles above public). */
const table = {
  'case.open': { input: z.object({ ref: z.string().min(1) }), output: z.object({ id: z.number() }), access: 'officer' as const },
  'users.add': { input: z.undefined(), output: z.literal('added'), access: 'administrator' as const },
  'broken.output': { input: z.undefined(), output: z.string(), access: 'public' as const },
  'throws.domain': { input: z.undefined(), output: z.string(), access: 'public' as const },
  'throws.bug': { input: z.undefined(), output: z.string(), access: 'public' as const },
};
const handlers = {
  'case.open': async ({ ref }: { ref: string }) => ({ id: ref.length }),
  'users.add': () => 'added',
  'broken.output': () => 42,
  'throws.domain': () => {
    throw new DomainError('SETTINGS_UNREADABLE', 'settings.json is not valid JSON', { file: 'settings.json' });
  },
  'throws.bug': () => {
    throw new Error('secret key 0xdeadbeef leaked in a stack');
  },
} as unknown as Handlers;

describe('dispatch', () => {
  it('calls the handler with parsed input and returns its parsed output', async () => {
    expect(await dispatch(handlers, { caller: officer }, 'case.open', { ref: 'abc' }, {}, table)).toEqual({
      ok: true,
      value: { id: 3 },
    });
  });

  it('refuses unknown channels, including prototype names', async () => {
    for (const name of ['nope', 'constructor', '__proto__', 'toString', 42, null]) {
      const result = await dispatch(handlers, { caller: admin }, name, undefined, {}, table);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('checks the role before looking at the input, and reports refusals', async () => {
    const onForbidden = vi.fn();
    const anonymous = await dispatch(handlers, { caller: null }, 'case.open', 'garbage', { onForbidden }, table);
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const forbidden = await dispatch(handlers, { caller: officer }, 'users.add', undefined, { onForbidden }, table);
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(onForbidden).toHaveBeenCalledTimes(2);
    expect(await dispatch(handlers, { caller: admin }, 'users.add', undefined, {}, table)).toEqual({ ok: true, value: 'added' });
  });

  it('returns INVALID_INPUT with the failing field, without calling the handler', async () => {
    const result = await dispatch(handlers, { caller: officer }, 'case.open', { ref: '' }, {}, table);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['ref'] }] } } });
  });

  it('turns expected failures into their code and hides unexpected ones', async () => {
    const onError = vi.fn();
    expect(await dispatch(handlers, { caller: null }, 'throws.domain', undefined, { onError }, table)).toEqual({
      ok: false,
      error: { code: 'SETTINGS_UNREADABLE', message: 'settings.json is not valid JSON', details: { file: 'settings.json' } },
    });
    const bug = await dispatch(handlers, { caller: null }, 'throws.bug', undefined, { onError }, table);
    expect(bug).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(bug)).not.toContain('deadbeef');
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('refuses to return an output that breaks the contract', async () => {
    const result = await dispatch(handlers, { caller: null }, 'broken.output', undefined, {}, table);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_OUTPUT' } });
  });
});

describe('the contract table', () => {
  it('names every channel as area.action and gives each a schema pair, a role and a summary', () => {
    expect(channelNames.length).toBeGreaterThan(0);
    for (const name of channelNames) {
      expect(name).toMatch(/^[a-z]+(\.[a-z][A-Za-z]*)+$/);
      const def = contract[name];
      expect(def.input).toBeInstanceOf(z.ZodType);
      expect(def.output).toBeInstanceOf(z.ZodType);
      expect(['public', 'officer', 'supervisor', 'administrator']).toContain(def.access);
      expect(def.summary.length).toBeGreaterThan(10);
    }
  });
});

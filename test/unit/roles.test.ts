import { describe, expect, it, vi } from 'vitest';
import { roles, roleRank, type Role } from '../../shared/domain/roles';
import { channelNames, contract } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';

/** Handlers that record being called; the role check must stop calls before they get here. */
function recordingHandlers() {
  const called = vi.fn();
  const handlers = new Proxy({}, { get: (_target, name) => () => called(name) }) as Handlers;
  return { handlers, called };
}

const caller = (role: Role) => ({ userId: '1', userName: role, role });

describe('every channel that needs a role refuses anyone below it (table-driven over the contract)', () => {
  const guarded = channelNames.filter((name) => contract[name].access !== 'public');

  it('has guarded channels for each role', () => {
    expect(new Set(guarded.map((name) => contract[name].access))).toEqual(new Set(roles));
  });

  for (const name of guarded) {
    const needed = contract[name].access as Role;
    it(`${name} needs ${needed}`, async () => {
      const { handlers, called } = recordingHandlers();
      const onForbidden = vi.fn();
      expect(await dispatch(handlers, { caller: null }, name, undefined, { onForbidden })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
      for (const role of roles.filter((candidate) => roleRank(candidate) < roleRank(needed))) {
        expect(await dispatch(handlers, { caller: caller(role) }, name, undefined, { onForbidden })).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        });
      }
      expect(called).not.toHaveBeenCalled();
      expect(onForbidden).toHaveBeenCalledTimes(1 + roles.filter((candidate) => roleRank(candidate) < roleRank(needed)).length);
      // The role itself and those above it get past the gate (to input validation or the handler).
      for (const role of roles.filter((candidate) => roleRank(candidate) >= roleRank(needed))) {
        const result = await dispatch(handlers, { caller: caller(role) }, name, undefined);
        expect(result.ok ? 'ok' : result.error.code).not.toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      }
    });
  }
});

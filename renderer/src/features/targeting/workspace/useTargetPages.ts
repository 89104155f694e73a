import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import type { TargetFilter, TargetRow } from '../../../../../shared/ipc/risk-contract';
import { useApi } from '../../../app/api-context';
import { isSessionEnded } from '../../../components/api-errors';

export const PAGE_SIZE = 200;

type Profile = ChannelOutput<'targets.list'>['profile'];

export interface TargetPages {
  /** null until the first page arrived. */
  readonly total: number | null;
  readonly profile: Profile;
  row(index: number): TargetRow | undefined;
  /** Ask for the pages covering these rows (the visible window of the list). */
  want(first: number, last: number): void;
  /** Forget everything (after a re-score) and load again. */
  reload(): void;
  /** Show a change to one line at once (a decision), without reloading the list. */
  patch(id: number, change: Partial<TargetRow>): void;
  readonly error: unknown;
}

/**
 * The targeting list as pages of 200 lines fetched on demand: the officer may
 * scroll through 200,000 lines, but only the pages under the viewport are ever
 * asked for and held. A new filter or sort starts a new generation; answers
 * for an older generation are dropped.
 */
export function useTargetPages(filter: TargetFilter, sort: string): TargetPages {
  const api = useApi();
  const pages = useRef(new Map<number, TargetRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [profile, setProfile] = useState<Profile>(null);
  // Kept with the filter it belongs to: a failure of an older filter is not this list's.
  const [failure, setFailure] = useState<{ key: string; error: unknown } | null>(null);
  const [, setTick] = useState(0);
  const [reloads, setReloads] = useState(0);
  const key = JSON.stringify([filter, sort, reloads]);

  const fetchPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const mine = generation.current;
      api
        .invoke('targets.list', { filter, sort: sort as 'score', limit: PAGE_SIZE, offset: page * PAGE_SIZE })
        .then((result) => {
          if (mine !== generation.current) return;
          pending.current.delete(page);
          pages.current.set(page, result.rows);
          if (result.total !== null) setTotal(result.total);
          setProfile(result.profile);
          setTick((tick) => tick + 1);
        })
        .catch((failure: unknown) => {
          if (mine !== generation.current) return;
          pending.current.delete(page);
          setFailure({ key, error: failure });
        });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new key starts a new generation below
    [api, key],
  );

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    fetchPage(0);
  }, [fetchPage]);

  return {
    total,
    profile,
    error: failure?.key === key && !isSessionEnded(failure.error) ? failure.error : null,
    row: (index) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    want: (first, last) => {
      for (let page = Math.floor(Math.max(0, first) / PAGE_SIZE); page <= Math.floor(Math.max(0, last) / PAGE_SIZE); page += 1) fetchPage(page);
    },
    reload: () => setReloads((count) => count + 1),
    patch: (id, change) => {
      for (const [page, rows] of pages.current) {
        const at = rows.findIndex((row) => row.id === id);
        if (at >= 0) pages.current.set(page, rows.map((row, index) => (index === at ? { ...row, ...change } : row)));
      }
      setTick((tick) => tick + 1);
    },
  };
}

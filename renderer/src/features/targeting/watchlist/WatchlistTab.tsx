import { useState } from 'react';
import type { z } from 'zod';
import { mayAccess } from '../../../../../shared/domain/roles';
import { contract } from '../../../../../shared/ipc/contract';
import type { WatchEntry } from '../../../../../shared/ipc/risk-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session/session-context';
import { EmptyPanel } from '../../../components/EmptyState';
import { Notice } from '../../../components/Notice';
import { useRefreshingLoad } from '../../../components/useRefreshingLoad';
import '../targeting-admin.css';
import { AddEntryForm } from './AddEntryForm';
import { CsvImport } from './CsvImport';
import { RemoveEntryDialog } from './RemoveEntryDialog';
import { RescoreOffer } from './RescoreOffer';
import { matchesFilter, noWatchFilter, WatchlistFilter, type WatchFilter } from './WatchlistFilter';
import { WatchlistTable } from './WatchlistTable';

type Entry = z.infer<typeof WatchEntry>;

/**
 * The unit's watch list: the entries that match now, filtered as the officer
 * types; one entry by hand or many from a CSV; removal for supervisors (with
 * a reason). New entries apply to lines scored from now on, so after each
 * addition the tab offers to re-score the lines already loaded.
 */
export function WatchlistTab() {
  const api = useApi();
  const { t } = useI18n();
  const { info } = useSession();
  const [version, setVersion] = useState(0);
  const entries = useRefreshingLoad(() => api.invoke('watchlist.list', { includeRemoved: false }), version);
  const [filter, setFilter] = useState<WatchFilter>(noWatchFilter);
  const [removing, setRemoving] = useState<Entry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const mayRemove = mayAccess(contract['watchlist.remove'].access, info.user.role);
  const reload = () => setVersion((n) => n + 1);

  const onAdded = (list: readonly Entry[]) => {
    setNotice(t('watchlist.added', { count: list.length }));
    // Several additions before a re-score add up: the offer counts them all.
    setAdded((previous) => (previous ?? 0) + list.length);
    reload();
  };

  const shown = entries?.filter((entry) => matchesFilter(entry, filter));

  return (
    <div className="stack watchlist-tab" data-testid="watchlist-tab">
      <p className="muted tab-intro">{t('watchlist.intro')}</p>
      {notice && <Notice kind="success" testId="watchlist-notice">{notice}</Notice>}
      {added !== null && (
        <RescoreOffer
          message={t('watchlist.rescore.needed', { count: added })}
          testId="watchlist-rescore"
          onDismiss={() => {
            setAdded(null);
            setNotice(null);
          }}
        />
      )}
      <WatchlistFilter filter={filter} onChange={setFilter} />
      {!entries || !shown ? (
        <p className="muted">{t('status.loading')}</p>
      ) : entries.length === 0 ? (
        <EmptyPanel title="watchlist.empty.title" body="watchlist.empty.body" />
      ) : (
        <>
          <p className="muted" aria-live="polite" data-testid="watchlist-count">
            {shown.length === entries.length ? t('watchlist.count', { count: entries.length }) : t('watchlist.countFiltered', { count: shown.length, total: entries.length })}
          </p>
          {shown.length > 0 ? (
            <WatchlistTable
              entries={shown}
              mayRemove={mayRemove}
              onRemove={(entry) => {
                setNotice(null);
                setRemoving(entry);
              }}
            />
          ) : (
            <EmptyPanel title="watchlist.noMatch.title" body="watchlist.noMatch.body" />
          )}
        </>
      )}
      <div className="watchlist-forms">
        <AddEntryForm onAdded={onAdded} />
        <CsvImport onAdded={onAdded} />
      </div>
      {removing && (
        <RemoveEntryDialog
          entry={removing}
          onClose={() => setRemoving(null)}
          onDone={(removed) => {
            setRemoving(null);
            setNotice(t('watchlist.removed', { value: removed.value }));
            reload();
          }}
        />
      )}
    </div>
  );
}

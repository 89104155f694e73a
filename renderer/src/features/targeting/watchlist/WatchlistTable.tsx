import type { z } from 'zod';
import type { WatchEntry } from '../../../../../shared/ipc/risk-contract';
import { useI18n } from '../../../app/i18n';
import { formatLocalDateTime } from '../../../format/datetime';
import { expiryText, hasExpired } from './kinds';

type Entry = z.infer<typeof WatchEntry>;

/** The entries that match new lines now: what, how serious, why, from whom, until when. */
export function WatchlistTable({
  entries,
  mayRemove,
  onRemove,
}: {
  entries: readonly Entry[];
  /** Removing is a supervisor's call; officers see no button for what main would refuse. */
  mayRemove: boolean;
  onRemove: (entry: Entry) => void;
}) {
  const { t } = useI18n();
  const now = new Date();
  return (
    <table className="data-table watchlist-table" data-testid="watchlist-table">
      <thead>
        <tr>
          <th scope="col">{t('watchlist.column.kind')}</th>
          <th scope="col">{t('watchlist.column.value')}</th>
          <th scope="col">{t('watchlist.column.severity')}</th>
          <th scope="col">{t('watchlist.column.reason')}</th>
          <th scope="col">{t('watchlist.column.source')}</th>
          <th scope="col">{t('watchlist.column.expires')}</th>
          <th scope="col">{t('watchlist.column.added')}</th>
          {mayRemove && (
            <th scope="col">
              <span className="visually-hidden">{t('watchlist.column.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const expired = hasExpired(entry.expiresAt, now);
          return (
            <tr key={entry.id} data-entry={entry.id} data-value={entry.value} className={expired ? 'row-disabled' : undefined}>
              <td className="nowrap">{t(`watchlist.kind.${entry.kind}`)}</td>
              <td className={entry.kind === 'party' ? 'watch-value' : 'watch-value mono'}>
                {entry.value}
                {entry.valueNormalised !== entry.value && entry.kind === 'party' && (
                  <span className="watch-normalised muted" title={t('watchlist.normalised.hint')}>
                    {entry.valueNormalised}
                  </span>
                )}
              </td>
              <td className="nowrap">
                <span className={`severity severity-${entry.severity}`}>{t(`watchlist.severity.${entry.severity}`)}</span>
              </td>
              <td className="watch-reason-cell">{entry.reason}</td>
              <td>{entry.source === 'local' ? t('watchlist.source.local') : entry.source}</td>
              <td className="nowrap">
                {entry.expiresAt ? expiryText(entry.expiresAt) : <span className="muted">{t('watchlist.expires.never')}</span>}
                {expired && <span className="tag">{t('watchlist.expired')}</span>}
              </td>
              <td className="nowrap">
                {formatLocalDateTime(entry.createdAt)}
                <br />
                <span className="muted">{entry.createdBy ?? t('watchlist.addedBy.system')}</span>
              </td>
              {mayRemove && (
                <td className="row-actions">
                  <button
                    type="button"
                    className="small"
                    onClick={() => onRemove(entry)}
                    aria-label={t('watchlist.remove.label', { value: entry.value })}
                  >
                    {t('watchlist.remove')}
                  </button>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

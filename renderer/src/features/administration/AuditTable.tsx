import { useEffect, useState } from 'react';
import type { AuditEntryInfo, ChannelInput } from '../../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { isSessionEnded } from '../../components/api-errors';
import { formatLocalDateTime, localDayEnd, localDayStart } from '../../format/datetime';
import { auditActionTitle, formatAuditDetails } from './audit-actions';
import type { AuditFilter } from './AuditFilterForm';

const PAGE = 100;

function query(filter: AuditFilter): ChannelInput<'audit.list'> {
  return {
    user: filter.user.trim() || undefined,
    action: filter.action || undefined,
    from: localDayStart(filter.from),
    to: localDayEnd(filter.to),
    limit: PAGE,
  };
}

type Loaded = { entries: AuditEntryInfo[]; more: boolean };

/** Newest first, a page at a time; "older" continues below the last entry shown. */
export function AuditTable({ filter, version }: { filter: AuditFilter; version: number }) {
  const api = useApi();
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);

  useEffect(() => {
    let current = true;
    api.invoke('audit.list', query(filter)).then(
      (entries) => current && setLoaded({ entries, more: entries.length === PAGE }),
      (error: unknown) => current && setFailure({ error }),
    );
    return () => {
      current = false;
    };
  }, [api, filter, version]);

  // The section's error boundary explains and retries.
  if (failure && !isSessionEnded(failure.error)) throw failure.error;
  if (!loaded) return <p className="muted">{t('status.loading')}</p>;

  const older = () => {
    const last = loaded.entries.at(-1);
    if (!last) return;
    api.invoke('audit.list', { ...query(filter), beforeSeq: last.seq }).then(
      (entries) => setLoaded({ entries: [...loaded.entries, ...entries], more: entries.length === PAGE }),
      (error: unknown) => setFailure({ error }),
    );
  };

  return (
    <>
      <table className="data-table audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('audit.column.seq')}
            </th>
            <th scope="col">{t('audit.column.time')}</th>
            <th scope="col">{t('audit.column.user')}</th>
            <th scope="col">{t('audit.column.action')}</th>
            <th scope="col">{t('audit.column.subject')}</th>
            <th scope="col">{t('audit.column.details')}</th>
          </tr>
        </thead>
        <tbody>
          {loaded.entries.length === 0 && (
            <tr>
              <td colSpan={6} className="empty-state">
                <span>{t('audit.empty')}</span>
              </td>
            </tr>
          )}
          {loaded.entries.map((entry) => (
            <tr key={entry.seq} data-action={entry.action}>
              <td className="numeric">{entry.seq}</td>
              <td className="nowrap">{formatLocalDateTime(entry.at, 'seconds')}</td>
              <td>{entry.userName ?? <span className="muted">{t('audit.system')}</span>}</td>
              <td title={entry.action}>{auditActionTitle(t, entry.action)}</td>
              <td className="subject">{entry.subject}</td>
              <td className="details">
                <code>{formatAuditDetails(entry.details)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {loaded.more && (
        <button type="button" className="secondary more" onClick={older}>
          {t('audit.more')}
        </button>
      )}
    </>
  );
}

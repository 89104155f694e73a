import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { EmptyTable } from '../../components/EmptyState';
import { useLoad } from '../../components/useLoad';
import { formatLocalDateTime } from '../../format/datetime';
import { kindKey, subjectText } from './exchange-text';
import { TableHead } from '../../components/TableHead';

const columns = [
  'exchange.column.kind',
  'exchange.column.subject',
  'exchange.column.recipients',
  'exchange.column.encryption',
  'exchange.column.personalData',
  'exchange.column.created',
] as const;

/** Packages this unit created, newest first: to whom, protected how, with or without personal data, by whom. */
export function SentTab() {
  const api = useApi();
  const { t, language } = useI18n();
  const sent = useLoad(() => api.invoke('exchange.sent'), 'sent');
  if (!sent) return <p className="muted">{t('status.loading')}</p>;
  return (
    <section className="panel" aria-labelledby="exchange-sent-title">
      <h2 id="exchange-sent-title">{t('exchange.sent.title')}</h2>
      {sent.length === 0 ? (
        <EmptyTable columns={columns} title="exchange.sent.empty.title" body="exchange.sent.empty.body" />
      ) : (
        <div className="table-scroll">
          <table className="data-table compact sent-table" data-testid="sent-table">
            <TableHead columns={columns} />
            <tbody>
              {sent.map((item) => (
                <tr key={item.id} data-package={item.packageId}>
                  <td className="nowrap">{t(kindKey(item.kind))}</td>
                  <td>
                    {subjectText(t, language, item.subject)}
                    <div className="muted fine mono">{item.fileName}</div>
                  </td>
                  <td>{item.recipients.length > 0 ? item.recipients.join(', ') : <span className="muted">{t('exchange.sent.anyPartner')}</span>}</td>
                  <td className="nowrap">
                    <span className={item.encrypted ? 'tag' : 'tag tag-warning'}>{t(item.encrypted ? 'exchange.encrypted.yes' : 'exchange.encrypted.no')}</span>
                  </td>
                  <td>{t(`exchange.personalData.${item.personalData}`)}</td>
                  <td className="nowrap">{t('exchange.detail.byAt', { at: formatLocalDateTime(item.createdAt), by: item.createdBy })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import type { ReceivedPackage } from '../../../../../shared/ipc/exchange-contract';
import { useI18n } from '../../../app/i18n';
import { formatLocalDateTime } from '../../../format/datetime';
import { kindKey, subjectText } from '../exchange-text';
import { TableHead } from '../../../components/TableHead';

export const receivedColumns = [
  'exchange.column.kind',
  'exchange.column.subject',
  'exchange.column.partner',
  'exchange.column.created',
  'exchange.column.received',
  'exchange.column.state',
  'exchange.column.watchEntries',
  'exchange.column.actions',
] as const;

const stateClass = { active: 'state-badge state-active', expired: 'state-badge state-expired', stored: 'state-badge state-stored' } as const;

/** Received packages, newest first; "Open" shows one below the list. */
export function ReceivedTable({ packages, open, onOpen }: { packages: readonly ReceivedPackage[]; open: number | null; onOpen: (id: number) => void }) {
  const { t, language } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table compact received-table" data-testid="received-table">
        <TableHead columns={receivedColumns} hidden={['exchange.column.actions']} numeric={['exchange.column.watchEntries']} />
        <tbody>
          {packages.map((item) => (
            <tr key={item.id} data-received={item.id} data-state={item.state} className={item.id === open ? 'selected' : undefined}>
              <td className="nowrap">{t(kindKey(item.kind))}</td>
              <td className="subject">{subjectText(t, language, item.subject)}</td>
              <td>
                {item.partnerName}
                {/* The name the sending unit gives itself, under the name this unit gave the partner. */}
                <div className="muted fine" title={t('exchange.column.senderUnit')}>
                  {item.senderUnit}
                </div>
              </td>
              <td className="nowrap">{formatLocalDateTime(item.createdAt)}</td>
              <td className="nowrap">{formatLocalDateTime(item.receivedAt)}</td>
              <td className="nowrap">
                <span className={stateClass[item.state]} data-testid="received-state">
                  {t(`exchange.state.${item.state}`)}
                </span>
              </td>
              <td className="numeric" data-testid="received-watch-entries">
                {item.kind === 'alert' ? item.watchEntries : '—'}
              </td>
              <td className="row-actions">
                <button
                  type="button"
                  className="small"
                  aria-label={t('exchange.inbox.openNamed', { kind: t(kindKey(item.kind)), subject: subjectText(t, language, item.subject) })}
                  aria-pressed={item.id === open}
                  onClick={() => onOpen(item.id)}
                >
                  {t('exchange.inbox.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

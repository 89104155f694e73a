import type { Partner } from '../../../../../shared/ipc/exchange-contract';
import { useI18n } from '../../../app/i18n';
import { formatLocalDateTime } from '../../../format/datetime';
import { Fingerprint } from '../Fingerprint';
import { TableHead } from '../../../components/TableHead';

export const partnerColumns = [
  'exchange.column.name',
  'exchange.column.certificate',
  'exchange.column.validity',
  'exchange.column.state',
  'exchange.column.added',
  'exchange.column.actions',
] as const;

const stateClass = { trusted: 'status status-on', revoked: 'status status-off', expired: 'status status-off' } as const;

/** One row per partner: name, certificate subject and fingerprint, validity, state (with the revocation's reason). */
export function PartnerTable({ partners, onRevoke }: { partners: readonly Partner[]; onRevoke: ((partner: Partner) => void) | null }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table compact partner-table" data-testid="partner-table">
        <TableHead columns={partnerColumns} hidden={['exchange.column.actions']} />
        <tbody>
          {partners.map((partner) => (
            <tr key={partner.id} data-partner={partner.id} className={partner.state === 'trusted' ? undefined : 'row-disabled'}>
              <td>
                <strong>{partner.name}</strong>
              </td>
              <td>
                {partner.subject}
                <Fingerprint className="hash fingerprint" value={partner.fingerprint} testId="partner-fingerprint" />
              </td>
              <td className="nowrap">{t('signing.validity', { from: formatLocalDateTime(partner.notBefore), to: formatLocalDateTime(partner.notAfter) })}</td>
              <td>
                <span className={`${stateClass[partner.state]} nowrap`}>{t(`exchange.partnerState.${partner.state}`)}</span>
                {partner.revokedAt && (
                  <div className="muted fine">
                    {t('exchange.partners.revokedDetail', { at: formatLocalDateTime(partner.revokedAt), by: partner.revokedBy ?? '—', reason: partner.revokeReason ?? '—' })}
                  </div>
                )}
              </td>
              <td className="nowrap">{t('exchange.detail.byAt', { at: formatLocalDateTime(partner.addedAt), by: partner.addedBy })}</td>
              <td className="row-actions">
                {onRevoke && partner.state !== 'revoked' && (
                  <button type="button" className="small" aria-label={t('exchange.partners.revokeNamed', { name: partner.name })} onClick={() => onRevoke(partner)}>
                    {t('exchange.partners.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

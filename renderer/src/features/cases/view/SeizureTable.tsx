import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import { seizureCategories } from '../../../../../shared/domain/seizure-categories';
import { useI18n } from '../../../app/i18n';
import { formatLocalDateTime } from '../../../format/datetime';
import { useMay } from '../access';
import { isCategory } from '../seizure/seizure-model';
import { categoryName, cenGroupName, formatDecimal } from '../text';
import { VoidButton, VoidedNote, type VoidTarget } from './common';

type CaseDetail = ChannelOutput<'cases.get'>;

/** Seizures of the case: category with its CEN group, quantity, concealment, value, linked parties. */
export function SeizureTable({
  detail,
  busy,
  onVoid,
  onSendNotice,
}: {
  detail: CaseDetail;
  busy: boolean;
  onVoid: (target: VoidTarget) => void;
  /** A seizure notice for partner units (Exchange). */
  onSendNotice: (seizure: { id: number; label: string }) => void;
}) {
  const { t, language } = useI18n();
  const may = useMay();
  return (
    <div className="table-scroll">
      <table className="data-table compact seizure-table" data-testid="seizure-table">
        <thead>
          <tr>
            <th scope="col">{t('cases.column.number')}</th>
            <th scope="col">{t('seizure.category')}</th>
            <th scope="col" className="numeric">
              {t('seizure.quantity')}
            </th>
            <th scope="col">{t('seizure.concealment')}</th>
            <th scope="col" className="numeric">
              {t('seizure.value')}
            </th>
            <th scope="col">{t('seizure.parties')}</th>
            <th scope="col">{t('cases.column.recorded')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('cases.column.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {detail.seizures.map((seizure) => {
            const group = isCategory(seizure.category) ? seizureCategories[seizure.category] : null;
            const label = t('seizure.label', { id: seizure.id });
            return (
              <tr key={seizure.id} className={seizure.voided ? 'voided' : undefined} data-seizure={seizure.id} id={`seizure-${seizure.id}`}>
                <td className="nowrap record-struck" aria-label={label}>
                  {seizure.id}
                </td>
                <td>
                  <span className="record-struck">{categoryName(t, language, seizure.category)}</span>
                  {group && <span className="muted cen-group"> · {t('seizure.cenGroupOf', { group: cenGroupName(t, language, group) })}</span>}
                  {seizure.description && <div className="muted">{seizure.description}</div>}
                  {seizure.voided && <VoidedNote voided={seizure.voided} />}
                </td>
                <td className="numeric nowrap record-struck">
                  {formatDecimal(language, seizure.quantity)} {t(`seizure.unit.${seizure.quantityUnit}`)}
                </td>
                <td>
                  {seizure.concealmentMethod || '—'}
                  {seizure.concealmentLocation && <div className="muted">{seizure.concealmentLocation}</div>}
                </td>
                <td className="numeric nowrap">{seizure.estimatedValue ? `${formatDecimal(language, seizure.estimatedValue)} ${seizure.currency ?? ''}` : '—'}</td>
                <td>
                  {seizure.parties.length === 0
                    ? '—'
                    : seizure.parties.map((party) => (
                        <div key={`${party.partyId}-${party.role}`}>
                          {party.name} <span className="muted">({party.role})</span>
                        </div>
                      ))}
                </td>
                <td className="nowrap">{t('cases.byAt', { by: seizure.recordedBy, at: formatLocalDateTime(seizure.recordedAt) })}</td>
                <td className="row-actions">
                  {!seizure.voided && may('exchange.export') && (
                    <button type="button" className="small" disabled={busy} aria-label={t('exchange.export.seizure.openNamed', { label })} onClick={() => onSendNotice({ id: seizure.id, label })}>
                      {t('exchange.export.seizure.open')}
                    </button>
                  )}
                  <VoidButton target={{ kind: 'seizure', id: seizure.id, label }} voided={seizure.voided !== null} busy={busy} onVoid={onVoid} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import { useI18n } from '../../../app/i18n';
import { formatLocalDateTime } from '../../../format/datetime';
import { useMay } from '../access';
import type { CustodyEvent } from '../custody/custody-model';
import { categoryName, formatDecimal } from '../text';
import { RecordLink, VoidButton, VoidedNote, type VoidTarget } from './common';

type CaseDetail = ChannelOutput<'cases.get'>;

/**
 * The chain of custody in time order: every hand-over, with gaps over the
 * unit's threshold marked (the defence will ask who held the evidence then),
 * corrections linked both ways, voided entries struck through.
 */
export function CustodyLog({
  detail,
  busy,
  onCorrect,
  onVoid,
}: {
  detail: CaseDetail;
  busy: boolean;
  onCorrect: (event: CustodyEvent) => void;
  onVoid: (target: VoidTarget) => void;
}) {
  const { t, language } = useI18n();
  const may = useMay();
  const events = [...detail.custody].sort((a, b) => Date.parse(a.handedOverAt) - Date.parse(b.handedOverAt) || a.id - b.id);
  const samples = new Map(detail.examinations.flatMap((examination) => examination.samples.map((sample) => [sample.id, sample] as const)));
  const seizures = new Map(detail.seizures.map((seizure) => [seizure.id, seizure] as const));

  const itemText = (event: CustodyEvent) => {
    if (event.seizureId) {
      const seizure = seizures.get(event.seizureId);
      return seizure
        ? t('custody.item.seizure', {
            id: seizure.id,
            category: categoryName(t, language, seizure.category),
            quantity: formatDecimal(language, seizure.quantity),
            unit: t(`seizure.unit.${seizure.quantityUnit}`),
          })
        : t('seizure.label', { id: event.seizureId });
    }
    if (event.sampleId) {
      const sample = samples.get(event.sampleId);
      return sample ? t('custody.item.sample', { bag: sample.bagNumber, description: sample.description }) : `#${event.sampleId}`;
    }
    return '—';
  };

  return (
    <div className="table-scroll">
      <table className="data-table compact custody-table" data-testid="custody-table">
        <thead>
          <tr>
            <th scope="col">{t('cases.column.number')}</th>
            <th scope="col">{t('custody.handedOverAt')}</th>
            <th scope="col">{t('custody.item')}</th>
            <th scope="col">{t('custody.from')}</th>
            <th scope="col">{t('custody.to')}</th>
            <th scope="col">{t('custody.place')}</th>
            <th scope="col">{t('custody.numbers')}</th>
            <th scope="col">{t('custody.condition')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('cases.column.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const live = !event.voided && event.correctedBy === null;
            const label = t('custody.label', { id: event.id });
            const rowClass = [event.voided ? 'voided' : '', event.correctedBy !== null ? 'superseded' : '', event.gapHours !== null ? 'gap-row' : ''].filter(Boolean).join(' ');
            return (
              <tr key={event.id} id={`custody-${event.id}`} className={rowClass || undefined} data-custody={event.id} data-gap={event.gapHours !== null ? 'true' : undefined}>
                <td className="nowrap record-struck" aria-label={label}>
                  {event.id}
                </td>
                <td className="nowrap">
                  <span className="record-struck">{formatLocalDateTime(event.handedOverAt)}</span>
                  <div className="muted recorded-by">{t('cases.recordedBy', { by: event.recordedBy, at: formatLocalDateTime(event.recordedAt) })}</div>
                  {event.gapHours !== null && (
                    <div className="gap-flag" data-testid="custody-gap">
                      {t('custody.gap', { hours: new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(event.gapHours) })}
                    </div>
                  )}
                </td>
                <td>{itemText(event)}</td>
                <td>
                  <span className="record-struck">{event.fromPerson}</span>
                  <div className="muted">{event.fromAgency}</div>
                </td>
                <td>
                  <span className="record-struck">{event.toPerson}</span>
                  <div className="muted">{event.toAgency}</div>
                </td>
                <td>{event.place}</td>
                <td>
                  {event.bagNumbers && <div>{t('custody.bags', { numbers: event.bagNumbers })}</div>}
                  {event.sealNumbers && <div>{t('custody.seals', { numbers: event.sealNumbers })}</div>}
                  {!event.bagNumbers && !event.sealNumbers && '—'}
                </td>
                <td>
                  {event.condition || '—'}
                  {event.correctsEventId && (
                    <div className="correction-link">
                      {t('custody.corrects', { id: event.correctsEventId })} <RecordLink target={`custody-${event.correctsEventId}`}>{t('cases.showRecord')}</RecordLink>
                      {event.correctionReason && <> — {t('cases.correction.reason', { reason: event.correctionReason })}</>}
                    </div>
                  )}
                  {event.correctedBy !== null && (
                    <div className="correction-link superseded-note">
                      {t('custody.correctedBy', { id: event.correctedBy })} <RecordLink target={`custody-${event.correctedBy}`}>{t('cases.showRecord')}</RecordLink>
                    </div>
                  )}
                  {event.voided && <VoidedNote voided={event.voided} />}
                </td>
                <td className="row-actions">
                  {live && may('custody.record') && (
                    <button type="button" className="small" disabled={busy} aria-label={t('custody.correctNamed', { id: event.id })} onClick={() => onCorrect(event)}>
                      {t('custody.correct')}
                    </button>
                  )}
                  <VoidButton target={{ kind: 'custody', id: event.id, label }} voided={event.voided !== null} busy={busy} onVoid={onVoid} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import type { Examination } from '../../../../../shared/ipc/casework-contract';
import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session/session-context';
import { formatLocalDateTime } from '../../../format/datetime';
import { useMay } from '../access';
import { conditionParts } from '../examination/exam-model';
import { zonedText } from '../time';
import { AttachmentThumbs } from './AttachmentsPanel';
import { RecordedBy, RecordLink, VoidButton, VoidedNote, type VoidTarget } from './common';

type CaseDetail = ChannelOutput<'cases.get'>;

/**
 * One examination record as a court would read it: method, place, times in
 * the zone it was taken in, who was there, seals declared against found, the
 * container's condition, samples, result and photos, with its approval and
 * its place in a chain of corrections.
 */
export function ExaminationCard({
  examination,
  detail,
  busy,
  onApprove,
  onCorrect,
  onVoid,
  onView,
}: {
  examination: Examination;
  detail: CaseDetail;
  busy: boolean;
  onApprove: (examination: Examination) => void;
  onCorrect: (examination: Examination) => void;
  onVoid: (target: VoidTarget) => void;
  onView: (attachmentId: number) => void;
}) {
  const { t } = useI18n();
  const may = useMay();
  const { info } = useSession();
  const consignment = detail.consignments.find((line) => line.id === examination.consignmentId);
  const photos = detail.attachments.filter((attachment) => attachment.examinationId === examination.id);
  const live = !examination.voided && examination.correctedBy === null;
  const condition = conditionParts.filter((part) => (examination.condition[part] ?? 'not_checked') !== 'not_checked');
  const label = t('examination.label', { id: examination.id });
  const found = new Set(examination.sealsFound.map((check) => check.seal));
  const unlisted = examination.sealsDeclared.filter((seal) => !found.has(seal));
  // Main refuses both; saying so beside the button saves a refused click.
  const approvalBlock =
    examination.recordedBy === info.user.username ? ('examination.approve.own' as const) : examination.endedAt === null ? ('examination.approve.needsEnd' as const) : null;

  return (
    <article
      id={`examination-${examination.id}`}
      className={['record-card', 'examination-card', examination.voided ? 'voided' : '', examination.correctedBy !== null ? 'superseded' : ''].filter(Boolean).join(' ')}
      data-testid="examination-card"
      data-examination={examination.id}
      aria-labelledby={`examination-${examination.id}-title`}
    >
      <header className="record-head">
        <h4 id={`examination-${examination.id}-title`}>
          <span className="record-struck">{label}</span> · {t(`examination.method.${examination.method}`)}
        </h4>
        <span className={`tag result-tag result-${examination.result}`}>{t(`examination.result.${examination.result}`)}</span>
        {examination.approvedAt ? (
          <span className="tag approved-tag" data-testid="approval-state">
            {t('examination.approvedBy', { by: examination.approvedBy ?? '—', at: formatLocalDateTime(examination.approvedAt) })}
          </span>
        ) : (
          !examination.voided && (
            <span className="tag pending-tag" data-testid="approval-state">
              {t('examination.awaitingApproval')}
            </span>
          )
        )}
        <span className="spacer" />
        {live && !examination.approvedAt && may('examinations.approve') && (
          <>
            {approvalBlock && (
              <span className="field-hint" id={`approve-hint-${examination.id}`}>
                {t(approvalBlock)}
              </span>
            )}
            <button
              type="button"
              className="primary small-primary"
              disabled={busy || approvalBlock !== null}
              aria-describedby={approvalBlock ? `approve-hint-${examination.id}` : undefined}
              onClick={() => onApprove(examination)}
            >
              {t('examination.approve')}
            </button>
          </>
        )}
        {live && may('examinations.correct') && (
          <button type="button" className="small" disabled={busy} onClick={() => onCorrect(examination)}>
            {t('examination.correct')}
          </button>
        )}
        <VoidButton target={{ kind: 'examination', id: examination.id, label }} voided={examination.voided !== null} busy={busy} onVoid={onVoid} />
      </header>
      {examination.voided && <VoidedNote voided={examination.voided} />}
      {examination.correctsExaminationId !== null && (
        <p className="correction-link">
          {t('examination.corrects', { id: examination.correctsExaminationId })}{' '}
          <RecordLink target={`examination-${examination.correctsExaminationId}`}>{t('cases.showRecord')}</RecordLink>
          {examination.correctionReason && <> — {t('cases.correction.reason', { reason: examination.correctionReason })}</>}
        </p>
      )}
      {examination.correctedBy !== null && (
        <p className="correction-link superseded-note">
          {t('examination.correctedBy', { id: examination.correctedBy })} <RecordLink target={`examination-${examination.correctedBy}`}>{t('cases.showRecord')}</RecordLink>
        </p>
      )}
      <div className="record-body">
        <dl className="detail-facts">
          <dt>{t('cases.column.container')}</dt>
          <dd className="mono">{consignment?.container ?? consignment?.bl ?? `#${examination.consignmentId}`}</dd>
          <dt>{t('examination.location')}</dt>
          <dd>{examination.location}</dd>
          <dt>{t('examination.time')}</dt>
          <dd className="nowrap">
            {zonedText(examination.startedAt, examination.timeZone)}
            {' – '}
            {examination.endedAt ? zonedText(examination.endedAt, examination.timeZone) : t('examination.notEnded')}
          </dd>
          {examination.scanImageRef && (
            <>
              <dt>{t('examination.scanImageRef')}</dt>
              <dd className="mono">{examination.scanImageRef}</dd>
            </>
          )}
          <dt>{t('examination.section.people')}</dt>
          <dd>
            <ul className="plain-list">
              {examination.participants.map((person, index) => (
                <li key={index}>
                  {person.name} — {person.agency}, {person.role}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('examination.section.seals')}</dt>
          <dd>
            {examination.sealsFound.length === 0 && unlisted.length === 0 ? (
              '—'
            ) : (
              <ul className="plain-list">
                {examination.sealsFound.map((check, index) => (
                  <li key={index}>
                    <span className="mono">{check.seal}</span>{' '}
                    <span className={`tag seal-tag seal-${check.status}`}>{t(`examination.seal.status.${check.status}`)}</span>
                  </li>
                ))}
                {unlisted.map((seal) => (
                  <li key={`declared-${seal}`} className="muted">
                    {t('examination.seal.declaredNotListed', { seal })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('examination.newSeal')}</dt>
          <dd className="mono">{examination.newSeal || '—'}</dd>
          <dt>{t('examination.section.condition')}</dt>
          <dd>
            {condition.length === 0 ? (
              t('examination.condition.noneChecked')
            ) : (
              <ul className="plain-list condition-list">
                {condition.map((part) => (
                  <li key={part} className={`state-${examination.condition[part] ?? 'not_checked'}`}>
                    {t(`examination.condition.part.${part}`)}: {t(`examination.condition.state.${examination.condition[part] ?? 'not_checked'}`)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          {examination.samples.length > 0 && (
            <>
              <dt>{t('examination.section.samples')}</dt>
              <dd>
                <ul className="plain-list">
                  {examination.samples.map((sample) => (
                    <li key={sample.id}>
                      {t('examination.sample.line', {
                        bag: sample.bagNumber,
                        seal: sample.sealNumber || '—',
                        description: sample.description,
                        at: zonedText(sample.takenAt, examination.timeZone),
                      })}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {examination.notes && (
            <>
              <dt>{t('examination.notes')}</dt>
              <dd className="pre-wrap">{examination.notes}</dd>
            </>
          )}
        </dl>
        {photos.length > 0 && <AttachmentThumbs attachments={photos} onView={onView} onVoid={onVoid} busy={busy} />}
      </div>
      <footer>
        <RecordedBy by={examination.recordedBy} at={examination.recordedAt} />
      </footer>
    </article>
  );
}

import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { Examination, Person } from '../../../../../shared/ipc/casework-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { Notice } from '../../../components/Notice';
import { useRefreshingLoad } from '../../../components/useRefreshingLoad';
import { useMay } from '../access';
import { CustodyForm } from '../custody/CustodyForm';
import type { CustodyEvent } from '../custody/custody-model';
import type { ExamTarget } from '../examination/ExaminationForm';
import { SeizureForm } from '../seizure/SeizureForm';
import { AttachmentAdder, AttachmentThumbs, AttachmentViewer } from './AttachmentsPanel';
import { CaseHeader } from './CaseHeader';
import type { VoidTarget } from './common';
import { CustodyLog } from './CustodyLog';
import { ExaminationCard } from './ExaminationCard';
import { NotesPanel } from './NotesPanel';
import { ReasonDialog } from './ReasonDialog';
import { SeizureTable } from './SeizureTable';
import { Timeline } from './Timeline';
import { SeizureExportDialog } from '../../exchange/export/SeizureExportDialog';
import { AlertExportDialog } from '../../exchange/export/AlertExportDialog';

type PersonInfo = z.infer<typeof Person>;
type Panel = { kind: 'seizure' } | { kind: 'custody'; corrects: CustodyEvent | null } | { kind: 'attach' } | null;

/**
 * One case, everything in it: header and status, consignments, examinations
 * (with approval, corrections, voids), seizures, the custody log, notes,
 * photos and documents, and the timeline of all of it.
 */
export function CaseView({
  caseId,
  onReference,
  onExamine,
}: {
  caseId: number;
  onReference: (reference: string) => void;
  onExamine: (target: ExamTarget) => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const may = useMay();
  const [version, setVersion] = useState(0);
  const detail = useRefreshingLoad(() => api.invoke('cases.get', { id: caseId }), `${caseId}:${version}`);
  const [people, setPeople] = useState<readonly PersonInfo[]>([]);
  const [panel, setPanel] = useState<Panel>(null);
  const [voiding, setVoiding] = useState<VoidTarget | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [noticeFor, setNoticeFor] = useState<{ id: number; label: string } | null>(null);
  const [alertFor, setAlertFor] = useState<{ id: number; label: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const reload = () => setVersion((n) => n + 1);

  useEffect(() => {
    let current = true;
    api.invoke('cases.people').then(
      (list) => current && setPeople(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);
  const reference = detail?.case.reference;
  useEffect(() => {
    if (reference) onReference(reference);
  }, [reference, onReference]);

  if (!detail || detail.case.id !== caseId) return <p className="muted">{t('status.loading')}</p>;

  const approve = async (examination: Examination) => {
    setBusy(true);
    setNotice(null);
    try {
      await api.invoke('examinations.approve', { examinationId: examination.id });
      setNotice({ kind: 'success', text: t('examination.approved', { id: examination.id }) });
      reload();
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  const label = (line: (typeof detail.consignments)[number]) => line.container ?? line.bl ?? `#${line.id}`;
  const attachmentInfo = viewing === null ? undefined : detail.attachments.find((attachment) => attachment.id === viewing);
  const caseAttachments = detail.attachments.filter((attachment) => attachment.examinationId === null);
  const closed = detail.case.status === 'closed';

  return (
    <div className="case-view" data-testid="case-view" data-case={detail.case.id}>
      <CaseHeader detail={detail} people={people} onChanged={reload} />
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <div className="case-layout">
        <div className="case-main stack">
          <section className="panel" aria-labelledby="case-consignments">
            <h3 id="case-consignments">{t('cases.section.consignments')}</h3>
            <div className="table-scroll">
              <table className="data-table compact" data-testid="case-consignments">
                <thead>
                  <tr>
                    <th scope="col">{t('cases.column.container')}</th>
                    <th scope="col">{t('cases.column.bl')}</th>
                    <th scope="col">{t('cases.column.consignee')}</th>
                    <th scope="col">{t('cases.column.goods')}</th>
                    <th scope="col">{t('cases.column.vessel')}</th>
                    <th scope="col">{t('examination.seal.declaredList')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('cases.column.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {detail.consignments.map((line) => (
                    <tr key={line.id} data-consignment={line.id}>
                      <td className="mono">{line.container ?? '—'}</td>
                      <td className="mono">{line.bl ?? '—'}</td>
                      <td>{line.consignee ?? '—'}</td>
                      <td>{line.goods}</td>
                      <td>
                        {line.vessel ?? '—'} {line.voyage ?? ''}
                      </td>
                      <td className="mono">{line.seals.length > 0 ? line.seals.join(', ') : '—'}</td>
                      <td className="row-actions">
                        {!closed && may('examinations.record') && (
                          <button
                            type="button"
                            className="small"
                            aria-label={t('cases.queue.examineNamed', { label: label(line) })}
                            onClick={() => onExamine({ mode: 'record', consignmentId: line.id, caseId: detail.case.id, label: label(line), seals: line.seals })}
                          >
                            {t('cases.queue.examine')}
                          </button>
                        )}
                        {may('exchange.export') && (
                          <button
                            type="button"
                            className="small secondary"
                            aria-label={t('exchange.export.alert.openNamed', { label: label(line) })}
                            onClick={() => setAlertFor({ id: line.id, label: label(line) })}
                          >
                            {t('exchange.export.alert.short')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section className="panel" aria-labelledby="case-examinations" data-testid="case-examinations">
            <h3 id="case-examinations">{t('cases.section.examinations', { count: detail.examinations.length })}</h3>
            {detail.examinations.length === 0 ? (
              <p className="muted">{t('cases.examinations.none')}</p>
            ) : (
              detail.examinations.map((examination) => (
                <ExaminationCard
                  key={examination.id}
                  examination={examination}
                  detail={detail}
                  busy={busy}
                  onApprove={(chosen) => void approve(chosen)}
                  onCorrect={(chosen) => onExamine({ mode: 'correct', examination: chosen, label: t('examination.label', { id: chosen.id }) })}
                  onVoid={setVoiding}
                  onView={setViewing}
                />
              ))
            )}
          </section>

          <section className="panel" aria-labelledby="case-seizures">
            <div className="section-head">
              <h3 id="case-seizures">{t('cases.section.seizures', { count: detail.seizures.length })}</h3>
              {!closed && may('seizures.record') && panel?.kind !== 'seizure' && (
                <button type="button" className="secondary" onClick={() => setPanel({ kind: 'seizure' })}>
                  {t('seizure.form.open')}
                </button>
              )}
            </div>
            {panel?.kind === 'seizure' && (
              <SeizureForm
                detail={detail}
                onCancel={() => setPanel(null)}
                onDone={() => {
                  setPanel(null);
                  setNotice({ kind: 'success', text: t('seizure.recorded') });
                  reload();
                }}
              />
            )}
            {detail.seizures.length === 0 ? <p className="muted">{t('cases.seizures.none')}</p> : <SeizureTable detail={detail} busy={busy} onVoid={setVoiding} onSendNotice={setNoticeFor} />}
          </section>

          <section className="panel" aria-labelledby="case-custody" data-testid="case-custody">
            <div className="section-head">
              <h3 id="case-custody">{t('cases.section.custody', { count: detail.custody.length })}</h3>
              {!closed && may('custody.record') && panel?.kind !== 'custody' && (
                <button type="button" className="secondary" onClick={() => setPanel({ kind: 'custody', corrects: null })}>
                  {t('custody.form.open')}
                </button>
              )}
            </div>
            <p className="muted section-intro">{t('custody.intro')}</p>
            {panel?.kind === 'custody' && (
              <CustodyForm
                key={panel.corrects?.id ?? 'new'}
                detail={detail}
                corrects={panel.corrects}
                onCancel={() => setPanel(null)}
                onDone={() => {
                  setPanel(null);
                  setNotice({ kind: 'success', text: t(panel.corrects ? 'custody.corrected' : 'custody.recorded') });
                  reload();
                }}
              />
            )}
            {detail.custody.length === 0 ? (
              <p className="muted">{t('cases.custody.none')}</p>
            ) : (
              <CustodyLog detail={detail} busy={busy} onCorrect={(event) => setPanel({ kind: 'custody', corrects: event })} onVoid={setVoiding} />
            )}
          </section>

          <section className="panel" aria-labelledby="case-attachments" data-testid="case-attachments">
            <div className="section-head">
              <h3 id="case-attachments">{t('cases.section.attachments', { count: detail.attachments.length })}</h3>
              {!closed && may('attachments.add') && panel?.kind !== 'attach' && (
                <button type="button" className="secondary" onClick={() => setPanel({ kind: 'attach' })}>
                  {t('cases.attachments.add')}
                </button>
              )}
            </div>
            {panel?.kind === 'attach' && (
              <AttachmentAdder
                caseId={detail.case.id}
                onDone={() => {
                  setPanel(null);
                  reload();
                }}
              />
            )}
            {detail.attachments.length === 0 ? (
              <p className="muted">{t('cases.attachments.none')}</p>
            ) : (
              <>
                {caseAttachments.length > 0 && <AttachmentThumbs attachments={caseAttachments} busy={busy} onView={setViewing} onVoid={setVoiding} />}
                {detail.attachments.length > caseAttachments.length && <p className="muted">{t('cases.attachments.withExaminations', { count: detail.attachments.length - caseAttachments.length })}</p>}
              </>
            )}
          </section>

          <section className="panel" aria-labelledby="case-notes">
            <h3 id="case-notes">{t('cases.section.notes', { count: detail.notes.length })}</h3>
            <NotesPanel detail={detail} busy={busy} onChanged={reload} onVoid={setVoiding} />
          </section>
        </div>
        <aside className="panel case-side" aria-labelledby="case-timeline">
          <h3 id="case-timeline">{t('cases.section.timeline')}</h3>
          <Timeline detail={detail} />
        </aside>
      </div>

      {voiding && (
        <ReasonDialog
          title={t('cases.void.title', { label: voiding.label })}
          intro={t('cases.void.intro')}
          label={t('cases.void.reason')}
          hint={t('cases.void.reasonHint')}
          confirm={t('cases.void.confirm')}
          required
          danger
          testId="void-dialog"
          onClose={() => setVoiding(null)}
          onConfirm={async (reason) => {
            await api.invoke('records.void', { kind: voiding.kind, id: voiding.id, reason });
            setVoiding(null);
            setNotice({ kind: 'success', text: t('cases.void.done', { label: voiding.label }) });
            reload();
          }}
        />
      )}
      {alertFor && <AlertExportDialog consignmentId={alertFor.id} label={alertFor.label} onClose={() => setAlertFor(null)} />}
      {noticeFor && <SeizureExportDialog seizureId={noticeFor.id} label={noticeFor.label} onClose={() => setNoticeFor(null)} />}
      {viewing !== null && <AttachmentViewer id={viewing} info={attachmentInfo} onClose={() => setViewing(null)} />}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { mayAccess } from '../../../../shared/domain/roles';
import { contract } from '../../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session/session-context';
import { useErrorText } from '../../components/api-errors';
import { Notice } from '../../components/Notice';
import { useLoad } from '../../components/useLoad';
import { formatLocalDateTime } from '../../format/datetime';
import { CountersignForm } from './CountersignForm';
import { base64ToBytes, downloadBytes, looksLikePdf, PDF_TYPE, reportFileName, sha256Hex } from './report-files';
import { kindText, languageText } from './report-text';

type Check = 'pending' | 'match' | 'mismatch' | 'unavailable';
/** The last print request of this view: under way, its outcome, or main's refusal. */
type Printing = { state: 'busy' } | { state: 'printed' | 'cancelled' } | { state: 'failed'; error: unknown };

/**
 * One issued report: its record and its PDF exactly as issued. The PDF is not
 * shown inside the window: the CSP allows no frames or objects (frame-src and
 * object-src 'none'), and loosening it for one viewer would let any injected
 * markup embed documents too. The officer saves the PDF and reads, checks the
 * signature and prints it in a PDF reader, which is also where a prosecutor
 * will check it. Before offering it, the bytes are checked against the record.
 * "Print…" asks main to print the stored PDF (which main checks against the
 * record again) through the system print dialog, from a window of its own.
 * "Countersign…" (supervisors, on a signed examination report or case file
 * not yet countersigned, that someone else signed) adds their signature; the
 * countersigned PDF is a new record, which `onCountersigned` opens.
 */
export function ReportView({
  reportId,
  onClose,
  onOpen,
  onCountersigned,
  countersignedFrom = null,
}: {
  reportId: number;
  onClose: () => void;
  /** Opens a linked report (the one countersigned, or its countersigned copy). */
  onOpen: (reportId: number, reportUid: string) => void;
  onCountersigned: (countersigned: { reportId: number; reportUid: string }, from: string) => void;
  /** Set when this view opens right after countersigning report `countersignedFrom`. */
  countersignedFrom?: string | null;
}) {
  const api = useApi();
  const { t } = useI18n();
  const { info } = useSession();
  const [countersigning, setCountersigning] = useState<number | null>(null);
  const loaded = useLoad(() => api.invoke('reports.get', { id: reportId }), reportId);
  const [check, setCheck] = useState<{ for: number; state: Check } | null>(null);
  const [printing, setPrinting] = useState<{ for: number; printing: Printing } | null>(null);
  const errorText = useErrorText();

  useEffect(() => {
    if (!loaded) return;
    let current = true;
    const bytes = base64ToBytes(loaded.pdfBase64);
    void sha256Hex(bytes).then((digest) => {
      if (!current) return;
      const state: Check = digest === null ? 'unavailable' : looksLikePdf(bytes) && digest === loaded.report.pdfSha256 ? 'match' : 'mismatch';
      setCheck({ for: loaded.report.id, state });
    });
    return () => {
      current = false;
    };
  }, [loaded]);

  if (!loaded) return <p className="muted">{t('reports.view.loading')}</p>;
  const { report } = loaded;
  const size = Math.ceil((loaded.pdfBase64.length * 3) / 4 / 1024);
  const state: Check = check?.for === report.id ? check.state : 'pending';
  const print = printing?.for === report.id ? printing.printing : null;
  // The same rules main applies (it refuses all the others with a code): offered only where they hold.
  const mayCountersign =
    mayAccess(contract['reports.countersign'].access, info.user.role) &&
    report.kind !== 'statistics' &&
    report.signed &&
    report.countersigns === null &&
    report.countersignature === null &&
    report.issuedById !== info.user.id;
  const startPrint = async () => {
    const id = report.id;
    setPrinting({ for: id, printing: { state: 'busy' } });
    try {
      const { outcome } = await api.invoke('reports.print', { id });
      setPrinting({ for: id, printing: { state: outcome } });
    } catch (error) {
      setPrinting({ for: id, printing: { state: 'failed', error } });
    }
  };

  return (
    <section className="stack" data-testid="report-view" data-uid={report.reportUid} aria-label={t('reports.view.title', { uid: report.reportUid })}>
      <div className="panel report-view">
        <h2>{t('reports.view.title', { uid: report.reportUid })}</h2>
        <dl className="facts">
          <dt>{t('reports.view.kind')}</dt>
          <dd>{kindText(t, report.kind)}</dd>
          {report.caseReference && (
            <>
              <dt>{t('reports.view.case')}</dt>
              <dd>{report.caseReference}</dd>
            </>
          )}
          {report.examinationId !== null && (
            <>
              <dt>{t('reports.view.examination')}</dt>
              <dd>{t('report.examinationNumber', { id: report.examinationId })}</dd>
            </>
          )}
          <dt>{t('reports.view.language')}</dt>
          <dd>{languageText(t, report.language)}</dd>
          <dt>{t('reports.view.signed')}</dt>
          <dd>{report.signed ? t('reports.list.signedYes') : t('reports.list.unsigned')}</dd>
          {report.countersigns && (
            <>
              <dt>{t('reports.view.countersigns')}</dt>
              <dd>
                <button type="button" className="link mono" onClick={() => report.countersigns && onOpen(report.countersigns.id, report.countersigns.reportUid)}>
                  {report.countersigns.reportUid}
                </button>
              </dd>
            </>
          )}
          {report.countersignature && (
            <>
              <dt>{t('reports.view.countersignature')}</dt>
              <dd>
                <button type="button" className="link mono" onClick={() => report.countersignature && onOpen(report.countersignature.id, report.countersignature.reportUid)}>
                  {report.countersignature.reportUid}
                </button>
              </dd>
            </>
          )}
          <dt>{t('reports.view.issuedBy')}</dt>
          <dd>{report.issuedBy}</dd>
          <dt>{t('reports.view.issuedAt')}</dt>
          <dd>{formatLocalDateTime(report.issuedAt, 'seconds')}</dd>
          <dt>{t('reports.view.size')}</dt>
          <dd>{t('reports.view.kilobytes', { size })}</dd>
          <dt>{t('reports.view.pdfSha256')}</dt>
          <dd>
            <code className="hash" data-testid="report-pdf-sha256">
              {report.pdfSha256}
            </code>
          </dd>
          <dt>{t('reports.view.dataSha256')}</dt>
          <dd>
            <code className="hash">{report.dataSha256}</code>
          </dd>
          <dt>{t('reports.view.auditHead')}</dt>
          <dd>
            <code className="hash">{report.auditHeadHash}</code>
          </dd>
        </dl>
        {countersignedFrom !== null && report.countersigns?.reportUid === countersignedFrom && (
          <Notice kind="success" testId="report-countersigned">
            {t('reports.countersign.done', { from: countersignedFrom, uid: report.reportUid })}
          </Notice>
        )}
        {state === 'match' && <Notice kind="info" testId="report-pdf-check">{t('reports.view.pdfCheck')}</Notice>}
        {state === 'mismatch' && <Notice kind="error" testId="report-pdf-check">{t('reports.view.pdfMismatch')}</Notice>}
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('reports.view.close')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={state === 'mismatch'}
            onClick={() => downloadBytes(reportFileName(report), base64ToBytes(loaded.pdfBase64), PDF_TYPE)}
          >
            {t('reports.savePdf')}
          </button>
          <button type="button" className="secondary" disabled={state === 'mismatch' || print?.state === 'busy'} onClick={() => void startPrint()}>
            {t('reports.print')}
          </button>
          {mayCountersign && (
            <button type="button" className="secondary" disabled={state === 'mismatch' || countersigning === report.id} onClick={() => setCountersigning(report.id)}>
              {t('reports.countersign.open')}
            </button>
          )}
        </div>
        {mayCountersign && countersigning === report.id && (
          <CountersignForm report={report} onCancel={() => setCountersigning(null)} onCountersigned={(next) => onCountersigned(next, report.reportUid)} />
        )}
        {print?.state === 'busy' && <p className="muted" role="status">{t('reports.print.busy')}</p>}
        {print?.state === 'printed' && <Notice kind="success" testId="report-print-outcome">{t('reports.print.printed', { uid: report.reportUid })}</Notice>}
        {print?.state === 'cancelled' && <Notice kind="info" testId="report-print-outcome">{t('reports.print.cancelled')}</Notice>}
        {print?.state === 'failed' && <Notice kind="error" testId="report-print-outcome">{errorText(print.error)}</Notice>}
      </div>
      <div className="panel report-print">
        <h2>{t('reports.view.printTitle')}</h2>
        <p>{t('reports.view.printHint')}</p>
      </div>
    </section>
  );
}

import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';
import { base64ToBytes, downloadBytes, PDF_TYPE } from './report-files';

export interface IssuedReport {
  readonly reportId: number;
  readonly reportUid: string;
  readonly pdfBase64: string;
  readonly signed: boolean;
  readonly fileName: string;
}

/** What a successful issue says, with the PDF to save at once and the way to its record. */
export function IssuedNotice({ issued, onOpen }: { issued: IssuedReport; onOpen: (reportId: number, reportUid: string) => void }) {
  const { t } = useI18n();
  return (
    <Notice kind="success" testId="report-issued">
      <div className="report-issued">
        <span>{t(issued.signed ? 'reports.issue.doneSigned' : 'reports.issue.done', { uid: issued.reportUid })}</span>
        <span className="report-issued-actions">
          <button type="button" className="secondary" onClick={() => downloadBytes(issued.fileName, base64ToBytes(issued.pdfBase64), PDF_TYPE)}>
            {t('reports.savePdf')}
          </button>
          <button type="button" className="link" onClick={() => onOpen(issued.reportId, issued.reportUid)}>
            {t('reports.openIssued')}
          </button>
        </span>
      </div>
    </Notice>
  );
}

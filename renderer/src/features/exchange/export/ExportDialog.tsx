import { useState, type FormEvent, type ReactNode } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../../../shared/ipc/contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { DialogActions, ModalDialog } from '../../../components/ModalDialog';
import { Notice } from '../../../components/Notice';
import { useLoad } from '../../../components/useLoad';
import { base64ToBytes, downloadBytes } from '../../reports/report-files';
import { ExportPreviewPanel } from './ExportPreviewPanel';
import { RecipientPicker } from './RecipientPicker';

export type ExportRequest = ChannelInput<'exchange.export'>;
type Created = ChannelOutput<'exchange.export'>;
type Step = { kind: 'form' } | { kind: 'preview'; request: ExportRequest; preview: ChannelOutput<'exchange.preview'> } | { kind: 'done'; created: Created };

const PACKAGE_TYPE = 'application/octet-stream';
const save = (created: Created) => downloadBytes(created.fileName, base64ToBytes(created.packageBase64), PACKAGE_TYPE);

/**
 * The steps every export goes through: the officer's fields and the
 * recipients, then a preview of exactly what will leave (from main, with
 * private persons masked or not), then the signed package saved as a file.
 * Nothing is created before "Create package"; the preview is read-only.
 */
export function ExportDialog({
  title,
  testId,
  className,
  fields,
  summary,
  prepare,
  onClose,
  onCreated,
}: {
  title: string;
  testId: string;
  className: string;
  /** The kind's own fields (reason, dates / personal data, photos, note). */
  fields: ReactNode;
  /** What the officer chose, repeated above the preview. */
  summary: ReactNode;
  /** The request for these recipients, or null when a field is missing (the fields show why). */
  prepare: (recipients: number[]) => ExportRequest | null;
  onClose: () => void;
  onCreated?: (created: Created) => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const partners = useLoad(() => api.invoke('exchange.partners.list'), 'partners');
  const trusted = (partners ?? []).filter((partner) => partner.state === 'trusted');
  const [recipients, setRecipients] = useState<ReadonlySet<number>>(new Set());
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const showPreview = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const request = prepare([...recipients]);
    if (!request) return;
    setBusy(true);
    setFailure(null);
    try {
      setStep({ kind: 'preview', request, preview: await api.invoke('exchange.preview', request) });
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const create = async (request: ExportRequest) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const created = await api.invoke('exchange.export', request);
      save(created);
      setStep({ kind: 'done', created });
      onCreated?.(created);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog className={`dialog export-dialog ${className}`} labelledBy={`${testId}-title`} onClose={onClose} testId={testId}>
      <h2 id={`${testId}-title`}>{title}</h2>
      {step.kind === 'form' && (
        <form className="form" onSubmit={(event) => void showPreview(event)} noValidate aria-busy={busy}>
          {fields}
          <RecipientPicker partners={partners === undefined ? null : trusted} chosen={recipients} onChange={setRecipients} />
          {failure && <Notice kind="error">{failure}</Notice>}
          <DialogActions busy={busy} onCancel={onClose}>
            <button type="submit" className={busy ? 'primary busy' : 'primary'} disabled={busy}>
              {busy ? t('exchange.export.previewLoading') : t('exchange.export.preview')}
            </button>
          </DialogActions>
        </form>
      )}
      {step.kind === 'preview' && (
        <div className="form">
          {summary}
          <ExportPreviewPanel preview={step.preview} />
          {failure && <Notice kind="error">{failure}</Notice>}
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => setStep({ kind: 'form' })} disabled={busy}>
              {t('exchange.export.back')}
            </button>
            <button type="button" className={busy ? 'primary busy' : 'primary'} onClick={() => void create(step.request)} disabled={busy} autoFocus>
              {busy ? t('exchange.export.creating') : t('exchange.export.create')}
            </button>
          </div>
        </div>
      )}
      {step.kind === 'done' && (
        <div className="form" data-testid="export-done">
          <Notice kind="success">{t('exchange.export.done', { file: step.created.fileName })}</Notice>
          <p className="fine">
            {t('exchange.export.sha256')} <code className="hash">{step.created.sha256}</code>
          </p>
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => save(step.created)}>
              {t('exchange.export.saveAgain')}
            </button>
            <button type="button" className="primary" onClick={onClose} autoFocus>
              {t('common.close')}
            </button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TargetRow } from '../../../../../shared/ipc/risk-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { Notice } from '../../../components/Notice';

export type DecisionChoice = 'select' | 'waive';

/**
 * Select or waive one line. The reason is mandatory (it is what a supervisor
 * and a prosecutor will read), so the dialog opens with the cursor in it;
 * Ctrl+Enter records, Esc cancels.
 */
export function DecisionDialog({
  row,
  choice,
  onDone,
  onClose,
}: {
  row: TargetRow;
  choice: DecisionChoice;
  onDone: (decision: NonNullable<TargetRow['decision']>) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const record = await api.invoke('targets.decide', { consignmentId: row.id, choice, reason: reason.trim() });
      onDone(record.decision);
    } catch (error) {
      setFailure(errorText(error));
      setBusy(false);
    }
  };

  const title = t(choice === 'select' ? 'targeting.decide.selectTitle' : 'targeting.decide.waiveTitle');
  return (
    <dialog ref={dialog} className="dialog decision-dialog" aria-labelledby="decision-title" onClose={onClose}>
      <h2 id="decision-title">{title}</h2>
      <p className="muted">
        <span className="mono">{row.container ?? row.bl ?? row.id}</span> · {row.consignee ?? '—'} · {t('targeting.column.score')} {row.score}
      </p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <div className="field">
          <label htmlFor="decision-reason">{t('targeting.decide.reason')}</label>
          <textarea
            id="decision-reason"
            name="reason"
            rows={4}
            value={reason}
            autoFocus
            aria-invalid={missing}
            aria-describedby={missing ? 'decision-reason-error' : 'decision-reason-hint'}
            onChange={(event) => {
              setReason(event.target.value);
              setMissing(false);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
            }}
          />
          {missing ? (
            <p id="decision-reason-error" className="field-error">
              {t('targeting.decide.reasonRequired')}
            </p>
          ) : (
            <p id="decision-reason-hint" className="field-hint">
              {t('targeting.decide.reasonHint')}
            </p>
          )}
        </div>
        {failure && <Notice kind="error">{failure}</Notice>}
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={choice === 'select' ? 'primary' : 'secondary'} disabled={busy}>
            {t(choice === 'select' ? 'targeting.decide.select' : 'targeting.decide.waive')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

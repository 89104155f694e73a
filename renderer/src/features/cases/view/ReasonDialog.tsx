import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { Notice } from '../../../components/Notice';

/**
 * A modal that asks for a reason and runs one action with it: voiding a
 * record (reason required: it is kept and audited) or moving a case's status
 * (reason optional). Ctrl+Enter confirms, Esc cancels.
 */
export function ReasonDialog({
  title,
  intro,
  label,
  hint,
  confirm,
  required,
  danger,
  onConfirm,
  onClose,
  testId,
}: {
  title: string;
  intro?: string;
  label: string;
  hint?: string;
  confirm: string;
  required: boolean;
  danger?: boolean;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const id = useId();
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
    if (busy) return;
    if (required && !reason.trim()) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm(reason.trim());
    } catch (error) {
      setFailure(errorText(error));
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog reason-dialog" aria-labelledby={`${id}-title`} onClose={onClose} data-testid={testId}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro && <p className="muted">{intro}</p>}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <div className={missing ? 'field invalid' : 'field'}>
          <label htmlFor={`${id}-reason`}>{label}</label>
          <textarea
            id={`${id}-reason`}
            rows={4}
            value={reason}
            autoFocus
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? `${id}-error` : hint ? `${id}-hint` : undefined}
            onChange={(event) => {
              setReason(event.target.value);
              setMissing(false);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
            }}
          />
          {missing ? (
            <span id={`${id}-error`} className="field-error">
              {t('cases.reason.required')}
            </span>
          ) : (
            hint && (
              <span id={`${id}-hint`} className="field-hint">
                {hint}
              </span>
            )
          )}
        </div>
        {failure && <Notice kind="error">{failure}</Notice>}
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>
            {confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}

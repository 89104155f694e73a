import { useId } from 'react';
import { useI18n } from '../../../app/i18n';
import { DialogActions, ModalDialog } from '../../../components/ModalDialog';
import { Notice } from '../../../components/Notice';
import { useReasonForm } from '../../../components/useReasonForm';

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
  const id = useId();
  const form = useReasonForm({ required, run: onConfirm });

  return (
    <ModalDialog className="dialog reason-dialog" labelledBy={`${id}-title`} onClose={onClose} testId={testId}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro && <p className="muted">{intro}</p>}
      <form className="form" onSubmit={(event) => void form.submit(event)} noValidate aria-busy={form.busy}>
        <div className={form.missing ? 'field invalid' : 'field'}>
          <label htmlFor={`${id}-reason`}>{label}</label>
          <textarea
            id={`${id}-reason`}
            rows={4}
            value={form.reason}
            autoFocus
            aria-invalid={form.missing ? true : undefined}
            aria-describedby={form.missing ? `${id}-error` : hint ? `${id}-hint` : undefined}
            onChange={(event) => form.change(event.target.value)}
            onKeyDown={form.submitOnCtrlEnter}
          />
          {form.missing ? (
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
        {form.failure && <Notice kind="error">{form.failure}</Notice>}
        <DialogActions busy={form.busy} onCancel={onClose}>
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={form.busy}>
            {confirm}
          </button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}

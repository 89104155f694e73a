import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../app/i18n';

/**
 * A modal <dialog>, opened on mount so focus is trapped inside and Esc closes
 * it; `onClose` runs for Esc as for Cancel, so the caller unmounts it.
 */
export function ModalDialog({
  className,
  labelledBy,
  onClose,
  testId,
  children,
}: {
  className: string;
  /** Id of the dialog's title. */
  labelledBy: string;
  onClose: () => void;
  testId?: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    // Under StrictMode the effect runs twice; showModal on an open dialog throws.
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog ref={dialog} className={className} aria-labelledby={labelledBy} onClose={onClose} data-testid={testId}>
      {children}
    </dialog>
  );
}

/** The row under a dialog's form: Cancel, then the dialog's own submit button. */
export function DialogActions({ busy, onCancel, children }: { busy: boolean; onCancel: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </button>
      {children}
    </div>
  );
}

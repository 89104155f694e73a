import { useId } from 'react';
import { useI18n } from '../../app/i18n';
import { TextField } from '../../components/Field';

/** A 24-hour "YYYY-MM-DD HH:MM" input (the same in every UI language) with a button that puts in the current time. */
export function TimeField({
  label,
  hint,
  value,
  disabled,
  error,
  onChange,
  onNow,
}: {
  label: string;
  hint?: string;
  value: string;
  disabled?: boolean;
  error: string | null;
  onChange: (value: string) => void;
  onNow: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="time-field">
      <TextField
        label={label}
        hint={hint ?? t('examination.time.hint')}
        value={value}
        placeholder="2026-03-02 14:30"
        autoComplete="off"
        className="time-input"
        disabled={disabled}
        error={error}
        onChange={onChange}
      />
      <button type="button" className="small now-button" disabled={disabled} aria-label={t('examination.time.nowFor', { field: label })} onClick={onNow}>
        {t('examination.time.now')}
      </button>
    </div>
  );
}

/** A labelled textarea laid out like the other fields (label above, hint or problem below). */
export function TextArea({
  label,
  hint,
  value,
  disabled,
  error,
  onChange,
  rows = 3,
  autoFocus,
}: {
  label: string;
  hint?: string;
  value: string;
  disabled?: boolean;
  error?: string | null;
  onChange: (value: string) => void;
  rows?: number;
  autoFocus?: boolean;
}) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        disabled={disabled}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : (
        hint && (
          <span id={`${id}-hint`} className="field-hint">
            {hint}
          </span>
        )
      )}
    </div>
  );
}

/** Takes one row out of a form's list (participants, seals, samples, linked parties); its label names the row for screen readers. */
export function RemoveRowButton({ label, disabled, onRemove }: { label: string; disabled?: boolean; onRemove: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="small row-remove" disabled={disabled} aria-label={label} onClick={onRemove}>
      {t('cases.action.remove')}
    </button>
  );
}

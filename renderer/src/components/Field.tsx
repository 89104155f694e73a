import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldFrame {
  readonly label: string;
  /** A standing rule or example under the input (the password rule, a code format). */
  readonly hint?: string | undefined;
  /**
   * Translated problem with the value; marks the input invalid for assistive
   * technology too. An empty string marks it without words (the form's own
   * message already says why, e.g. "Wrong password.").
   */
  readonly error?: string | null | undefined;
  readonly className?: string | undefined;
}

interface FieldIds {
  readonly id: string;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-invalid': true | undefined;
}

/** Label above, input, hint and error below: every form in the app lays fields out alike. */
function Frame({ label, hint, error, className, children }: FieldFrame & { children: (ids: FieldIds) => ReactNode }) {
  const id = useId();
  // A problem replaces the standing rule below the input: it says the same thing, for this value.
  const shownHint = error ? undefined : hint;
  const hintId = shownHint ? `${id}-hint` : undefined;
  const invalid = error !== null && error !== undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', invalid ? 'invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': invalid ? true : undefined })}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
      {shownHint && (
        <span id={hintId} className="field-hint">
          {shownHint}
        </span>
      )}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'className'>;

export function TextField({
  label,
  hint,
  error,
  className,
  value,
  onChange,
  suffix,
  ...input
}: FieldFrame &
  InputProps & {
    value: string;
    onChange: (value: string) => void;
    /** A unit after the input ("minutes without activity"), read as part of the sentence. */
    suffix?: string;
  }) {
  return (
    <Frame label={label} hint={hint} error={error} className={className}>
      {(ids) => {
        const control = <input {...input} {...ids} value={value} onChange={(event) => onChange(event.target.value)} />;
        if (!suffix) return control;
        return (
          <span className="field-control">
            {control}
            <span className="field-suffix">{suffix}</span>
          </span>
        );
      }}
    </Frame>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'id' | 'className'>;

export function SelectField({
  label,
  hint,
  error,
  className,
  value,
  onChange,
  children,
  ...select
}: FieldFrame & SelectProps & { value: string; onChange: (value: string) => void; children: ReactNode }) {
  return (
    <Frame label={label} hint={hint} error={error} className={className}>
      {(ids) => (
        <select {...select} {...ids} value={value} onChange={(event) => onChange(event.target.value)}>
          {children}
        </select>
      )}
    </Frame>
  );
}

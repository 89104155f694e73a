import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ErrorCode } from '../../../shared/ipc/errors';
import { useI18n } from '../app/i18n';
import { errorCode, invalidFields, useErrorText } from './api-errors';

type Values<F extends string> = Record<F, string>;
type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface FormOptions<F extends string, R> {
  readonly initial: Values<F>;
  /** Checks the obvious before a call (and before a one-second password check); translated messages. */
  readonly validate?: (values: Values<NoInfer<F>>) => FieldErrors<NoInfer<F>>;
  /** Refusals that are about one field, e.g. WRONG_PASSWORD → the password field. */
  readonly fieldFor?: Partial<Record<ErrorCode, NoInfer<F>>>;
  /** What to say under a field the main process named in INVALID_INPUT (default: "Check this field"). */
  readonly invalidMessage?: FieldErrors<NoInfer<F>>;
  /** Fields emptied after a refusal, so a wrong password is not sent twice. */
  readonly clearOnError?: readonly NoInfer<F>[];
  /** Back to `initial` after success, ready for the next entry (adding several users in a row). */
  readonly resetOnDone?: boolean;
  readonly submit: (values: Values<NoInfer<F>>) => Promise<R>;
  readonly onDone?: (result: R, values: Values<NoInfer<F>>) => void;
}

export interface Form<F extends string> {
  readonly values: Values<F>;
  set(field: F): (value: string) => void;
  readonly busy: boolean;
  /** The form-level message (a refusal, or "correct the highlighted fields"). */
  readonly error: string | null;
  fieldError(field: F): string | null;
  onSubmit(event: FormEvent): void;
}

/**
 * State, client checks, submission and translated refusals of one form. After
 * a failed attempt the first invalid field gets the focus, as desktop forms do.
 */
export function useForm<F extends string, R>(options: FormOptions<F, R>): Form<F> {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [values, setValues] = useState<Values<F>>(options.initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>({});
  const [error, setError] = useState<unknown>(null);
  const [clientInvalid, setClientInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // Taken from the submit event, so callers need not pass a ref around.
  const formElement = useRef<HTMLFormElement | null>(null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    if (attempt === 0) return;
    formElement.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const set = useCallback(
    (field: F) => (value: string) => {
      setValues((current) => ({ ...current, [field]: value }));
      setFieldErrors((current) => {
        if (!(field in current)) return current;
        const next = { ...current };
        delete next[field];
        return next;
      });
    },
    [],
  );

  const serverFieldErrors = (failure: unknown): FieldErrors<F> => {
    const { fieldFor = {}, invalidMessage = {}, initial } = latest.current;
    const result: FieldErrors<F> = {};
    const messages: FieldErrors<F> = invalidMessage;
    for (const name of invalidFields(failure)) {
      if (Object.hasOwn(initial, name)) result[name as F] = messages[name as F] ?? t('validation.invalid');
    }
    const code = errorCode(failure);
    const field = code ? fieldFor[code] : undefined;
    // Marked without words: the form's message already says it once.
    if (field) result[field] = '';
    return result;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (event.currentTarget instanceof HTMLFormElement) formElement.current = event.currentTarget;
    const { validate, submit, onDone, clearOnError = [], resetOnDone = false } = latest.current;
    const problems = validate?.(values) ?? {};
    if (Object.keys(problems).length > 0) {
      setFieldErrors(problems);
      setClientInvalid(true);
      setError(null);
      setAttempt((n) => n + 1);
      return;
    }
    setFieldErrors({});
    setClientInvalid(false);
    setError(null);
    setBusy(true);
    const sent = values;
    submit(sent).then(
      (result) => {
        setBusy(false);
        if (resetOnDone) setValues(latest.current.initial);
        onDone?.(result, sent);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
        setFieldErrors(serverFieldErrors(failure));
        if (clearOnError.length > 0) {
          setValues((current) => {
            const next = { ...current };
            for (const field of clearOnError) next[field] = '';
            return next;
          });
        }
        setAttempt((n) => n + 1);
      },
    );
  };

  const fieldMessage = fieldErrors as Partial<Record<F, string>>;
  return {
    values,
    set,
    busy,
    error: error !== null ? errorText(error) : clientInvalid ? t('validation.summary') : null,
    fieldError: (field) => fieldMessage[field] ?? null,
    onSubmit,
  };
}

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { MessageKey } from '../../../../shared/i18n';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useErrorText } from '../../components/api-errors';
import { serverFieldPaths } from './examination/exam-model';

/**
 * How the casework forms (examination, seizure, custody) check and send a
 * draft: the rules run on the first attempt and then as the officer types (a
 * fixed field loses its message at once); a refusal from main is shown, the
 * fields it names are marked, and the first marked field takes the focus;
 * Ctrl+Enter sends from anywhere in the form.
 */
export function useCheckedSubmit<D>(draft: D, validate: (draft: D) => Readonly<Record<string, MessageKey>>) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [checked, setChecked] = useState(false);
  const [serverPaths, setServerPaths] = useState<readonly string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const errors = checked ? validate(draft) : {};
  const errorOf = (path: string): string | null => {
    const key = errors[path];
    if (key) return t(key);
    return serverPaths.includes(path) ? t('validation.invalid') : null;
  };
  const message = failure ?? (Object.keys(errors).length > 0 ? t('validation.summary') : null);

  /** The draft changed: main's marks on fields no longer apply. */
  const edited = () => setServerPaths([]);

  /** Checks the draft and, when it passes, runs `send` (busy meanwhile). */
  const submit = async (send: (draft: D) => Promise<void>) => {
    if (busy) return;
    setChecked(true);
    setServerPaths([]);
    setFailure(null);
    if (Object.keys(validate(draft)).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await send(draft);
    } catch (error) {
      setFailure(errorText(error));
      if (error instanceof ApiError && error.code === 'INVALID_INPUT') setServerPaths(serverFieldPaths(error.details));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  /** The form's handlers: submit (button, Enter) and Ctrl+Enter from any field. */
  const handlers = (send: () => void) => ({
    onSubmit: (event: FormEvent) => {
      event.preventDefault();
      send();
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        send();
      }
    },
  });

  return { form, busy, errorOf, message, edited, submit, handlers };
}

import { useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useErrorText } from './api-errors';

/**
 * State of a form that records one action with a reason: the reason typed,
 * whether it was found missing, the action running, and its failure in words.
 * A missing reason stops the submit; `input`, where given, takes the cursor
 * back to it. The action either ends the form (the caller unmounts it)
 * or throws; a failure is shown and the form is usable again for another try.
 */
export function useReasonForm({
  required = true,
  ready = true,
  input,
  run,
}: {
  required?: boolean;
  /** False when something else the form needs is missing; the submit does nothing. */
  ready?: boolean;
  /** The reason's textarea, to focus when the reason is missing. */
  input?: RefObject<HTMLTextAreaElement | null>;
  run: (reason: string) => Promise<void>;
}) {
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    // A second Ctrl+Enter while the first is on its way would record twice.
    if (busy) return;
    if (required && !reason.trim()) {
      setMissing(true);
      input?.current?.focus();
      return;
    }
    if (!ready) return;
    setBusy(true);
    setFailure(null);
    try {
      await run(reason.trim());
    } catch (error) {
      setFailure(errorText(error));
      setBusy(false);
    }
  };

  return {
    reason,
    missing,
    busy,
    failure,
    submit,
    change: (value: string) => {
      setReason(value);
      setMissing(false);
    },
    /** Ctrl+Enter (Cmd+Enter) in the reason submits, as a newline is what plain Enter types. */
    submitOnCtrlEnter: (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
    },
  };
}

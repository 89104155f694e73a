import { useState } from 'react';
import type { AuditVerdict } from '../../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { useErrorText } from '../../components/api-errors';
import { Notice } from '../../components/Notice';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; verdict: AuditVerdict } | { kind: 'failed'; error: unknown };

/** Walks the hash chain in main and says, in words, whether anything was edited, removed or reordered. */
export function AuditVerifyPanel({ onVerified }: { onVerified: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const verify = () => {
    setState({ kind: 'busy' });
    api.invoke('audit.verify').then(
      (verdict) => {
        setState({ kind: 'done', verdict });
        // The check is itself recorded: show its entry.
        onVerified();
      },
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  };

  return (
    <div className="verify-bar">
      <button type="button" className={state.kind === 'busy' ? 'secondary busy' : 'secondary'} onClick={verify} disabled={state.kind === 'busy'}>
        {state.kind === 'busy' ? t('audit.verify.busy') : t('audit.verify')}
      </button>
      {state.kind === 'done' && <Verdict verdict={state.verdict} />}
      {state.kind === 'failed' && <Notice kind="error">{errorText(state.error)}</Notice>}
    </div>
  );
}

function Verdict({ verdict }: { verdict: AuditVerdict }) {
  const { t } = useI18n();
  if (verdict.ok) {
    return (
      <Notice kind="success" testId="audit-verdict">
        {t('audit.verify.ok', { count: verdict.entries })}
      </Notice>
    );
  }
  // The core always names the first broken entry; a dash keeps the sentence readable if it did not.
  const broken = verdict.firstBroken;
  return (
    <Notice kind="error" testId="audit-verdict">
      {t('audit.verify.broken', { seq: broken?.seq ?? '—', reason: broken ? t(`audit.reason.${broken.reason}`) : '—' })}
    </Notice>
  );
}

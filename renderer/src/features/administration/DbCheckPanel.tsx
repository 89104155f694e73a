import { useState } from 'react';
import type { DbCheckResult } from '../../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { useErrorText } from '../../components/api-errors';
import { Notice } from '../../components/Notice';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; result: DbCheckResult } | { kind: 'failed'; error: unknown };

/** Page authentication codes and structure of the open database, on demand. */
export function DbCheckPanel() {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const check = () => {
    setState({ kind: 'busy' });
    api.invoke('db.check').then(
      (result) => setState({ kind: 'done', result }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  };

  return (
    <section className="panel form-panel" aria-labelledby="dbcheck-title">
      <h2 id="dbcheck-title">{t('dbcheck.title')}</h2>
      <p className="muted">{t('dbcheck.intro')}</p>
      <div className="verify-bar">
        <button type="button" className={state.kind === 'busy' ? 'secondary busy' : 'secondary'} onClick={check} disabled={state.kind === 'busy'}>
          {state.kind === 'busy' ? t('dbcheck.busy') : t('dbcheck.run')}
        </button>
        {state.kind === 'done' && state.result.ok && (
          <Notice kind="success" testId="dbcheck-result">
            {t('dbcheck.ok')}
          </Notice>
        )}
        {state.kind === 'done' && !state.result.ok && (
          <Notice kind="error" testId="dbcheck-result">
            {t('dbcheck.problems')}
            {/* The core's own words: technical, for IT, as the CLI prints them. */}
            <ul className="problems">
              {state.result.problems.map((problem) => (
                <li key={problem}>
                  <code>{problem}</code>
                </li>
              ))}
            </ul>
          </Notice>
        )}
        {state.kind === 'failed' && <Notice kind="error">{errorText(state.error)}</Notice>}
      </div>
    </section>
  );
}

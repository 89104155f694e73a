import { useState } from 'react';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';

/**
 * Rules apply to lines scored from now on; lines already loaded keep the
 * score they had until they are scored again. Said after each change (new
 * watch-list entries, a new profile version), with the way to do it at hand.
 */
export function RescoreOffer({ message, onDismiss, testId = 'rescore-offer' }: { message: string; onDismiss: () => void; testId?: string }) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string }>({ kind: 'idle' });

  const rescore = () => {
    setState({ kind: 'busy' });
    api.invoke('targets.rescore', {}).then(
      (summary) =>
        setState({
          kind: 'done',
          text: t('watchlist.rescore.done', { lines: summary.lines, red: summary.red, yellow: summary.yellow, green: summary.green, hits: summary.watchlistHits }),
        }),
      (error: unknown) => setState({ kind: 'error', text: errorText(error) }),
    );
  };

  if (state.kind === 'done') {
    return (
      <div className="notice notice-success rescore-offer" role="status" data-testid={testId}>
        <span>{state.text}</span>
        <button type="button" className="small" onClick={onDismiss}>
          {t('common.close')}
        </button>
      </div>
    );
  }
  return (
    <div className={state.kind === 'error' ? 'notice notice-error rescore-offer' : 'notice notice-info rescore-offer'} role={state.kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <span>
        {message}
        {state.kind === 'error' && (
          <>
            <br />
            {state.text}
          </>
        )}
      </span>
      <button type="button" className={state.kind === 'busy' ? 'primary busy' : 'primary'} onClick={rescore} disabled={state.kind === 'busy'}>
        {t(state.kind === 'busy' ? 'watchlist.rescore.busy' : 'watchlist.rescore.run')}
      </button>
      <button type="button" className="secondary" onClick={onDismiss} disabled={state.kind === 'busy'}>
        {t('watchlist.rescore.later')}
      </button>
    </div>
  );
}

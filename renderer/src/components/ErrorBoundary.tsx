import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { errorCodes } from '../../../shared/ipc/errors';
import { ApiError } from '../api/client';
import { useI18n } from '../app/i18n';

interface Props {
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * Catches a render failure in one section so the rest of the workstation
 * (navigation, language, other sections) keeps working. The officer sees a
 * translated message; the technical text is folded away for IT.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is the renderer's log; in Electron it reaches the main process log.
    console.error('section failed', error.name, error.message, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render() {
    if (this.state.error) return <ErrorPanel error={this.state.error} onRetry={this.retry} />;
    return this.props.children;
  }
}

export function errorMessageKey(error: unknown): MessageKey | null {
  if (error instanceof ApiError && (errorCodes as readonly string[]).includes(error.code)) {
    return `error.${error.code}` as MessageKey;
  }
  return null;
}

function ErrorPanel({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n();
  const key = errorMessageKey(error);
  const detail = error instanceof ApiError ? error.message : `${error.name}: ${error.message}`;
  return (
    <section className="error-panel" role="alert">
      <h2>{t('error.boundary.title')}</h2>
      {key && <p className="error-reason">{t(key, { detail })}</p>}
      <p>{t('error.boundary.body')}</p>
      <button type="button" onClick={onRetry}>
        {t('error.boundary.retry')}
      </button>
      <details>
        <summary>{t('error.boundary.details')}</summary>
        <code>{error instanceof ApiError ? `${error.code}: ${detail}` : detail}</code>
      </details>
    </section>
  );
}

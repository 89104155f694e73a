import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Language } from '../../shared/i18n';
import { bridgeFromWindow, createApiClient } from './api/client';
import { ApiProvider } from './app/api-context';
import { I18nProvider } from './app/i18n';
import { SessionGate } from './app/session/SessionGate';
import { ErrorBoundary } from './components/ErrorBoundary';
import './styles.css';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  const api = createApiClient(bridgeFromWindow());
  // The language must be known before the first paint, or the officer sees English flash by.
  const language: Language = await api.invoke('settings.get').then(
    (settings) => settings.language,
    () => (navigator.language.startsWith('ru') ? 'ru' : 'en'),
  );
  createRoot(root).render(
    <StrictMode>
      <ApiProvider client={api}>
        <I18nProvider initial={language}>
          {/* If even the session status cannot be read, say so (translated) and offer a retry. */}
          <ErrorBoundary>
            <SessionGate />
          </ErrorBoundary>
        </I18nProvider>
      </ApiProvider>
    </StrictMode>,
  );
}

void start();

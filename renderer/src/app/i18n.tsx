import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { translator, type Language, type Translate } from '../../../shared/i18n';
import { useApi } from './api-context';

interface I18n {
  readonly language: Language;
  readonly t: Translate;
  setLanguage(language: Language): Promise<void>;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * The UI language is a machine-local setting kept by the main process, so the
 * menu, the PDFs and every window agree; this provider mirrors it and follows
 * `settings.changed` (e.g. when the officer picks a language from the menu).
 */
export function I18nProvider({ initial, children }: { initial: Language; children: ReactNode }) {
  const api = useApi();
  const [language, setLanguageState] = useState<Language>(initial);

  useEffect(() => api.on('settings.changed', (settings) => setLanguageState(settings.language)), [api]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback(
    async (next: Language) => {
      const saved = await api.invoke('settings.set', { language: next });
      setLanguageState(saved.language);
    },
    [api],
  );

  const value = useMemo(() => ({ language, t: translator(language), setLanguage }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

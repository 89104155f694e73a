import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { LanguageSwitch } from '../../app/LanguageSwitch';

/**
 * The frame of every screen shown without an unlocked session (setup,
 * recovery key, login, lock): one centred card on the dark sidebar colour,
 * the language switch always at hand.
 */
export function AuthScreen({
  title,
  width = 'narrow',
  screen,
  children,
}: {
  title: string;
  width?: 'narrow' | 'wide';
  /** Names the screen for tests and for the print stylesheet. */
  screen: 'setup' | 'recovery' | 'login' | 'lock';
  children: ReactNode;
}) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t('app.name')} — ${title}`;
  }, [t, title]);

  return (
    <div className="auth-screen" data-screen={screen}>
      <header className="auth-bar">
        <span className="brand">{t('app.name')}</span>
        <span className="topbar-spacer" />
        <LanguageSwitch />
      </header>
      <main className={`auth-card ${width}`}>
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}

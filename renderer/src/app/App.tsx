import { useEffect, useRef, type ReactNode } from 'react';
import { assertNever } from '../../../shared/ipc/errors';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { AboutPage } from '../features/about/AboutPage';
import { AdministrationPage } from '../features/administration/AdministrationPage';
import { CasesPage } from '../features/cases/CasesPage';
import { ExchangePage } from '../features/exchange/ExchangePage';
import { ManifestsPage } from '../features/manifests/ManifestsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { TargetingPage } from '../features/targeting/TargetingPage';
import { UpdateIndicator } from '../features/updates/UpdateIndicator';
import { useApi } from './api-context';
import { useI18n } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { Navigation } from './Navigation';
import { useSession } from './session/session-context';
import { UserMenu } from './UserMenu';
import { sections, type Section } from './sections';
import { useSection } from './useSection';

function sectionPage(section: Section): ReactNode {
  switch (section) {
    case 'targeting':
      return <TargetingPage />;
    case 'manifests':
      return <ManifestsPage />;
    case 'cases':
      return <CasesPage />;
    case 'reports':
      return <ReportsPage />;
    case 'exchange':
      return <ExchangePage />;
    case 'administration':
      return <AdministrationPage />;
    case 'about':
      return <AboutPage />;
    default:
      return assertNever(section, 'section');
  }
}

export function App() {
  const { t } = useI18n();
  const [section, setSection] = useSection();
  const main = useRef<HTMLElement>(null);
  const api = useApi();
  const { info } = useSession();

  // The application menu (Help > About) asks main to open a section.
  useEffect(() => api.on('app.navigate', ({ section: target }) => setSection(target)), [api, setSection]);

  // Ctrl+1…7 (Cmd on macOS) jump to a section from anywhere, like tabs in a desktop program.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const index = Number(event.key) - 1;
      const target = sections[index];
      if (target === undefined) return;
      event.preventDefault();
      setSection(target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setSection]);

  useEffect(() => {
    document.title = `${t('app.name')} — ${t(`nav.${section}`)}`;
  }, [section, t]);

  return (
    <div className="workstation">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <span className="unit-name" data-testid="unit-name">
          {info.unit.name} · {info.unit.locode}
        </span>
        <span className="topbar-spacer" />
        <UserMenu />
        <LanguageSwitch />
      </header>
      <Navigation current={section} onSelect={setSection} />
      <main className="content" ref={main} data-section={section}>
        {/* Keyed by section: a failure in one section is forgotten when the officer moves on. */}
        <ErrorBoundary key={section}>{sectionPage(section)}</ErrorBoundary>
      </main>
      <footer className="statusbar">
        <span>{t('status.offline')}</span>
        <span className="topbar-spacer" />
        <UpdateIndicator />
        <span>{t('status.ready')}</span>
      </footer>
    </div>
  );
}

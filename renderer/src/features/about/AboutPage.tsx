import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';
import { useLoad } from '../../components/useLoad';

export function AboutPage() {
  const api = useApi();
  const { t, language } = useI18n();
  // Reloaded when the language changes, so the page shows what main now reports.
  const info = useLoad(() => api.invoke('app.info'), language);
  if (!info) return <p className="muted">{t('status.loading')}</p>;

  const runtime = [
    info.runtime.electron && `Electron ${info.runtime.electron}`,
    info.runtime.chrome && `Chromium ${info.runtime.chrome}`,
    `Node.js ${info.runtime.node}`,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <PageHeader title={t('about.title')} />
      <div className="panel about">
        <h2>{info.name}</h2>
        <p className="muted">{t('app.tagline')}</p>
        <dl className="facts">
          <dt>{t('about.version')}</dt>
          <dd data-testid="about-version">{info.version}</dd>
          <dt>{t('about.dataDir')}</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
          <dt>{t('about.platform')}</dt>
          <dd>{info.platform}</dd>
          <dt>{t('about.language')}</dt>
          <dd>{t(`language.${info.language}`)}</dd>
          <dt>{t('about.runtime')}</dt>
          <dd>{runtime}</dd>
        </dl>
        <p>{t('about.offline')}</p>
        <p className="muted">{t('about.programme')}</p>
      </div>
    </>
  );
}

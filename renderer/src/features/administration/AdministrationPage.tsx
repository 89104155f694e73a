import { useI18n } from '../../app/i18n';
import { EmptyPanel } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function AdministrationPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('administration.title')} />
      <EmptyPanel title="administration.empty.title" body="administration.empty.body" />
    </>
  );
}

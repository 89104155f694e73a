import { useI18n } from '../../app/i18n';
import { EmptyPanel } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function ReportsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('reports.title')} />
      <EmptyPanel title="reports.empty.title" body="reports.empty.body" />
    </>
  );
}

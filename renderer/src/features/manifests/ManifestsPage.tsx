import { useI18n } from '../../app/i18n';
import { EmptyTable } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function ManifestsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('manifests.title')} />
      <EmptyTable
        columns={[
          'manifests.column.received',
          'manifests.column.vessel',
          'manifests.column.voyage',
          'manifests.column.lines',
          'manifests.column.source',
        ]}
        title="manifests.empty.title"
        body="manifests.empty.body"
      />
    </>
  );
}

import { useI18n } from '../../app/i18n';
import { EmptyTable } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function CasesPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('cases.title')} />
      <EmptyTable
        columns={['cases.column.reference', 'cases.column.status', 'cases.column.officer', 'cases.column.opened']}
        title="cases.empty.title"
        body="cases.empty.body"
      />
    </>
  );
}

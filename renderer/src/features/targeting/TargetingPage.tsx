import { useI18n } from '../../app/i18n';
import { EmptyTable } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function TargetingPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('targeting.title')} />
      <EmptyTable
        columns={[
          'targeting.column.rank',
          'targeting.column.score',
          'targeting.column.container',
          'targeting.column.bl',
          'targeting.column.consignee',
          'targeting.column.goods',
          'targeting.column.indicators',
        ]}
        title="targeting.empty.title"
        body="targeting.empty.body"
      />
    </>
  );
}

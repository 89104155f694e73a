import type { ImportFileResult } from '../../../../../shared/ipc/contract';
import { useI18n } from '../../../app/i18n';
import type { Upload } from './file-upload';
import { ImportResultCard } from './ImportResultCard';
import type { ImportOutcome } from './useManifestImport';

const statuses: readonly ImportFileResult['status'][] = ['imported', 'duplicate', 'rejected'];

/** The answer to the last import, file by file, with the totals on top. */
export function ImportSummary({
  outcomes,
  onMapColumns,
  onOpen,
  onClear,
}: {
  outcomes: readonly ImportOutcome[];
  onMapColumns: (upload: Upload, storedAs: number | null) => void;
  onOpen: (manifestId: number) => void;
  onClear: () => void;
}) {
  const { t } = useI18n();
  const counts = statuses
    .map((status) => ({ status, count: outcomes.filter((outcome) => outcome.result.status === status).length }))
    .filter(({ count }) => count > 0);

  return (
    <section className="import-summary" aria-labelledby="import-summary-title" data-testid="import-summary">
      <header className="import-summary-header">
        <h3 id="import-summary-title">{t('manifests.summary.title')}</h3>
        <span className="summary-counts" data-testid="import-counts">
          {counts.map(({ status, count }) => t(`manifests.summary.${status}`, { count })).join(' · ')}
        </span>
        <span className="spacer" />
        <button type="button" className="small" onClick={onClear}>
          {t('manifests.summary.clear')}
        </button>
      </header>
      {outcomes.map((outcome, index) => (
        <ImportResultCard key={`${index}:${outcome.result.file}`} outcome={outcome} onMapColumns={onMapColumns} onOpen={onOpen} />
      ))}
    </section>
  );
}

import type { ImportFileResult } from '../../../../../shared/ipc/contract';
import { useI18n } from '../../../app/i18n';
import { AmendmentView } from '../AmendmentView';
import { formatCount, formatDecimalText, formatName, isTabularFormat } from '../format';
import { ImportedProblems } from '../ProblemGroups';
import type { Upload } from './file-upload';
import type { ImportOutcome } from './useManifestImport';

type Status = ImportFileResult['status'];

function StatusBadge({ status }: { status: Status }) {
  const { t } = useI18n();
  return <span className={`status-badge status-${status}`}>{t(`manifests.status.${status}`)}</span>;
}

/** A file whose columns come from a header row, kept in this window, can be (re)mapped. */
function mappable({ result, upload }: ImportOutcome): Upload | null {
  if (!upload) return null;
  if (result.status === 'rejected') return result.error?.code === 'MANIFEST_NO_HEADER' ? upload : null;
  return isTabularFormat(result.format) ? upload : null;
}

function ResultFacts({ result }: { result: ImportFileResult }) {
  const { t, language } = useI18n();
  return (
    <dl className="result-facts">
      <dt>{t('manifests.fact.vessel')}</dt>
      <dd>{result.vessel ?? '—'}</dd>
      <dt>{t('manifests.fact.voyage')}</dt>
      <dd>{result.voyage ?? '—'}</dd>
      <dt>{t('manifests.fact.lines')}</dt>
      <dd>{formatCount(result.lines, language)}</dd>
      <dt>{t('manifests.fact.containers')}</dt>
      <dd>{formatCount(result.containers, language)}</dd>
      <dt>{t('manifests.fact.weight')}</dt>
      <dd>{t('manifests.kg', { weight: formatDecimalText(result.totalGrossWeightKg, language) })}</dd>
    </dl>
  );
}

/** One file's outcome: what was stored, what is wrong with it, or why it was refused. */
export function ImportResultCard({
  outcome,
  onMapColumns,
  onOpen,
}: {
  outcome: ImportOutcome;
  /** `storedAs`: the manifest this very file is already stored as, if any. */
  onMapColumns: (upload: Upload, storedAs: number | null) => void;
  onOpen: (manifestId: number) => void;
}) {
  const { t } = useI18n();
  const { result } = outcome;
  const { manifestId } = result;
  const upload = mappable(outcome);
  const needsMapping = result.error?.code === 'MANIFEST_NO_HEADER';

  return (
    <article className={`import-result status-${result.status}`} data-file={result.file} data-status={result.status}>
      <header className="import-result-header">
        <StatusBadge status={result.status} />
        <h4 className="result-file">{result.file}</h4>
        {result.format && <span className="tag">{formatName(result.format)}</span>}
        <span className="spacer" />
        {upload && (
          <button type="button" className={needsMapping ? 'primary small' : 'small'} onClick={() => onMapColumns(upload, result.status === 'rejected' ? null : manifestId)}>
            {t('manifests.mapColumns')}
          </button>
        )}
        {manifestId !== null && (
          <button type="button" className="small" onClick={() => onOpen(manifestId)}>
            {t('manifests.openManifest', { id: manifestId })}
          </button>
        )}
      </header>
      {result.status === 'rejected' ? (
        // Main has translated it already, naming the file.
        <p className="result-error" role="alert">
          {result.error?.message ?? t('error.INTERNAL')}
        </p>
      ) : (
        <ResultFacts result={result} />
      )}
      {result.status === 'duplicate' && manifestId !== null && <p className="muted">{t('manifests.duplicate.body', { id: manifestId })}</p>}
      {result.badCheckDigitContainers.length > 0 && (
        <p className="check-digits" data-testid="bad-check-digits">
          <span>{t('manifests.badCheckDigits', { count: result.badCheckDigitContainers.length })}</span>{' '}
          {result.badCheckDigitContainers.map((container) => (
            <code key={container}>{container}</code>
          ))}
        </p>
      )}
      {result.problems.length > 0 && (
        <div className="result-problems">
          <h5>{t('manifests.problems.title', { count: result.problems.length })}</h5>
          <ImportedProblems problems={result.problems} fileName={result.file} />
        </div>
      )}
      {result.amendment && (
        <details className="amendment-details">
          <summary>{t('manifests.amendment.title', { id: result.amendment.amendsManifestId })}</summary>
          <AmendmentView amendment={result.amendment} onOpen={onOpen} />
        </details>
      )}
    </article>
  );
}

import { useI18n } from '../../../app/i18n';
import { stageLabel } from '../format';
import type { ImportProgress } from './useManifestImport';

/** Which file main is on, at which stage, and a way out for a file that takes too long. */
export function ImportProgressBar({
  progress,
  cancelling,
  onCancel,
}: {
  progress: ImportProgress | null;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const stageShare = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  // Main reports most stages once, at 0: a bare "0 %" would only look stuck.
  const percent = progress && progress.total > 0 && progress.done > 0 ? Math.floor(stageShare * 100) : null;
  // The bar covers the whole run; the text names the file and its stage.
  const overall = progress && progress.files > 0 ? ((progress.fileIndex + stageShare) / progress.files) * 100 : undefined;

  return (
    <div className="import-progress" data-testid="import-progress">
      <div className="import-progress-text" role="status">
        {progress ? (
          <>
            <span>{t('manifests.progress.file', { index: progress.fileIndex + 1, files: progress.files, file: progress.file })}</span>
            <span className="import-stage">
              {stageLabel(t, progress.stage)}
              {percent !== null && ` · ${t('manifests.progress.percent', { percent })}`}
            </span>
          </>
        ) : (
          <span>{t('manifests.progress.preparing')}</span>
        )}
      </div>
      {/* Without a value the bar is indeterminate: the files are still being read here. */}
      <progress max={100} value={overall} aria-label={t('manifests.progress.label')} />
      <button type="button" className="secondary" onClick={onCancel} disabled={cancelling}>
        {cancelling ? t('manifests.progress.cancelling') : t('common.cancel')}
      </button>
    </div>
  );
}

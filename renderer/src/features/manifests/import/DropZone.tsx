import { useI18n } from '../../../app/i18n';
import { FileDrop } from '../../../components/FileDrop';

/**
 * Where manifest files come in: dropped from the file manager or an e-mail
 * client, or chosen in the system dialog. Any extension is accepted: main
 * recognises the format by content (a CSV named .xls, CUSCAR named .txt).
 */
export function DropZone({ disabled, onFiles }: { disabled: boolean; onFiles: (files: File[]) => void }) {
  const { t } = useI18n();
  return (
    <FileDrop disabled={disabled} onFiles={onFiles} prompt={t('manifests.drop.prompt')} choose={t('manifests.drop.choose')} multiple testId="drop-zone">
      <p className="drop-hint">{t('manifests.drop.hint', { limitMb: 100 })}</p>
    </FileDrop>
  );
}

import { useState, type DragEvent } from 'react';
import { useI18n } from '../../../app/i18n';

/**
 * Where manifest files come in: dropped from the file manager or an e-mail
 * client, or chosen in the system dialog. Any extension is accepted: main
 * recognises the format by content (a CSV named .xls, CUSCAR named .txt).
 */
export function DropZone({ disabled, onFiles }: { disabled: boolean; onFiles: (files: File[]) => void }) {
  const { t } = useI18n();
  const [over, setOver] = useState(false);

  const take = (list: FileList | null) => {
    // Copied first: the list empties when the input is reset.
    const files = list ? [...list] : [];
    if (files.length > 0 && !disabled) onFiles(files);
  };
  // Without preventDefault the browser (or Electron) would open a dropped file itself.
  const allow = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
  };

  return (
    <div
      className={['drop-zone', over ? 'over' : '', disabled ? 'disabled' : ''].filter(Boolean).join(' ')}
      data-testid="drop-zone"
      onDragEnter={(event) => {
        allow(event);
        setOver(true);
      }}
      onDragOver={allow}
      onDragLeave={(event) => {
        // Leaving for a child element is not leaving the zone.
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        take(event.dataTransfer.files);
      }}
    >
      <p className="drop-prompt">
        {t('manifests.drop.prompt')}{' '}
        <label className={disabled ? 'choose-files disabled' : 'choose-files'}>
          {t('manifests.drop.choose')}
          <input
            type="file"
            multiple
            className="visually-hidden"
            disabled={disabled}
            onChange={(event) => {
              take(event.target.files);
              // Choosing the same file again (to see it reported as a duplicate) must fire onChange again.
              event.target.value = '';
            }}
          />
        </label>
      </p>
      <p className="drop-hint">{t('manifests.drop.hint', { limitMb: 100 })}</p>
    </div>
  );
}

import { useId, useState, type DragEvent } from 'react';
import { useI18n } from '../../../app/i18n';

/**
 * Where a watch-list CSV comes in: dropped from the file manager or an e-mail
 * client, or chosen in the system dialog. One file at a time: the dry run
 * answers for one file.
 */
export function CsvDropZone({ disabled, onFile }: { disabled: boolean; onFile: (file: File) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [over, setOver] = useState(false);

  const take = (list: FileList | null) => {
    const file = list?.[0];
    if (file && !disabled) onFile(file);
  };
  // Without preventDefault the browser (or Electron) would open a dropped file itself.
  const allow = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
  };

  return (
    <div
      className={['drop-zone', 'watchlist-drop', over ? 'over' : '', disabled ? 'disabled' : ''].filter(Boolean).join(' ')}
      data-testid="watchlist-drop"
      onDragEnter={(event) => {
        allow(event);
        setOver(true);
      }}
      onDragOver={allow}
      onDragLeave={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        take(event.dataTransfer.files);
      }}
    >
      <p className="drop-prompt">
        {t('watchlist.csv.drop')}{' '}
        {/* The input sits inside its label: the label shows the keyboard focus (`.choose-files:focus-within`). */}
        <label className={disabled ? 'choose-files disabled' : 'choose-files'}>
          {t('watchlist.csv.choose')}
          <input
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            className="visually-hidden"
            disabled={disabled}
            aria-describedby={`${id}-columns`}
            data-testid="watchlist-csv-input"
            onChange={(event) => {
              take(event.target.files);
              // Choosing the same file again after correcting it must fire onChange again.
              event.target.value = '';
            }}
          />
        </label>
      </p>
      <div id={`${id}-columns`} className="drop-hint csv-columns">
        <p>{t('watchlist.csv.columns')}</p>
        <p>{t('watchlist.csv.values')}</p>
        <pre className="csv-example" aria-label={t('watchlist.csv.exampleLabel')}>
          {t('watchlist.csv.example')}
        </pre>
      </div>
    </div>
  );
}

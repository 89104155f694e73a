import { useId } from 'react';
import { useI18n } from '../../../app/i18n';
import { FileDrop } from '../../../components/FileDrop';

/**
 * Where a watch-list CSV comes in: dropped from the file manager or an e-mail
 * client, or chosen in the system dialog. One file at a time: the dry run
 * answers for one file.
 */
export function CsvDropZone({ disabled, onFile }: { disabled: boolean; onFile: (file: File) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <FileDrop
      disabled={disabled}
      // Several dropped at once: the first is taken.
      onFiles={([file]) => {
        if (file) onFile(file);
      }}
      prompt={t('watchlist.csv.drop')}
      choose={t('watchlist.csv.choose')}
      accept=".csv,.txt,text/csv,text/plain"
      className="watchlist-drop"
      testId="watchlist-drop"
      inputTestId="watchlist-csv-input"
      describedBy={`${id}-columns`}
    >
      <div id={`${id}-columns`} className="drop-hint csv-columns">
        <p>{t('watchlist.csv.columns')}</p>
        <p>{t('watchlist.csv.values')}</p>
        <pre className="csv-example" aria-label={t('watchlist.csv.exampleLabel')}>
          {t('watchlist.csv.example')}
        </pre>
      </div>
    </FileDrop>
  );
}

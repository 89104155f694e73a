import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { FactList } from '../ExchangeConsignment';
import { ExportDialog } from './ExportDialog';

/**
 * A seizure notice for partner units. Private persons' names and addresses
 * stay home unless the officer ticks the box (off by default; main records
 * the choice); photos only when asked.
 */
export function SeizureExportDialog({ seizureId, label, onClose }: { seizureId: number; label: string; onClose: () => void }) {
  const { t } = useI18n();
  const [includePersonalData, setIncludePersonalData] = useState(false);
  const [includePhotos, setIncludePhotos] = useState(false);
  const [note, setNote] = useState('');
  const yesNo = (value: boolean) => t(value ? 'common.yes' : 'common.no');

  return (
    <ExportDialog
      title={t('exchange.export.seizure.title', { label })}
      testId="seizure-export-dialog"
      className="seizure-export"
      onClose={onClose}
      prepare={(recipients) => ({ kind: 'seizure-notice', seizureId, recipients, includePersonalData, includePhotos, note: note.trim() })}
      summary={
        <FactList
          items={[
            [t('exchange.export.includePersonalData'), yesNo(includePersonalData)],
            [t('exchange.export.includePhotos'), yesNo(includePhotos)],
            [t('exchange.export.note'), note.trim()],
          ]}
        />
      }
      fields={
        <>
          <div className="checkbox-field">
            <label className="checkbox-label">
              <input type="checkbox" checked={includePersonalData} aria-describedby="seizure-export-personal-hint" onChange={(event) => setIncludePersonalData(event.target.checked)} />{' '}
              {t('exchange.export.includePersonalData')}
            </label>
            <span id="seizure-export-personal-hint" className="field-hint">
              {t('exchange.export.personalDataHint')}
            </span>
          </div>
          <label className="checkbox-label">
            <input type="checkbox" checked={includePhotos} onChange={(event) => setIncludePhotos(event.target.checked)} /> {t('exchange.export.includePhotos')}
          </label>
          <div className="field">
            <label htmlFor="seizure-export-note">{t('exchange.export.note')}</label>
            <textarea id="seizure-export-note" rows={3} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
          </div>
        </>
      }
    />
  );
}

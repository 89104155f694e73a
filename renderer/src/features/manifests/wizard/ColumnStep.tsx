import { useState } from 'react';
import type { LineFieldName } from '../../../../../shared/ipc/contract';
import { useI18n } from '../../../app/i18n';
import type { Upload } from '../import/file-upload';
import type { ColumnMapping } from '../import/useManifestImport';
import { ColumnMappingTable } from './ColumnMappingTable';
import { hasIdentifyingField, mappingOf, type Choices, type HeaderColumn } from './columns';
import { MappingPreview } from './MappingPreview';
import { useMappingPreview, type Preview } from './useMappingPreview';

/**
 * The header's columns with a field each, the live preview under the choices,
 * and the import. Mounted afresh (by key) for each header row the officer
 * points at, so choices never carry over to another row's columns.
 */
export function ColumnStep({
  upload,
  headers,
  samples,
  initialChoices,
  initialPreview,
  busy,
  onImport,
  onClose,
}: {
  upload: Upload;
  headers: readonly HeaderColumn[];
  samples: readonly (readonly string[])[];
  initialChoices: Choices;
  initialPreview: Preview | null;
  busy: boolean;
  onImport: (mapping: ColumnMapping) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [choices, setChoices] = useState<Choices>(initialChoices);
  const [preview, requestPreview] = useMappingPreview(upload, initialPreview);
  const identified = hasIdentifyingField(choices);

  const choose = (header: string, field: LineFieldName | null) => {
    const next = { ...choices, [header]: field };
    setChoices(next);
    // Without a container or B/L column main cannot read a single line: nothing to preview yet.
    requestPreview(hasIdentifyingField(next) ? mappingOf(headers, next) : null);
  };

  return (
    <>
      <fieldset className="wizard-step">
        <legend>{t('manifests.wizard.step.columns')}</legend>
        <p className="muted">{t('manifests.wizard.columns.intro')}</p>
        <ColumnMappingTable headers={headers} samples={samples} choices={choices} disabled={busy} onChoose={choose} />
      </fieldset>
      <MappingPreview state={preview} />
      <p className="wizard-note">{t('manifests.wizard.saved')}</p>
      <div className="form-actions">
        <button type="button" className="secondary" onClick={onClose} disabled={busy}>
          {t('common.close')}
        </button>
        <button
          type="button"
          className={busy ? 'primary busy' : 'primary'}
          disabled={busy || !identified || preview.kind === 'refused'}
          onClick={() => onImport(mappingOf(headers, choices))}
        >
          {t('manifests.wizard.import')}
        </button>
      </div>
    </>
  );
}

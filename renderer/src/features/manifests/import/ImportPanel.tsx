import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { Notice } from '../../../components/Notice';
import { MappingWizard } from '../wizard/MappingWizard';
import { DropZone } from './DropZone';
import type { Upload } from './file-upload';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportSummary } from './ImportSummary';
import { useManifestImport, type ColumnMapping, type ImportOutcome } from './useManifestImport';

/** A file imported again (after mapping its columns) replaces its earlier outcome; new files are added. */
function merge(previous: readonly ImportOutcome[], next: readonly ImportOutcome[]): ImportOutcome[] {
  const merged = [...previous];
  for (const outcome of next) {
    const at = merged.findIndex((earlier) => earlier.result.file === outcome.result.file);
    if (at >= 0) merged[at] = outcome;
    else merged.push(outcome);
  }
  return merged;
}

/**
 * Files in (drop zone or file dialog), progress while main reads them, the
 * outcome per file, and the mapping wizard for a layout nobody recognised.
 */
export function ImportPanel({ onImported, onOpen }: { onImported: () => void; onOpen: (manifestId: number) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const importer = useManifestImport();
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [wizard, setWizard] = useState<{ upload: Upload; storedAs: number | null; refusal: string | null } | null>(null);

  const importFiles = (sources: readonly (File | Upload)[], mapping?: ColumnMapping) => {
    setFailure(null);
    // New files get a summary of their own; a file sent again from the wizard keeps its neighbours'.
    if (!mapping) setOutcomes([]);
    importer.run(sources, mapping).then(
      (next) => {
        // Not merged by name for new files: two folders may each hold a "manifest.xlsx".
        setOutcomes((previous) => (mapping ? merge(previous, next) : next));
        onImported();
        if (mapping) {
          // Refused even with the officer's choices: the wizard stays open and says why.
          const refused = next.find((outcome) => outcome.result.status === 'rejected');
          setWizard((open) => (open && refused ? { ...open, refusal: refused.result.error?.message ?? t('error.INTERNAL') } : null));
          return;
        }
        // The first file nobody could read the columns of goes straight to the wizard; the others wait on their "Map columns…".
        const headerless = next.find((outcome) => outcome.result.error?.code === 'MANIFEST_NO_HEADER' && outcome.upload);
        if (headerless?.upload) setWizard({ upload: headerless.upload, storedAs: null, refusal: null });
      },
      (error: unknown) => setFailure(error),
    );
  };

  return (
    <section className="panel import-panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('manifests.import.title')}</h2>
      {wizard ? (
        <MappingWizard
          key={wizard.upload.name}
          upload={wizard.upload}
          storedAs={wizard.storedAs}
          busy={importer.running}
          refusal={wizard.refusal}
          onImport={(mapping) => importFiles([wizard.upload], mapping)}
          onClose={() => setWizard(null)}
        />
      ) : (
        <DropZone disabled={importer.running} onFiles={(files) => importFiles(files)} />
      )}
      {importer.running && <ImportProgressBar progress={importer.progress} cancelling={importer.cancelling} onCancel={importer.cancel} />}
      {failure !== null && <Notice kind="error">{errorText(failure)}</Notice>}
      {outcomes.length > 0 && (
        <ImportSummary
          outcomes={outcomes}
          onMapColumns={(upload, storedAs) => setWizard({ upload, storedAs, refusal: null })}
          onOpen={onOpen}
          onClear={() => setOutcomes([])}
        />
      )}
    </section>
  );
}

import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { PageHeader } from '../../components/PageHeader';
import { ImportPanel } from './import/ImportPanel';
import { ManifestDetail } from './list/ManifestDetail';
import { ManifestList } from './list/ManifestList';

/** Manifests in: import (with the mapping wizard) on top, what was received below, one manifest opened under it. */
export function ManifestsPage() {
  const { t } = useI18n();
  // Bumped after every import, so the list shows what was just stored.
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);

  return (
    <>
      <PageHeader title={t('manifests.title')} />
      <div className="stack manifests-page">
        <ImportPanel onImported={() => setVersion((n) => n + 1)} onOpen={setSelected} />
        <ManifestList version={version} selected={selected} onSelect={setSelected} />
        {selected !== null && (
          // Its own boundary: a manifest that cannot be read must not take the import summary with it.
          <ErrorBoundary key={selected}>
            <ManifestDetail id={selected} onOpen={setSelected} onClose={() => setSelected(null)} />
          </ErrorBoundary>
        )}
      </div>
    </>
  );
}

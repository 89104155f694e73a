import { useState } from 'react';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { EmptyPanel } from '../../../components/EmptyState';
import { useRefreshingLoad } from '../../../components/useRefreshingLoad';
import { ManifestTable } from './ManifestTable';

const PAGE = 100;
/** The contract's largest page: beyond it the officer narrows down in Targeting, not here. */
const MAX_SHOWN = 500;

/** The manifests received, newest first, re-read whenever `version` changes (after an import). */
export function ManifestList({ version, selected, onSelect }: { version: number; selected: number | null; onSelect: (id: number) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [limit, setLimit] = useState(PAGE);
  const manifests = useRefreshingLoad(() => api.invoke('manifests.list', { limit, offset: 0 }), `${version}:${limit}`);

  return (
    <section className="stack manifest-list" aria-labelledby="manifest-list-title">
      <h2 id="manifest-list-title" className="section-title">
        {t('manifests.list.title')}
      </h2>
      {manifests === undefined ? (
        <p className="muted">{t('status.loading')}</p>
      ) : manifests.length === 0 ? (
        <EmptyPanel title="manifests.empty.title" body="manifests.empty.body" />
      ) : (
        <>
          {/* On a narrow window the table scrolls sideways rather than squeezing the columns unreadable. */}
          <div className="table-scroll">
            <ManifestTable manifests={manifests} selected={selected} onSelect={onSelect} />
          </div>
          {manifests.length === limit && limit < MAX_SHOWN && (
            <button type="button" className="secondary more" onClick={() => setLimit((shown) => Math.min(MAX_SHOWN, shown + PAGE))}>
              {t('manifests.list.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

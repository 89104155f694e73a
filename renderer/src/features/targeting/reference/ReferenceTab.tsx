import { useState } from 'react';
import { mayAccess } from '../../../../../shared/domain/roles';
import { contract } from '../../../../../shared/ipc/contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session/session-context';
import { Notice } from '../../../components/Notice';
import { useRefreshingLoad } from '../../../components/useRefreshingLoad';
import '../targeting-admin.css';
import { RescoreOffer } from '../watchlist/RescoreOffer';
import { ReferenceEditor } from './ReferenceEditor';
import { ReferenceList, type ReferenceInfo } from './ReferenceList';
import { tableTitle } from './reference-text';

/**
 * The data the indicators judge by (high-risk countries and ports, hubs,
 * cover loads, vague words, weight ranges…): the list, and one table opened
 * in a grid. Supervisors edit and restore; officers read.
 */
export function ReferenceTab() {
  const api = useApi();
  const { t, language } = useI18n();
  const { info: session } = useSession();
  const [version, setVersion] = useState(0);
  const tables = useRefreshingLoad(() => api.invoke('reference.list'), version);
  const [open, setOpen] = useState<string | null>(null);
  // What main answered to a save, shown at once while the list reloads behind it.
  const [fresh, setFresh] = useState<ReferenceInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mayEdit = mayAccess(contract['reference.save'].access, session.user.role);

  if (!tables) return <p className="muted">{t('status.loading')}</p>;
  const info = open === null ? undefined : fresh && fresh.name === open ? fresh : tables.find((table) => table.name === open);

  return (
    <div className="stack reference-tab" data-testid="reference-tab">
      {open === null && <p className="muted tab-intro">{t(mayEdit ? 'reference.intro.edit' : 'reference.intro.read')}</p>}
      {notice && (
        <>
          <Notice kind="success" testId="reference-notice">
            {notice}
          </Notice>
          <RescoreOffer message={t('reference.rescore.needed')} testId="reference-rescore" onDismiss={() => setNotice(null)} />
        </>
      )}
      {info ? (
        <ReferenceEditor
          key={`${info.name}:${info.updatedAt ?? 'shipped'}`}
          info={info}
          mayEdit={mayEdit}
          onClose={() => {
            setOpen(null);
            setFresh(null);
          }}
          onSaved={(saved, restored) => {
            setFresh(saved);
            setNotice(t(restored ? 'reference.restored' : 'reference.saved', { table: tableTitle(t, language, saved.name) }));
            setVersion((n) => n + 1);
          }}
        />
      ) : (
        <>
          {!mayEdit && <p className="muted" data-testid="reference-readonly">{t('reference.readOnly')}</p>}
          <ReferenceList
            tables={tables}
            onOpen={(name) => {
              setNotice(null);
              setFresh(null);
              setOpen(name);
            }}
          />
        </>
      )}
    </div>
  );
}

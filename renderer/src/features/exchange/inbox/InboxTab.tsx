import { useState } from 'react';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { EmptyTable } from '../../../components/EmptyState';
import { useRefreshingLoad } from '../../../components/useRefreshingLoad';
import { PackageImport } from './PackageImport';
import { ReceivedDetail } from './ReceivedDetail';
import { ReceivedTable, receivedColumns } from './ReceivedTable';

/** Packages from partner units: import their files, the list with each package's state, and one package opened. */
export function InboxTab() {
  const api = useApi();
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const inbox = useRefreshingLoad(() => api.invoke('exchange.inbox'), version);

  return (
    <div className="stack">
      <PackageImport
        onImported={(id) => {
          setVersion((n) => n + 1);
          if (id !== null) setOpen(id);
        }}
      />
      <section className="panel" aria-labelledby="exchange-inbox-title">
        <h2 id="exchange-inbox-title">{t('exchange.inbox.title')}</h2>
        {!inbox ? (
          <p className="muted">{t('status.loading')}</p>
        ) : inbox.length === 0 ? (
          <EmptyTable columns={receivedColumns} title="exchange.inbox.empty.title" body="exchange.inbox.empty.body" />
        ) : (
          <ReceivedTable packages={inbox} open={open} onOpen={setOpen} />
        )}
      </section>
      {open !== null && <ReceivedDetail key={open} id={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

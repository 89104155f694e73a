import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { useErrorText } from '../../components/api-errors';
import { Notice } from '../../components/Notice';

export type DemoCreated = ChannelOutput<'setup.demo'>;

/**
 * Development and training starts only (main says so in `demoAvailable`): a
 * ready-made unit (passwords generated and shown once) instead of the setup form.
 */
export function DemoOffer({
  onStart,
  onFailed,
  onCreated,
}: {
  onStart: () => void;
  onFailed: () => void;
  onCreated: (created: DemoCreated) => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const create = () => {
    setBusy(true);
    setFailure(null);
    onStart();
    api.invoke('setup.demo').then(onCreated, (error: unknown) => {
      setBusy(false);
      setFailure(error);
      onFailed();
    });
  };

  return (
    <section className="demo-offer" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('demo.title')}</h2>
      <p className="muted">{t('demo.body')}</p>
      {failure !== null && <Notice kind="error">{errorText(failure)}</Notice>}
      <button type="button" className={busy ? 'secondary busy' : 'secondary'} onClick={create} disabled={busy}>
        {busy ? t('demo.busy') : t('demo.create')}
      </button>
    </section>
  );
}

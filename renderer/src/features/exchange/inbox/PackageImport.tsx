import { useId, useState } from 'react';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { FileDrop } from '../../../components/FileDrop';
import { fileBase64 } from '../../cases/examination/photos';
import { kindKey, refusalText, subjectText } from '../exchange-text';

/** The contract takes 56,000,000 base64 characters: 42,000,000 bytes. */
const PACKAGE_MAX_BYTES = 42_000_000;

type Outcome = { key: string; file: string } & ({ state: 'checking' } | { state: 'accepted'; text: string } | { state: 'refused'; text: string });

/**
 * Package files come in from a USB stick or a download folder, several at a
 * time. Each is sent on its own: a refused one (tampered, unknown sender,
 * already imported…) says why, naming the file, and the next is still read.
 */
export function PackageImport({ onImported }: { onImported: (lastId: number | null) => void }) {
  const api = useApi();
  const { t, language } = useI18n();
  const errorText = useErrorText();
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<readonly Outcome[]>([]);

  const importFiles = async (files: File[]) => {
    setBusy(true);
    const batch = Date.now();
    const keyed = files.map((file, index) => ({ file, key: `${batch}-${index}` }));
    setOutcomes(keyed.map(({ file, key }) => ({ key, file: file.name, state: 'checking' })));
    const settle = (key: string, outcome: Outcome) => setOutcomes((current) => current.map((item) => (item.key === key ? outcome : item)));
    let lastId: number | null = null;
    let any = false;
    for (const { file, key } of keyed) {
      if (file.size > PACKAGE_MAX_BYTES) {
        settle(key, { key, file: file.name, state: 'refused', text: t('error.EXCHANGE_PACKAGE_TOO_LARGE', { file: file.name, limit: '40 MB' }) });
        continue;
      }
      try {
        const received = await api.invoke('exchange.import', { fileName: file.name, packageBase64: await fileBase64(file) });
        any = true;
        lastId = received.id;
        const accepted = t('exchange.import.accepted', { file: file.name, kind: t(kindKey(received.kind)), partner: received.partnerName, subject: subjectText(t, language, received.subject) });
        const entries = received.kind === 'alert' ? ` ${t('exchange.import.watchEntries', { count: received.watchEntries })}` : '';
        settle(key, { key, file: file.name, state: 'accepted', text: accepted + entries });
      } catch (error) {
        settle(key, { key, file: file.name, state: 'refused', text: refusalText(language, error, file.name, errorText(error)) });
      }
    }
    setBusy(false);
    if (any) onImported(lastId);
  };

  return (
    <section className="panel" aria-labelledby="exchange-import-title">
      <h2 id="exchange-import-title">{t('exchange.import.title')}</h2>
      <FileDrop
        disabled={busy}
        multiple
        onFiles={(files) => void importFiles(files)}
        prompt={t('exchange.import.prompt')}
        choose={t('exchange.import.choose')}
        testId="package-drop"
        inputTestId="package-input"
        describedBy={hintId}
      >
        <p id={hintId} className="drop-hint">
          {t('exchange.import.hint')}
        </p>
      </FileDrop>
      {outcomes.length > 0 && (
        <ul className="package-outcomes" aria-label={t('exchange.import.results')} aria-live="polite" data-testid="package-outcomes">
          {outcomes.map((outcome) => (
            <li key={outcome.key} className={`package-outcome outcome-${outcome.state}`} data-file={outcome.file} data-state={outcome.state} role={outcome.state === 'refused' ? 'alert' : undefined}>
              {outcome.state === 'checking' ? t('exchange.import.busy', { file: outcome.file }) : outcome.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useState } from 'react';
import type { z } from 'zod';
import type { WatchEntry } from '../../../../../shared/ipc/risk-contract';
import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { Notice } from '../../../components/Notice';
import { readUpload, type Upload } from '../../manifests/import/file-upload';
import { CsvDropZone } from './CsvDropZone';
import { MAX_CSV_BYTES } from './kinds';

type Entry = z.infer<typeof WatchEntry>;
type CsvAnswer = ChannelOutput<'watchlist.importCsv'>;

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking'; readonly file: string }
  | { readonly kind: 'checked'; readonly upload: Upload; readonly answer: CsvAnswer }
  | { readonly kind: 'adding'; readonly upload: Upload; readonly answer: CsvAnswer }
  | { readonly kind: 'failed'; readonly text: string };

/**
 * Bulk add from a CSV in two steps: a dry run first (how many entries, and
 * every problem with its row and column), then "Add N entries". Main adds all
 * or nothing, so a file with any problem adds nothing.
 */
export function CsvImport({ onAdded }: { onAdded: (entries: readonly Entry[]) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const busy = step.kind === 'checking' || step.kind === 'adding';

  const check = async (file: File) => {
    if (file.size > MAX_CSV_BYTES) {
      setStep({ kind: 'failed', text: t('watchlist.csv.tooLarge', { file: file.name, limitMb: MAX_CSV_BYTES / 1024 / 1024 }) });
      return;
    }
    setStep({ kind: 'checking', file: file.name });
    let upload: Upload;
    try {
      upload = await readUpload(file);
    } catch {
      setStep({ kind: 'failed', text: t('watchlist.csv.unreadable', { file: file.name }) });
      return;
    }
    try {
      const answer = await api.invoke('watchlist.importCsv', { ...upload, dryRun: true });
      setStep({ kind: 'checked', upload, answer });
    } catch (error) {
      setStep({ kind: 'failed', text: errorText(error) });
    }
  };

  const add = async (upload: Upload, answer: CsvAnswer) => {
    setStep({ kind: 'adding', upload, answer });
    try {
      const result = await api.invoke('watchlist.importCsv', { ...upload, dryRun: false });
      if (result.problems.length > 0) {
        // Nothing was added: the file changed on disk since the dry run, or the list did.
        setStep({ kind: 'checked', upload, answer: result });
        return;
      }
      setStep({ kind: 'idle' });
      onAdded(result.added);
    } catch (error) {
      setStep({ kind: 'failed', text: errorText(error) });
    }
  };

  return (
    <section className="panel form-panel watchlist-csv" aria-labelledby="watchlist-csv-title" data-testid="watchlist-csv">
      <h2 id="watchlist-csv-title">{t('watchlist.csv.title')}</h2>
      <CsvDropZone disabled={busy} onFile={(file) => void check(file)} />
      {step.kind === 'checking' && (
        <p className="muted busy" role="status">
          {t('watchlist.csv.checking', { file: step.file })}
        </p>
      )}
      {step.kind === 'failed' && <Notice kind="error">{step.text}</Notice>}
      {(step.kind === 'checked' || step.kind === 'adding') &&
        (step.answer.problems.length > 0 ? (
          <div className="notice notice-error csv-problems" role="alert" data-testid="watchlist-csv-problems">
            <p>{t('watchlist.csv.refused', { file: step.upload.name, count: step.answer.problems.length })}</p>
            {/* Main words each problem with its row and column, in the officer's language. */}
            <ul className="problems">
              {step.answer.problems.map((problem, index) => (
                <li key={`${problem.row}-${problem.field}-${index}`} data-row={problem.row} data-field={problem.field} data-code={problem.code}>
                  {problem.message}
                </li>
              ))}
            </ul>
          </div>
        ) : step.answer.entries === 0 ? (
          <Notice kind="warning">{t('watchlist.csv.empty', { file: step.upload.name })}</Notice>
        ) : (
          <div className="notice notice-info confirm-bar" role="status" data-testid="watchlist-csv-ready">
            <span>{t('watchlist.csv.ready', { file: step.upload.name, count: step.answer.entries })}</span>
            <button type="button" className="secondary" onClick={() => setStep({ kind: 'idle' })} disabled={step.kind === 'adding'}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className={step.kind === 'adding' ? 'primary busy' : 'primary'}
              onClick={() => void add(step.upload, step.answer)}
              disabled={step.kind === 'adding'}
            >
              {t('watchlist.csv.add', { count: step.answer.entries })}
            </button>
          </div>
        ))}
    </section>
  );
}

import { useState } from 'react';
import type { BackupResult } from '../../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { formatLocalDateTime } from '../../format/datetime';
import { checkAll, required } from '../account/validation';

/**
 * An encrypted copy into a folder the administrator names (a USB stick).
 * A typed path rather than a folder picker: the renderer has no file-system
 * capability, and the path is checked in main.
 */
export function BackupPanel() {
  const api = useApi();
  const { t } = useI18n();
  const [result, setResult] = useState<BackupResult | null>(null);
  const form = useForm({
    initial: { targetDir: '' },
    validate: (values) => checkAll(values, { targetDir: required(t) }),
    fieldFor: { BACKUP_TARGET_INVALID: 'targetDir' },
    submit: (values) => {
      setResult(null);
      return api.invoke('backup.create', { targetDir: values.targetDir.trim() });
    },
    onDone: setResult,
  });

  return (
    <section className="panel form-panel" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="muted">{t('backup.intro')}</p>
      <form className="form inline-form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy}>
        <TextField
          name="targetDir"
          label={t('backup.target')}
          hint={t('backup.target.hint')}
          value={form.values.targetDir}
          onChange={form.set('targetDir')}
          error={form.fieldError('targetDir')}
          className="grow"
          disabled={form.busy}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className={form.busy ? 'primary busy' : 'primary'} disabled={form.busy}>
          {form.busy ? t('backup.busy') : t('backup.submit')}
        </button>
      </form>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      {result && <BackupFiles result={result} />}
    </section>
  );
}

function BackupFiles({ result }: { result: BackupResult }) {
  const { t, language } = useI18n();
  const bytes = new Intl.NumberFormat(language);
  return (
    <div className="stack" data-testid="backup-result">
      <Notice kind="success">
        {t('backup.done', { dir: result.dir })} · {formatLocalDateTime(result.createdAt, 'seconds')}
      </Notice>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('backup.column.file')}</th>
            <th scope="col" className="numeric">
              {t('backup.column.bytes')}
            </th>
            <th scope="col">{t('backup.column.sha256')}</th>
          </tr>
        </thead>
        <tbody>
          {result.files.map((file) => (
            <tr key={file.name}>
              <td>
                <code>{file.name}</code>
              </td>
              <td className="numeric nowrap">{bytes.format(file.bytes)}</td>
              <td>
                <code className="hash">{file.sha256}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

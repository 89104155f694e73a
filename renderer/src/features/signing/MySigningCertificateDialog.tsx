import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useLoad } from '../../components/useLoad';
import { useForm } from '../../components/useForm';
import { toBase64 } from '../manifests/import/file-upload';
import { checkAll, required } from '../account/validation';
import { CertificateFacts } from './CertificateFacts';
import './signing.css';

/** The contract takes about 1 MB of P12; a national PKI file is a few kilobytes. */
const MAX_P12_BYTES = 1_000_000;

/**
 * "My signing certificate", opened from the user menu by every role: the
 * certificate reports are signed with, and importing one's own PKCS#12 from
 * the national PKI. A modal <dialog>: Esc closes it, focus stays inside.
 */
export function MySigningCertificateDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [version, setVersion] = useState(0);
  const [imported, setImported] = useState(false);
  const credential = useLoad(() => api.invoke('signing.credential'), version);

  const form = useForm({
    initial: { file: '', password: '' },
    validate: (values) => {
      const problems = checkAll(values, { password: required(t) });
      if (!file) return { ...problems, file: t('signing.import.chooseFile') };
      if (file.size > MAX_P12_BYTES) return { ...problems, file: t('signing.import.tooLarge') };
      return problems;
    },
    fieldFor: { SIGNING_P12_PASSWORD_WRONG: 'password', SIGNING_P12_INVALID: 'file' },
    clearOnError: ['password'],
    submit: async (values) => {
      setImported(false);
      // validate() made sure there is a file; read it only now, when it is sent.
      const bytes = file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
      return api.invoke('signing.credential.import', { p12Base64: toBase64(bytes), password: values.password });
    },
    resetOnDone: true,
    onDone: () => {
      setImported(true);
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      setVersion((n) => n + 1);
    },
  });

  useEffect(() => {
    const element = dialog.current;
    // Unmounting removes it from the top layer; no close() here, whose event would close the next one.
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="dialog signing-dialog" aria-labelledby="my-certificate-title" onClose={onClose} data-testid="my-certificate">
      <h2 id="my-certificate-title">{t('signing.mine.title')}</h2>
      {credential === undefined ? (
        <p className="muted">{t('status.loading')}</p>
      ) : credential === null ? (
        <Notice kind="info" testId="my-certificate-none">
          {t('signing.mine.none')}
        </Notice>
      ) : (
        <CertificateFacts certificate={credential} testId="my-certificate-facts" />
      )}
      {imported && <Notice kind="success">{t('signing.import.done')}</Notice>}
      <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy} aria-labelledby="import-p12-title">
        <h3 id="import-p12-title">{t('signing.import.title')}</h3>
        {credential && <p className="muted">{t('signing.import.replaces')}</p>}
        <fieldset className="form-section plain field-grid" disabled={form.busy}>
          <FileField
            label={t('signing.import.file')}
            hint={t('signing.import.fileHint')}
            error={form.fieldError('file')}
            inputRef={fileInput}
            onChange={(chosen) => {
              setFile(chosen);
              form.set('file')(chosen?.name ?? '');
            }}
          />
          <TextField
            name="password"
            type="password"
            label={t('signing.import.password')}
            hint={t('signing.import.passwordHint')}
            value={form.values.password}
            onChange={form.set('password')}
            error={form.fieldError('password')}
            autoComplete="off"
          />
        </fieldset>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        <div className="form-actions">
          <button type="button" className="secondary" onClick={() => dialog.current?.close()} disabled={form.busy}>
            {t('common.close')}
          </button>
          <button type="submit" className={form.busy ? 'primary busy' : 'primary'} disabled={form.busy}>
            {form.busy ? t('signing.import.busy') : t('signing.import.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** A file input laid out like the other fields (label above, hint or error below). */
function FileField({
  label,
  hint,
  error,
  inputRef,
  onChange,
}: {
  label: string;
  hint: string;
  error: string | null;
  inputRef: RefObject<HTMLInputElement | null>;
  onChange: (file: File | null) => void;
}) {
  const id = useId();
  const invalid = error !== null;
  return (
    <div className={invalid ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        name="file"
        type="file"
        accept=".p12,.pfx,application/x-pkcs12"
        aria-invalid={invalid ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}

import { useId, useState, type FormEvent } from 'react';
import type { Partner } from '../../../../../shared/ipc/exchange-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { TextField } from '../../../components/Field';
import { FileDrop } from '../../../components/FileDrop';
import { Notice } from '../../../components/Notice';
import { fileBase64 } from '../../cases/examination/photos';
import { refusalText } from '../exchange-text';
import { useErrorText } from '../../../components/api-errors';

/** Largest certificate file sent (the contract takes 200,000 base64 characters). */
const CERTIFICATE_MAX_BYTES = 140_000;

/**
 * An administrator trusts a partner unit: its name as officers will see it,
 * and the certificate file that unit handed over (PEM or DER). The
 * fingerprint main computes is shown back, to compare with the partner's.
 */
export function AddPartnerForm({ onAdded }: { onAdded: (partner: Partner) => void }) {
  const api = useApi();
  const { t, language } = useI18n();
  const errorText = useErrorText();
  const hintId = useId();
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState<{ name: boolean; file: boolean }>({ name: false, file: false });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const lacking = { name: !name.trim(), file: file === null };
    setMissing(lacking);
    if (lacking.name || !file) return;
    // A certificate is a few KB: anything this large is not one, and would be refused by the contract anyway.
    if (file.size > CERTIFICATE_MAX_BYTES) {
      setFailure(t('error.EXCHANGE_CERTIFICATE_INVALID', { file: file.name }));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const partner = await api.invoke('exchange.partners.add', { name: name.trim(), certificateBase64: await fileBase64(file), fileName: file.name });
      setName('');
      setFile(null);
      onAdded(partner);
    } catch (error) {
      setFailure(refusalText(language, error, file.name, errorText(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="add-partner-title" data-testid="add-partner">
      <h2 id="add-partner-title">{t('exchange.partners.add.title')}</h2>
      <p className="muted">{t('exchange.partners.add.intro')}</p>
      <form className="form add-partner-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <TextField
          label={t('exchange.partners.add.name')}
          hint={t('exchange.partners.add.nameHint')}
          error={missing.name ? t('exchange.partners.add.nameRequired') : null}
          value={name}
          maxLength={200}
          onChange={(value) => {
            setName(value);
            setMissing((current) => ({ ...current, name: false }));
          }}
        />
        <FileDrop
          disabled={busy}
          onFiles={(files) => {
            setFile(files[0] ?? null);
            setFailure(null);
            setMissing((current) => ({ ...current, file: false }));
          }}
          prompt={t('exchange.partners.add.prompt')}
          choose={t('exchange.partners.add.choose')}
          accept=".pem,.crt,.cer,.der,application/x-pem-file,application/pkix-cert"
          className="certificate-drop"
          testId="partner-certificate-drop"
          inputTestId="partner-certificate-input"
          describedBy={hintId}
        >
          <p id={hintId} className={missing.file ? 'field-error' : 'drop-hint'}>
            {file ? t('exchange.partners.add.chosen', { file: file.name }) : missing.file ? t('exchange.partners.add.fileRequired') : ''}
          </p>
        </FileDrop>
        {failure && <Notice kind="error">{failure}</Notice>}
        <div className="form-actions start">
          <button type="submit" className={busy ? 'primary busy' : 'primary'} disabled={busy}>
            {t('exchange.partners.add.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

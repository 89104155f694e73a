import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { useLoad } from '../../components/useLoad';
import { ValidityFacts } from '../signing/CertificateFacts';
import { downloadText } from '../signing/pem-download';
import { Fingerprint } from './Fingerprint';

/**
 * This unit's exchange certificate, as partner units need it: the file to
 * hand over, and the fingerprint large enough to read out over the phone so
 * the partner can check the file was not swapped on the way.
 */
export function UnitCertificateTab() {
  const api = useApi();
  const { t } = useI18n();
  const certificate = useLoad(() => api.invoke('exchange.unitCertificate'), 'unit-certificate');
  if (!certificate) return <p className="muted">{t('status.loading')}</p>;
  return (
    <section className="panel exchange-unit" aria-labelledby="exchange-unit-title" data-testid="exchange-unit">
      <h2 id="exchange-unit-title">{t('exchange.unit.title')}</h2>
      <p className="muted">{t('exchange.unit.intro')}</p>
      <dl className="facts certificate-facts">
        <dt>{t('signing.field.subject')}</dt>
        <dd>{certificate.subject}</dd>
        <dt>{t('exchange.unit.fingerprint')}</dt>
        <dd>
          <Fingerprint className="fingerprint-large" value={certificate.fingerprint} testId="unit-fingerprint" />
        </dd>
        <ValidityFacts certificate={certificate} />
      </dl>
      <div className="form-actions start">
        <button type="button" className="primary" onClick={() => downloadText(certificate.fileName, certificate.certificatePem)}>
          {t('exchange.unit.save')}
        </button>
      </div>
    </section>
  );
}

import type { SigningCredential, UnitCaSummary } from '../../../../shared/ipc/signing-contract';
import { useI18n } from '../../app/i18n';
import { formatLocalDateTime } from '../../format/datetime';

type Validity = 'valid' | 'expired' | 'notYet';

export function validityAt(certificate: { notBefore: string; notAfter: string }, now: Date): Validity {
  if (now < new Date(certificate.notBefore)) return 'notYet';
  if (now > new Date(certificate.notAfter)) return 'expired';
  return 'valid';
}

const stateKey = { valid: 'signing.state.valid', expired: 'signing.state.expired', notYet: 'signing.state.notYet' } as const;

/** The validity and creation rows of a certificate's facts, with whether it is valid today. */
export function ValidityFacts({ certificate }: { certificate: { notBefore: string; notAfter: string; createdAt: string } }) {
  const { t } = useI18n();
  const state = validityAt(certificate, new Date());
  return (
    <>
      <dt>{t('signing.field.validity')}</dt>
      <dd>
        {t('signing.validity', { from: formatLocalDateTime(certificate.notBefore), to: formatLocalDateTime(certificate.notAfter) })}{' '}
        <span className={state === 'valid' ? 'status status-on' : 'status status-off'}>{t(stateKey[state])}</span>
      </dd>
      <dt>{t('signing.field.created')}</dt>
      <dd>{formatLocalDateTime(certificate.createdAt)}</dd>
    </>
  );
}

/** A certificate as a person checks it: who, issued by whom, the fingerprint to compare, and until when. */
export function CertificateFacts({ certificate, testId }: { certificate: SigningCredential | UnitCaSummary; testId?: string }) {
  const { t } = useI18n();
  return (
    <dl className="facts compact certificate-facts" data-testid={testId}>
      {'kind' in certificate && (
        <>
          <dt>{t('signing.field.kind')}</dt>
          <dd data-testid="certificate-kind">{t(`signing.kind.${certificate.kind}`)}</dd>
        </>
      )}
      <dt>{t('signing.field.subject')}</dt>
      <dd>{certificate.subject}</dd>
      {'issuer' in certificate && (
        <>
          <dt>{t('signing.field.issuer')}</dt>
          <dd>{certificate.issuer}</dd>
        </>
      )}
      <dt>{t('signing.field.fingerprint')}</dt>
      <dd>
        <code className="hash" data-testid="certificate-fingerprint">
          {certificate.fingerprint}
        </code>
      </dd>
      <ValidityFacts certificate={certificate} />
    </dl>
  );
}

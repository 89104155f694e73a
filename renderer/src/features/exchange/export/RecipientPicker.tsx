import type { Partner } from '../../../../../shared/ipc/exchange-contract';
import { useI18n } from '../../../app/i18n';
import { Notice } from '../../../components/Notice';

/**
 * Which trusted partner units can read the package. None ticked is allowed
 * (an alert for every partner) but the officer is told, in plain words, what
 * that means for the file.
 */
export function RecipientPicker({ partners, chosen, onChange }: { partners: readonly Partner[] | null; chosen: ReadonlySet<number>; onChange: (next: ReadonlySet<number>) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="form-section plain recipients">
      <legend>{t('exchange.export.recipients')}</legend>
      {partners === null ? (
        <p className="muted">{t('status.loading')}</p>
      ) : partners.length === 0 ? (
        <p className="muted">{t('exchange.export.noPartners')}</p>
      ) : (
        <>
          {partners.map((partner) => (
            <label key={partner.id} className="checkbox-label">
              <input
                type="checkbox"
                checked={chosen.has(partner.id)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(partner.id);
                  else next.delete(partner.id);
                  onChange(next);
                }}
              />{' '}
              {partner.name} <span className="muted fine mono">{partner.fingerprint.split(':').slice(0, 4).join(':')}…</span>
            </label>
          ))}
          <p className="field-hint">{t('exchange.export.recipientsHint')}</p>
        </>
      )}
      {chosen.size === 0 && (
        <Notice kind="warning" testId="not-encrypted-warning">
          {t('exchange.export.notEncrypted')}
        </Notice>
      )}
    </fieldset>
  );
}

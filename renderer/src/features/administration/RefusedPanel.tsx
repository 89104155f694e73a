import type { Role } from '../../../../shared/domain/roles';
import { useI18n } from '../../app/i18n';

/** What an officer sees instead of administration: a plain refusal, not an error. */
export function RefusedPanel({ role }: { role: Role }) {
  const { t } = useI18n();
  return (
    <section className="refusal" data-testid="administration-refused">
      <h2>{t('administration.refused.title')}</h2>
      <p>{t('administration.refused.body', { role: t(`role.${role}`) })}</p>
    </section>
  );
}

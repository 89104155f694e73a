import { useI18n } from '../../app/i18n';
import { AuthScreen } from './AuthScreen';
import type { DemoCreated } from './DemoOffer';

/** The training accounts with the passwords generated for them, shown this once, so the trainer can hand them out. */
export function DemoUnitScreen({ created, onContinue }: { created: DemoCreated; onContinue: () => void }) {
  const { t } = useI18n();
  return (
    <AuthScreen title={t('demo.created.title')} width="wide" screen="recovery">
      <dl className="facts compact">
        <dt>{t('recovery.unit')}</dt>
        <dd>{created.session.unit.name}</dd>
      </dl>
      <div className="warning" role="note">
        <p>{t('demo.created.body')}</p>
      </div>
      <table className="data-table" data-testid="demo-accounts">
        <thead>
          <tr>
            <th scope="col">{t('users.column.username')}</th>
            <th scope="col">{t('field.password')}</th>
            <th scope="col">{t('users.column.role')}</th>
          </tr>
        </thead>
        <tbody>
          {created.accounts.map((account) => (
            <tr key={account.username}>
              <td>
                <code>{account.username}</code>
              </td>
              <td>
                <code>{account.password}</code>
              </td>
              <td>{t(`role.${account.role}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onContinue} autoFocus>
          {t('recovery.continue')}
        </button>
      </div>
    </AuthScreen>
  );
}

import type { ImportFileResult } from '../../../../shared/ipc/contract';
import { useI18n } from '../../app/i18n';
import { fieldLabel } from './format';

type Amendment = NonNullable<ImportFileResult['amendment']>;

/** A line as main keys it ("B/L / container") in a list of added or removed lines. */
function LineList({ title, lines, testId }: { title: string; lines: readonly string[]; testId: string }) {
  if (lines.length === 0) return null;
  return (
    <div className="line-list" data-testid={testId}>
      <h4>{title}</h4>
      <ul>
        {lines.map((line) => (
          <li key={line}>
            <code>{line}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What a later file for the same vessel call changed: lines added and removed,
 * and each changed field with its value before and after. Consignee and goods
 * changed after arrival are classic risk signals, so nothing is summarised away.
 */
export function AmendmentView({ amendment, onOpen }: { amendment: Amendment; onOpen?: ((id: number) => void) | undefined }) {
  const { t } = useI18n();
  const { added, removed, changed } = amendment;
  const nothing = added.length === 0 && removed.length === 0 && changed.length === 0;
  return (
    <div className="amendment" data-testid="amendment">
      <p className="amendment-counts">
        {nothing
          ? t('manifests.amendment.same', { id: amendment.amendsManifestId })
          : [
              t('manifests.amendment.added', { count: added.length }),
              t('manifests.amendment.removed', { count: removed.length }),
              t('manifests.amendment.changed', { count: changed.length }),
            ].join(' · ')}
        {onOpen && (
          <button type="button" className="link" onClick={() => onOpen(amendment.amendsManifestId)}>
            {t('manifests.openManifest', { id: amendment.amendsManifestId })}
          </button>
        )}
      </p>
      <div className="line-lists">
        <LineList title={t('manifests.amendment.addedLines')} lines={added} testId="amendment-added" />
        <LineList title={t('manifests.amendment.removedLines')} lines={removed} testId="amendment-removed" />
      </div>
      {changed.length > 0 && (
        <table className="data-table compact changes-table" data-testid="amendment-changes">
          <thead>
            <tr>
              <th scope="col">{t('manifests.amendment.line')}</th>
              <th scope="col">{t('manifests.amendment.field')}</th>
              <th scope="col">{t('manifests.amendment.before')}</th>
              <th scope="col">{t('manifests.amendment.after')}</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((change, index) => (
              <tr key={index}>
                <td className="nowrap">
                  <code>{change.line}</code>
                </td>
                <td>{fieldLabel(t, change.field)}</td>
                <td className="before">{change.before || <span className="muted">{t('manifests.amendment.blank')}</span>}</td>
                <td className="after">{change.after || <span className="muted">{t('manifests.amendment.blank')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

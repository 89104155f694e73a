import type { MessageKey } from '../../../shared/i18n';
import { useI18n } from '../app/i18n';
import { TableHead } from './TableHead';

/** A section's table with its real columns and a calm explanation of why it is empty. */
export function EmptyTable({
  columns,
  title,
  body,
}: {
  columns: readonly MessageKey[];
  title: MessageKey;
  body: MessageKey;
}) {
  const { t } = useI18n();
  return (
    <table className="data-table">
      <TableHead columns={columns} />
      <tbody>
        <tr>
          <td colSpan={columns.length} className="empty-state">
            <strong>{t(title)}</strong>
            <span>{t(body)}</span>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

export function EmptyPanel({ title, body }: { title: MessageKey; body: MessageKey }) {
  const { t } = useI18n();
  return (
    <div className="empty-state panel">
      <strong>{t(title)}</strong>
      <span>{t(body)}</span>
    </div>
  );
}

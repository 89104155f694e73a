import type { MessageKey } from '../../../shared/i18n';
import { useI18n } from '../app/i18n';

/**
 * A table's header row from catalogue keys. Columns in `hidden` are named for
 * screen readers only (a row's action buttons need no visible title); columns
 * in `numeric` are right-aligned like their figures.
 */
export function TableHead({
  columns,
  hidden = [],
  numeric = [],
}: {
  columns: readonly MessageKey[];
  hidden?: readonly MessageKey[];
  numeric?: readonly MessageKey[];
}) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col" className={numeric.includes(column) ? 'numeric' : undefined}>
            {hidden.includes(column) ? <span className="visually-hidden">{t(column)}</span> : t(column)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

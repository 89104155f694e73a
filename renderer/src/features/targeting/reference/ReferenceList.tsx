import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import { useI18n } from '../../../app/i18n';
import { formatLocalDateTime } from '../../../format/datetime';
import { entryCount, tableSource } from './grid-model';
import { tableTitle } from './reference-text';

export type ReferenceInfo = ChannelOutput<'reference.list'>[number];

/** Every reference table the indicators read: what it is, where its data comes from, and whether the unit changed it. */
export function ReferenceList({ tables, onOpen }: { tables: readonly ReferenceInfo[]; onOpen: (name: string) => void }) {
  const { t, language } = useI18n();
  const rows = [...tables].sort((a, b) => tableTitle(t, language, a.name).localeCompare(tableTitle(t, language, b.name), language));
  return (
    <table className="data-table reference-list" data-testid="reference-list">
      <thead>
        <tr>
          <th scope="col">{t('reference.column.table')}</th>
          <th scope="col">{t('reference.column.source')}</th>
          <th scope="col" className="numeric">
            {t('reference.column.entries')}
          </th>
          <th scope="col">{t('reference.column.state')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((info) => (
          <tr key={info.name} data-table={info.name}>
            <th scope="row" className="row-head">
              <button type="button" className="link" onClick={() => onOpen(info.name)}>
                {tableTitle(t, language, info.name)}
              </button>
            </th>
            <td>
              <div className="reference-source" title={tableSource(info.table)}>
                {tableSource(info.table)}
              </div>
            </td>
            <td className="numeric">{entryCount(info.table)}</td>
            <td className="nowrap">
              {info.updatedAt ? (
                <span className="tag edited-tag">{t('reference.edited', { user: info.updatedBy ?? '—', at: formatLocalDateTime(info.updatedAt) })}</span>
              ) : (
                <span className="muted">{t('reference.shipped')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

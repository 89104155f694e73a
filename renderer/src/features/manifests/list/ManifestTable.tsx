import type { ManifestSummary } from '../../../../../shared/ipc/contract';
import { useI18n } from '../../../app/i18n';
import { formatLocalDateTime } from '../../../format/datetime';
import { formatCount, formatDecimalText, formatName } from '../format';

/** "CNSHA → GEPTI"; a side the file does not name is a dash. */
export function routeText(summary: Pick<ManifestSummary, 'portOfLoading' | 'portOfDischarge'>): string {
  if (!summary.portOfLoading && !summary.portOfDischarge) return '—';
  return `${summary.portOfLoading ?? '—'} → ${summary.portOfDischarge ?? '—'}`;
}

/** Imported manifests, newest first; a row opens its detail (click, or Enter on its file name). */
export function ManifestTable({
  manifests,
  selected,
  onSelect,
}: {
  manifests: readonly ManifestSummary[];
  selected: number | null;
  onSelect: (id: number) => void;
}) {
  const { t, language } = useI18n();
  return (
    <table className="data-table manifest-table" data-testid="manifest-table">
      <thead>
        <tr>
          <th scope="col" className="numeric">
            {t('manifests.column.id')}
          </th>
          <th scope="col">{t('manifests.column.received')}</th>
          <th scope="col">{t('manifests.column.file')}</th>
          <th scope="col">{t('manifests.column.format')}</th>
          <th scope="col">{t('manifests.column.vessel')}</th>
          <th scope="col">{t('manifests.column.imo')}</th>
          <th scope="col">{t('manifests.column.voyage')}</th>
          <th scope="col">{t('manifests.column.route')}</th>
          <th scope="col">{t('manifests.column.arrival')}</th>
          <th scope="col" className="numeric">
            {t('manifests.column.lines')}
          </th>
          <th scope="col" className="numeric">
            {t('manifests.column.containers')}
          </th>
          <th scope="col" className="numeric">
            {t('manifests.column.weight')}
          </th>
          <th scope="col" className="numeric">
            {t('manifests.column.problems')}
          </th>
        </tr>
      </thead>
      <tbody>
        {manifests.map((manifest) => (
          <tr
            key={manifest.id}
            data-manifest={manifest.id}
            data-file={manifest.fileName}
            className={manifest.id === selected ? 'selected' : undefined}
            aria-current={manifest.id === selected ? 'true' : undefined}
            onClick={() => onSelect(manifest.id)}
          >
            <td className="numeric">{manifest.id}</td>
            <td className="nowrap">{formatLocalDateTime(manifest.receivedAt)}</td>
            <td className="file-cell">
              <button type="button" className="link file-link" onClick={() => onSelect(manifest.id)}>
                {manifest.fileName}
              </button>
              {manifest.amendsManifestId !== null && (
                <span className="tag amendment-tag" data-testid="amendment-marker">
                  {t('manifests.amendsShort', { id: manifest.amendsManifestId })}
                </span>
              )}
            </td>
            <td>{formatName(manifest.format)}</td>
            <td className="vessel">{manifest.vesselName ?? '—'}</td>
            <td className="nowrap">{manifest.imo ?? '—'}</td>
            <td>{manifest.voyage ?? '—'}</td>
            <td className="nowrap">{routeText(manifest)}</td>
            <td className="nowrap">{manifest.arrivalDate ?? '—'}</td>
            <td className="numeric">{formatCount(manifest.lines, language)}</td>
            <td className="numeric">{formatCount(manifest.containers, language)}</td>
            <td className="numeric nowrap">{formatDecimalText(manifest.totalGrossWeightKg, language)}</td>
            <td className={manifest.problems > 0 ? 'numeric has-problems' : 'numeric muted'}>{formatCount(manifest.problems, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

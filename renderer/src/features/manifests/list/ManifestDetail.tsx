import { useEffect, useRef } from 'react';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useLoad } from '../../../components/useLoad';
import { formatLocalDateTime } from '../../../format/datetime';
import { AmendmentView } from '../AmendmentView';
import { formatCount, formatDecimalText, formatName } from '../format';
import { StoredProblems } from '../ProblemGroups';
import { routeText } from './ManifestTable';

/** One stored manifest: its header facts, its problems by kind and where, and what it amended. */
export function ManifestDetail({ id, onOpen, onClose }: { id: number; onOpen: (id: number) => void; onClose: () => void }) {
  const api = useApi();
  const { t, language } = useI18n();
  const detail = useLoad(() => api.invoke('manifests.get', { id }), id);
  const heading = useRef<HTMLHeadingElement>(null);

  // Opened from a row far above: bring it into view and give the keyboard a place to start.
  useEffect(() => {
    if (!detail) return;
    heading.current?.scrollIntoView({ block: 'nearest' });
    heading.current?.focus({ preventScroll: true });
  }, [detail]);

  if (!detail) return <p className="muted">{t('status.loading')}</p>;
  const { manifest, problems, amendment } = detail;
  return (
    <section className="panel manifest-detail" aria-labelledby="manifest-detail-title" data-testid="manifest-detail" data-manifest={id}>
      <header className="detail-header">
        <h2 id="manifest-detail-title" ref={heading} tabIndex={-1}>
          {t('manifests.detail.title', { id: manifest.id, file: manifest.fileName })}
        </h2>
        <button type="button" className="small" onClick={onClose}>
          {t('common.close')}
        </button>
      </header>
      <dl className="facts manifest-facts">
        <dt>{t('manifests.fact.format')}</dt>
        <dd>{formatName(manifest.format)}</dd>
        <dt>{t('manifests.fact.received')}</dt>
        <dd>{formatLocalDateTime(manifest.receivedAt)}</dd>
        <dt>{t('manifests.fact.vessel')}</dt>
        <dd>{manifest.vesselName ?? '—'}</dd>
        <dt>{t('manifests.fact.imo')}</dt>
        <dd>{manifest.imo ?? '—'}</dd>
        <dt>{t('manifests.fact.voyage')}</dt>
        <dd>{manifest.voyage ?? '—'}</dd>
        <dt>{t('manifests.fact.route')}</dt>
        <dd>{routeText(manifest)}</dd>
        <dt>{t('manifests.fact.arrival')}</dt>
        <dd>{manifest.arrivalDate ?? '—'}</dd>
        <dt>{t('manifests.fact.lines')}</dt>
        <dd>{formatCount(manifest.lines, language)}</dd>
        <dt>{t('manifests.fact.containers')}</dt>
        <dd>{formatCount(manifest.containers, language)}</dd>
        <dt>{t('manifests.fact.weight')}</dt>
        <dd>{t('manifests.kg', { weight: formatDecimalText(manifest.totalGrossWeightKg, language) })}</dd>
      </dl>
      {/* Counted from the groups: the list's figure counts lines with problems, not problems. */}
      <h3>{t('manifests.problems.title', { count: problems.reduce((sum, group) => sum + group.count, 0) })}</h3>
      {problems.length === 0 ? (
        <p className="muted no-problems">{t('manifests.problems.none')}</p>
      ) : (
        <StoredProblems groups={problems} fileName={manifest.fileName} />
      )}
      {amendment && (
        <>
          <h3>{t('manifests.amendment.title', { id: amendment.amendsManifestId })}</h3>
          <AmendmentView amendment={amendment} onOpen={onOpen} />
        </>
      )}
    </section>
  );
}

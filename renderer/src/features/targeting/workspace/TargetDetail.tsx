import type { ReactNode } from 'react';
import type { TargetDetail as Detail } from '../../../../../shared/ipc/risk-contract';
import type { MessageKey } from '../../../../../shared/i18n';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useRefreshingLoad } from '../../../components/useRefreshingLoad';
import { formatLocalDateTime } from '../../../format/datetime';
import { LaneBadge } from './LaneBadge';
import type { WatchCandidate } from './WatchFromLineDialog';

/** What of this line could go on a watch list, consignee first (the usual case). */
function watchCandidates(detail: Detail, t: (key: MessageKey) => string): WatchCandidate[] {
  const { line } = detail;
  const list: WatchCandidate[] = [];
  if (line.consignee) list.push({ kind: 'party', value: line.consignee.name, label: t('targeting.detail.consignee') });
  if (line.shipper) list.push({ kind: 'party', value: line.shipper.name, label: t('targeting.detail.shipper') });
  if (line.container) list.push({ kind: 'container', value: line.container, label: t('targeting.column.container') });
  if (line.bl) list.push({ kind: 'bl', value: line.bl, label: t('targeting.column.bl') });
  for (const seal of line.seals) list.push({ kind: 'seal', value: seal, label: t('targeting.detail.seals') });
  if (line.imo) list.push({ kind: 'vessel', value: line.imo, label: t('targeting.detail.imo') });
  return list;
}

function Facts({ items }: { items: readonly [string, ReactNode][] }) {
  return (
    <dl className="facts detail-facts">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Party({ label, party }: { label: string; party: Detail['line']['consignee'] }) {
  return (
    <div className="detail-party">
      <h4>{label}</h4>
      {party ? (
        <>
          <p className="party-name">{party.name}</p>
          {party.address && <p className="muted fine">{party.address}</p>}
          {party.country && <p className="muted fine">{party.country}</p>}
        </>
      ) : (
        <p className="muted">—</p>
      )}
    </div>
  );
}

/**
 * Why a line scored as it did, and what the officer needs to decide: every
 * fired indicator with its weight and the evidence in words, watch-list hits
 * with how strongly they matched, the parties, the route port by port, goods,
 * equipment, the consignee's history, amendments and earlier decisions.
 */
export function TargetDetail({
  consignmentId,
  version,
  onDecide,
  onWatch,
  onSendAlert,
}: {
  consignmentId: number;
  version: number;
  onDecide: (choice: 'select' | 'waive') => void;
  onWatch: (candidates: WatchCandidate[]) => void;
  /** Absent when the role may not export to partner units. */
  onSendAlert?: (label: string) => void;
}) {
  const api = useApi();
  const { t, language } = useI18n();
  const detail = useRefreshingLoad(() => api.invoke('targets.detail', { consignmentId }), `${consignmentId}:${version}:${language}`);
  if (!detail || detail.line.id !== consignmentId) return <p className="muted detail-loading">{t('status.loading')}</p>;
  const { line, score } = detail;
  const number = new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 3 });

  return (
    <article className="target-detail stack" aria-labelledby="target-detail-title">
      <header className="detail-header">
        <div>
          <h3 id="target-detail-title" className="mono">
            {line.container ?? line.bl ?? `#${line.id}`}
          </h3>
          <p className="muted fine">
            {t('targeting.detail.bl')} <span className="mono">{line.bl ?? '—'}</span> · {line.vessel ?? '—'} {line.voyage ?? ''} · {line.sourceRef}
          </p>
        </div>
        {score && <LaneBadge lane={score.lane} score={score.total} />}
      </header>
      <div className="row-actions">
        <button type="button" className="primary" onClick={() => onDecide('select')} aria-keyshortcuts="S">
          {t('targeting.decide.select')} <kbd>S</kbd>
        </button>
        <button type="button" className="secondary" onClick={() => onDecide('waive')} aria-keyshortcuts="W">
          {t('targeting.decide.waive')} <kbd>W</kbd>
        </button>
        <button type="button" className="secondary" onClick={() => onWatch(watchCandidates(detail, t))}>
          {t('targeting.watchLine.open')}
        </button>
        {onSendAlert && (
          <button type="button" className="secondary" onClick={() => onSendAlert(line.container ?? line.bl ?? `#${line.id}`)}>
            {t('exchange.export.alert.open')}
          </button>
        )}
      </div>
      {score?.randomPick && <p className="notice notice-info">{t('targeting.randomPick.explain')}</p>}
      {score && (
        <p className="muted fine">
          {t('targeting.detail.profile', { profile: score.profile, version: score.version })}
        </p>
      )}

      <section aria-labelledby="why-title">
        <h4 id="why-title">{t('targeting.detail.why')}</h4>
        {detail.watchHits.length === 0 && detail.fired.length === 0 ? (
          <p className="muted">{t('targeting.detail.nothingFired')}</p>
        ) : (
          <ul className="reason-list">
            {detail.watchHits.map((hit) => (
              <li key={`w${hit.entryId}`} className="reason watch-reason">
                <span className="reason-weight">+{hit.weight}</span>
                <span>
                  <strong>{t('targeting.detail.watchHit', { type: t(`watchlist.kind.${hit.type}` as MessageKey), value: hit.value })}</strong>{' '}
                  <span className="tag">{t(`watchlist.severity.${hit.severity}` as MessageKey)}</span>{' '}
                  <span className="tag">{t('targeting.detail.strength', { percent: Math.round(hit.strength * 100), how: t(`watchlist.how.${hit.how}` as MessageKey) })}</span>
                  <br />
                  <span className="muted fine">
                    {t('targeting.detail.watchMatched', { matched: hit.matched })} · {hit.reason} · {hit.source === 'local' ? t('watchlist.source.local') : hit.source}
                  </span>
                </span>
              </li>
            ))}
            {detail.fired.map((fired) => (
              <li key={fired.id} className="reason">
                <span className="reason-weight">+{fired.weight}</span>
                <span>
                  <strong>{fired.name}</strong>
                  <br />
                  <span className="fine">{fired.reason}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="detail-parties" aria-label={t('targeting.detail.parties')}>
        <Party label={t('targeting.detail.shipper')} party={line.shipper} />
        <Party label={t('targeting.detail.consignee')} party={line.consignee} />
        <Party label={t('targeting.detail.notify')} party={line.notify} />
      </section>

      <section aria-labelledby="route-title">
        <h4 id="route-title">{t('targeting.detail.route')}</h4>
        {line.route.length === 0 ? (
          <p className="muted">—</p>
        ) : (
          <ol className="route">
            {line.route.map((stop, index) => (
              <li key={`${stop.locode}${index}`}>
                <span className="mono">{stop.locode}</span> {stop.name && <span>{stop.name}</span>} <span className="muted fine">{t(`targeting.route.${stop.role}`)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="goods-title">
        <h4 id="goods-title">{t('targeting.detail.goods')}</h4>
        <p>{line.goods || '—'}</p>
        <Facts
          items={[
            [t('targeting.detail.hs'), line.hsCode],
            [t('targeting.detail.packages'), line.packages === null ? null : `${line.packages} ${line.packageType ?? ''}`],
            [t('targeting.detail.weight'), line.grossWeightKg === null ? null : `${number.format(Number(line.grossWeightKg))} kg`],
            [t('targeting.detail.origin'), line.originCountry],
            [t('targeting.detail.containerType'), line.containerType],
            [t('targeting.detail.reefer'), line.reefer === null ? null : t(line.reefer ? 'common.yes' : 'common.no')],
            [t('targeting.detail.seals'), line.seals.join(', ')],
            [t('targeting.detail.imo'), line.imo],
          ]}
        />
      </section>

      <section aria-labelledby="history-title">
        <h4 id="history-title">{t('targeting.detail.history', { count: detail.history.total })}</h4>
        {detail.history.lines.length === 0 ? (
          <p className="muted">{t('targeting.detail.firstTime')}</p>
        ) : (
          <table className="data-table compact">
            <tbody>
              {detail.history.lines.map((earlier) => (
                <tr key={earlier.consignmentId}>
                  <td>{formatLocalDateTime(earlier.receivedAt)}</td>
                  <td className="mono">{earlier.container ?? '—'}</td>
                  <td>{earlier.goods}</td>
                  <td>{earlier.decision ? t(`targeting.decision.${earlier.decision}`) : ''}</td>
                  <td>{earlier.result ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {detail.amendments.length > 0 && (
        <section aria-labelledby="amend-title">
          <h4 id="amend-title">{t('targeting.detail.amendments')}</h4>
          <ul>
            {detail.amendments.map((change, index) => (
              <li key={index}>
                {t(`manifests.field.${change.field === 'consignee' ? 'consigneeName' : change.field}` as MessageKey)}: <del>{change.before || '—'}</del> → <ins>{change.after || '—'}</ins>{' '}
                <span className="muted fine">{formatLocalDateTime(change.receivedAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {detail.decisions.length > 0 && (
        <section aria-labelledby="decisions-title">
          <h4 id="decisions-title">{t('targeting.detail.decisions')}</h4>
          <ul>
            {detail.decisions.map((decision) => (
              <li key={decision.id}>
                <strong>{t(`targeting.decision.${decision.decision}`)}</strong> · {decision.decidedBy} · {formatLocalDateTime(decision.decidedAt)} — {decision.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

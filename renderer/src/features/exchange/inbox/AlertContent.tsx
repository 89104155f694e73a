import type { z } from 'zod';
import type { AlertPayload } from '../../../../../shared/exchange/payload';
import { useI18n } from '../../../app/i18n';
import { ConsignmentFacts, FactList } from '../ExchangeConsignment';
import { actionName, exchangeIndicatorName, severityName } from '../exchange-text';

type Alert = z.infer<typeof AlertPayload>['alert'];

/** A partner's alert: why they think it is high-risk and what they ask, then the consignment and what fired there. */
export function AlertContent({ alert }: { alert: Alert }) {
  const { t, language } = useI18n();
  return (
    <div className="stack alert-content">
      <section aria-labelledby="alert-why-title">
        <h3 id="alert-why-title">{t('exchange.detail.reason')}</h3>
        <p className="alert-reason" data-testid="alert-reason">
          {alert.reason}
        </p>
        <FactList
          items={[
            [t('exchange.detail.severity'), <span key="severity" className={`severity severity-${alert.severity}`}>{severityName(t, language, alert.severity)}</span>],
            [t('exchange.detail.requestedAction'), actionName(t, language, alert.requestedAction)],
            [t('exchange.detail.expectedArrival'), alert.expectedArrival],
            [t('exchange.detail.validUntil'), alert.validUntil],
            [t('exchange.detail.score'), alert.score ? t('exchange.detail.scoreValue', { total: alert.score.total, lane: t(`targeting.lane.${alert.score.lane}`) }) : null],
          ]}
        />
      </section>
      <section aria-labelledby="alert-consignment-title">
        <h3 id="alert-consignment-title">{t('exchange.consignment.title')}</h3>
        <ConsignmentFacts consignment={alert.consignment} />
      </section>
      <section aria-labelledby="alert-indicators-title">
        <h3 id="alert-indicators-title">{t('exchange.detail.indicators')}</h3>
        {alert.indicators.length === 0 ? (
          <p className="muted">{t('exchange.detail.noIndicators')}</p>
        ) : (
          <ul className="reason-list" data-testid="alert-indicators">
            {alert.indicators.map((indicator) => {
              const name = exchangeIndicatorName(t, language, indicator.id);
              return (
                <li key={indicator.id} className="reason">
                  <span className="reason-weight">+{indicator.weight}</span>
                  <span>
                    <strong>{name}</strong>
                    {name !== indicator.id && <span className="muted fine mono"> · {indicator.id}</span>}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

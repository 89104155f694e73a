import type { ReactNode } from 'react';
import type { ExchangeConsignment as Consignment, ExchangeParty } from '../../../../shared/exchange/payload';
import { useI18n } from '../../app/i18n';
import { partyRoleName } from './exchange-text';

/** Label–value pairs; an empty value shows a dash, so every field keeps its place. */
export function FactList({ items, testId }: { items: readonly (readonly [string, ReactNode])[]; testId?: string }) {
  return (
    <dl className="facts compact exchange-facts" data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Parties as a package carries them. A masked party is a private person the
 * sender withheld: it reads "private person, withheld", never an empty name.
 */
export function PartyList({ parties }: { parties: readonly ExchangeParty[] }) {
  const { t, language } = useI18n();
  if (parties.length === 0) return <p className="muted">{t('exchange.parties.none')}</p>;
  return (
    <ul className="exchange-parties" data-testid="exchange-parties">
      {parties.map((party, index) => (
        <li key={`${party.role}${index}`} className={party.masked ? 'party masked' : 'party'} data-masked={party.masked}>
          <span className="party-role">{partyRoleName(t, language, party)}</span>
          {party.masked ? (
            <span className="party-withheld">{t('exchange.party.masked')}</span>
          ) : (
            <span className="party-name">{party.name ?? '—'}</span>
          )}
          {!party.masked && party.address && <span className="muted fine">{party.address}</span>}
          {party.country && <span className="muted fine">{party.country}</span>}
        </li>
      ))}
    </ul>
  );
}

function RouteLine({ route }: { route: Consignment['route'] }) {
  const { t } = useI18n();
  const stops: { locode: string; role: string }[] = [];
  if (route.placeOfReceipt) stops.push({ locode: route.placeOfReceipt, role: t('exchange.route.receipt') });
  if (route.portOfLoading) stops.push({ locode: route.portOfLoading, role: t('exchange.route.loading') });
  for (const port of route.transshipmentPorts) stops.push({ locode: port, role: t('exchange.route.transshipment') });
  if (route.portOfDischarge) stops.push({ locode: route.portOfDischarge, role: t('exchange.route.discharge') });
  if (route.placeOfDelivery) stops.push({ locode: route.placeOfDelivery, role: t('exchange.route.delivery') });
  if (stops.length === 0) return <>—</>;
  return (
    <ol className="exchange-route">
      {stops.map((stop, index) => (
        <li key={`${stop.locode}${index}`}>
          <span className="mono">{stop.locode}</span> <span className="muted fine">{stop.role}</span>
        </li>
      ))}
    </ol>
  );
}

/** A consignment as it travels between units: equipment, vessel, route, parties, goods and seals. */
export function ConsignmentFacts({ consignment }: { consignment: Consignment }) {
  const { t, language } = useI18n();
  const { goods, vessel } = consignment;
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 3 });
  return (
    <div className="exchange-consignment" data-testid="exchange-consignment">
      <FactList
        items={[
          [t('exchange.consignment.container'), consignment.containerNumber && <span className="mono">{[consignment.containerNumber, consignment.containerType].filter(Boolean).join(' · ')}</span>],
          [t('exchange.consignment.bl'), consignment.blNumber && <span className="mono">{consignment.blNumber}</span>],
          [t('exchange.consignment.masterBl'), consignment.masterBl && <span className="mono">{consignment.masterBl}</span>],
          [t('exchange.consignment.vessel'), vessel.name],
          [t('exchange.consignment.imo'), vessel.imo && <span className="mono">{vessel.imo}</span>],
          [t('exchange.consignment.voyage'), consignment.voyage],
          [t('exchange.consignment.route'), <RouteLine key="route" route={consignment.route} />],
          [t('exchange.consignment.origin'), consignment.route.originCountry],
          [t('exchange.consignment.goods'), goods.description],
          [t('exchange.consignment.hs'), goods.hsCode && <span className="mono">{goods.hsCode}</span>],
          [t('exchange.consignment.packages'), goods.packages === null ? null : `${goods.packages} ${goods.packageType ?? ''}`.trim()],
          [t('exchange.consignment.weight'), goods.grossWeightKg === null ? null : `${number.format(Number(goods.grossWeightKg))} kg`],
          [t('exchange.consignment.seals'), consignment.seals.length > 0 ? <span className="mono">{consignment.seals.join(', ')}</span> : null],
        ]}
      />
      <h4>{t('exchange.parties.title')}</h4>
      <PartyList parties={consignment.parties} />
    </div>
  );
}

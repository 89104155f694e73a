import type { z } from 'zod';
import type { SeizureNoticePayload } from '../../../../../shared/exchange/payload';
import type { ReceivedPackageDetail } from '../../../../../shared/ipc/exchange-contract';
import { useI18n } from '../../../app/i18n';
import { formatLocalDateTime } from '../../../format/datetime';
import { categoryName, formatDecimal, lookup } from '../../cases/text';
import { ConsignmentFacts, FactList, PartyList } from '../ExchangeConsignment';
import { ReceivedPhotos } from './ReceivedPhotos';

type Seizure = z.infer<typeof SeizureNoticePayload>['seizure'];

/** A partner's seizure: what, how much, how it was hidden, where; the people involved (masked or not, as the sender chose) and the photos. */
export function SeizureNoticeContent({ receivedId, seizure, attachments }: { receivedId: number; seizure: Seizure; attachments: ReceivedPackageDetail['attachments'] }) {
  const { t, language } = useI18n();
  const concealment = [seizure.concealmentMethod, seizure.concealmentLocation].filter(Boolean).join(' — ');
  return (
    <div className="stack seizure-content">
      <section aria-labelledby="notice-seizure-title">
        <h3 id="notice-seizure-title">{t('exchange.seizure.title')}</h3>
        <FactList
          testId="notice-facts"
          items={[
            [t('exchange.seizure.category'), categoryName(t, language, seizure.category)],
            [t('exchange.seizure.quantity'), `${formatDecimal(language, seizure.quantity)} ${lookup(t, language, [`seizure.unit.${seizure.quantityUnit}`], seizure.quantityUnit)}`],
            [t('exchange.seizure.concealment'), concealment],
            [t('exchange.seizure.seizedAt'), formatLocalDateTime(seizure.seizedAt)],
            [t('exchange.seizure.place'), `${seizure.place.text} (${seizure.place.locode})`],
            [t('exchange.seizure.caseReference'), seizure.caseReference],
            [t('exchange.seizure.personalData'), t(`exchange.personalData.${seizure.personalData}`)],
            [t('exchange.seizure.note'), seizure.note],
          ]}
        />
        {seizure.description && <p>{seizure.description}</p>}
      </section>
      <section aria-labelledby="notice-parties-title">
        <h3 id="notice-parties-title">{t('exchange.seizure.parties')}</h3>
        <PartyList parties={seizure.parties} />
      </section>
      {seizure.consignment && (
        <section aria-labelledby="notice-consignment-title">
          <h3 id="notice-consignment-title">{t('exchange.consignment.title')}</h3>
          <ConsignmentFacts consignment={seizure.consignment} />
        </section>
      )}
      <section aria-labelledby="notice-photos-title">
        <h3 id="notice-photos-title">{t('exchange.seizure.photos')}</h3>
        {attachments.length === 0 ? <p className="muted">{t('exchange.seizure.noPhotos')}</p> : <ReceivedPhotos receivedId={receivedId} attachments={attachments} />}
      </section>
    </div>
  );
}

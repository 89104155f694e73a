import { z } from 'zod';
import { AlertPayload, SeizureNoticePayload } from '../../../../../shared/exchange/payload';
import type { ReceivedPackageDetail } from '../../../../../shared/ipc/exchange-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { Notice } from '../../../components/Notice';
import { useLoad } from '../../../components/useLoad';
import { formatLocalDateTime } from '../../../format/datetime';
import { FactList } from '../ExchangeConsignment';
import { kindKey, subjectText } from '../exchange-text';
import { AlertContent } from './AlertContent';
import { SeizureNoticeContent } from './SeizureNoticeContent';

/** Who sent it, read from the payload (the parts of the envelope the screen shows). */
const SentBy = z.object({ fullName: z.string(), role: z.string() });
const AlertBody = AlertPayload.shape.alert;
const SeizureBody = SeizureNoticePayload.shape.seizure;

/**
 * The payload is shown only through the published schema: main stored it
 * after checking, and the screen checks again rather than trust a shape, so a
 * package of a newer minor version shows a calm notice, not a broken page.
 */
function Content({ detail }: { detail: ReceivedPackageDetail }) {
  const { t } = useI18n();
  if (detail.kind === 'alert') {
    const alert = AlertBody.safeParse(detail.payload.alert);
    if (alert.success) return <AlertContent alert={alert.data} />;
  } else {
    const seizure = SeizureBody.safeParse(detail.payload.seizure);
    if (seizure.success) return <SeizureNoticeContent receivedId={detail.id} seizure={seizure.data} attachments={detail.attachments} />;
  }
  return <Notice kind="warning">{t('exchange.detail.unreadable')}</Notice>;
}

/** One received package: where it came from and how it was protected, then what it says. */
export function ReceivedDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const api = useApi();
  const { t, language } = useI18n();
  const detail = useLoad(() => api.invoke('exchange.received', { id }), id);
  if (!detail) return <p className="muted">{t('exchange.detail.loading')}</p>;
  const sentBy = SentBy.safeParse(detail.payload.sentBy);
  return (
    <article className="panel received-detail" aria-labelledby="received-detail-title" data-testid="received-detail" data-kind={detail.kind}>
      <header className="section-head">
        <h2 id="received-detail-title" tabIndex={-1}>
          {t(kindKey(detail.kind))}: {subjectText(t, language, detail.subject)}{' '}
          <span className={`state-badge state-${detail.state}`}>{t(`exchange.state.${detail.state}`)}</span>
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('exchange.detail.close')}
        </button>
      </header>
      <FactList
        items={[
          [t('exchange.detail.from'), `${detail.partnerName} · ${detail.senderUnit}`],
          [t('exchange.detail.sentBy'), sentBy.success ? t('exchange.detail.person', { name: sentBy.data.fullName, role: sentBy.data.role }) : null],
          [t('exchange.column.created'), formatLocalDateTime(detail.createdAt)],
          [t('exchange.detail.receivedBy'), t('exchange.detail.byAt', { at: formatLocalDateTime(detail.receivedAt), by: detail.receivedBy })],
          [t('exchange.detail.protection'), t(detail.encrypted ? 'exchange.detail.encrypted' : 'exchange.detail.signedOnly')],
          [t('exchange.detail.packageId'), <code key="id" className="hash">{detail.packageId}</code>],
        ]}
      />
      <Content detail={detail} />
    </article>
  );
}

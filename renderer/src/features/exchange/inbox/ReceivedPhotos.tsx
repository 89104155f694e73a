import { useEffect, useState } from 'react';
import type { ReceivedPackageDetail } from '../../../../../shared/ipc/exchange-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { formatBytes } from '../../cases/text';

type Attachment = ReceivedPackageDetail['attachments'][number];

/** Only the media types a package may carry are drawn; anything else would not be an image to show. */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** One photo, fetched on its own (a package may carry tens of MB) and shown from a data: URL, as casework shows stored photos. */
function ReceivedPhoto({ receivedId, attachment }: { receivedId: number; attachment: Attachment }) {
  const api = useApi();
  const { t, language } = useI18n();
  const errorText = useErrorText();
  const [url, setUrl] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.invoke('exchange.attachment', { receivedId, attachmentId: attachment.id }).then(
      (photo) => {
        if (!current) return;
        if (IMAGE_TYPES.has(photo.mediaType)) setUrl(`data:${photo.mediaType};base64,${photo.dataBase64}`);
        else setFailure(t('cases.attachments.noPreview', { type: photo.mediaType }));
      },
      (error: unknown) => current && setFailure(errorText(error)),
    );
    return () => {
      current = false;
    };
  }, [api, receivedId, attachment.id, errorText, t]);

  const label = attachment.caption || attachment.fileName;
  return (
    <li className="attachment received-photo" data-testid="received-photo">
      {url ? (
        <img src={url} alt={label} className="attachment-thumb received-photo-image" />
      ) : (
        <span className="attachment-thumb photo-thumb-none">{failure ?? t('exchange.seizure.photoLoading')}</span>
      )}
      <div className="attachment-facts">
        <span className="attachment-caption">{label}</span>
        <span className="muted">
          {attachment.fileName} · {formatBytes(language, attachment.sizeBytes)}
        </span>
        <span className="attachment-sha">
          <abbr title="SHA-256">SHA-256</abbr> <code className="hash">{attachment.sha256}</code>
        </span>
      </div>
    </li>
  );
}

export function ReceivedPhotos({ receivedId, attachments }: { receivedId: number; attachments: ReceivedPackageDetail['attachments'] }) {
  const { t } = useI18n();
  return (
    <ul className="attachment-grid" aria-label={t('exchange.seizure.photos')}>
      {attachments.map((attachment) => (
        <ReceivedPhoto key={attachment.id} receivedId={receivedId} attachment={attachment} />
      ))}
    </ul>
  );
}

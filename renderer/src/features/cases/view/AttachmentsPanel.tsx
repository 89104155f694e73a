import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { AttachmentInfo } from '../../../../../shared/ipc/casework-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { Notice } from '../../../components/Notice';
import { formatLocalDateTime } from '../../../format/datetime';
import { PhotoPicker } from '../examination/PhotoPicker';
import { capturedAt, fileBase64, mediaTypeOf, PHOTO_MAX_BYTES, type PhotoDraft } from '../examination/photos';
import { formatBytes } from '../text';
import { VoidButton, type VoidTarget } from './common';

type Attachment = z.infer<typeof AttachmentInfo>;

/** Thumbnails with caption, size and SHA-256; a click opens the stored original. */
export function AttachmentThumbs({
  attachments,
  busy,
  onView,
  onVoid,
}: {
  attachments: readonly Attachment[];
  busy: boolean;
  onView: (id: number) => void;
  onVoid: (target: VoidTarget) => void;
}) {
  const { t, language } = useI18n();
  return (
    <ul className="attachment-grid" aria-label={t('cases.attachments.list')}>
      {attachments.map((attachment) => {
        const label = attachment.caption || attachment.fileName;
        return (
          <li key={attachment.id} id={`attachment-${attachment.id}`} className={attachment.voided ? 'attachment voided' : 'attachment'} data-testid="attachment" data-attachment={attachment.id}>
            <button
              type="button"
              className="attachment-open"
              aria-label={t('cases.attachments.open', { name: label })}
              onClick={() => onView(attachment.id)}
            >
              {attachment.thumbnail ? (
                <img src={attachment.thumbnail} alt="" className="attachment-thumb" />
              ) : (
                <span className="attachment-thumb photo-thumb-none">{attachment.mediaType}</span>
              )}
            </button>
            <div className="attachment-facts">
              <span className="attachment-caption record-struck">{label}</span>
              <span className="muted">
                {attachment.fileName} · {formatBytes(language, attachment.byteLength)}
              </span>
              <span className="attachment-sha">
                <abbr title="SHA-256">SHA-256</abbr>{' '}
                <code className="hash" data-testid="attachment-sha256">
                  {attachment.sha256}
                </code>
              </span>
              <span className="muted">{t('cases.byAt', { by: attachment.addedBy, at: formatLocalDateTime(attachment.addedAt) })}</span>
              {attachment.voided && (
                <span className="voided-note">
                  <strong>{t('cases.voided')}</strong>{' '}
                  {t('cases.voided.detail', { by: attachment.voided.by, at: formatLocalDateTime(attachment.voided.at), reason: attachment.voided.reason })}
                </span>
              )}
              <VoidButton
                target={{ kind: 'attachment', id: attachment.id, label: t('cases.attachments.label', { name: label }) }}
                voided={attachment.voided !== null}
                busy={busy}
                onVoid={onVoid}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** The stored original, full size, with the hash main took when it arrived. */
export function AttachmentViewer({ id, info, onClose }: { id: number; info: Attachment | undefined; onClose: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const dialog = useRef<HTMLDialogElement>(null);
  const [file, setFile] = useState<{ url: string; mediaType: string; sha256: string; fileName: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  useEffect(() => {
    let current = true;
    api.invoke('attachments.get', { id }).then(
      (stored) => current && setFile({ url: `data:${stored.mediaType};base64,${stored.dataBase64}`, mediaType: stored.mediaType, sha256: stored.sha256, fileName: stored.fileName }),
      (error: unknown) => current && setFailure(errorText(error)),
    );
    return () => {
      current = false;
    };
  }, [api, id, errorText]);

  const title = info?.caption || info?.fileName || file?.fileName || `#${id}`;
  return (
    <dialog ref={dialog} className="dialog attachment-viewer" aria-labelledby="attachment-viewer-title" onClose={onClose} data-testid="attachment-viewer">
      <h2 id="attachment-viewer-title">{title}</h2>
      {failure && <Notice kind="error">{failure}</Notice>}
      {!file && !failure && <p className="muted">{t('status.loading')}</p>}
      {file &&
        (file.mediaType.startsWith('image/') ? (
          <img className="attachment-full" src={file.url} alt={title} />
        ) : (
          <p className="muted">{t('cases.attachments.noPreview', { type: file.mediaType })}</p>
        ))}
      {file && (
        <p className="attachment-sha">
          SHA-256 <code className="hash">{file.sha256}</code>
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="secondary" autoFocus onClick={() => dialog.current?.close()}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}

/** Photos or documents added to the case itself (not to one examination). */
export function AttachmentAdder({ caseId, onDone }: { caseId: number; onDone: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const [photos, setPhotos] = useState<readonly PhotoDraft[]>([]);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<readonly string[]>([]);

  const send = async () => {
    setBusy(true);
    let failed = false;
    for (const photo of photos) {
      if (photo.state === 'stored') continue;
      setPhotos((current) => current.map((item) => (item.key === photo.key ? { ...item, state: 'sending' } : item)));
      try {
        const stored = await api.invoke('attachments.add', {
          caseId,
          examinationId: null,
          fileName: photo.file.name,
          mediaType: mediaTypeOf(photo.file),
          dataBase64: await fileBase64(photo.file),
          ...(photo.thumbnail ? { thumbnailDataUrl: photo.thumbnail } : {}),
          caption: photo.caption.trim(),
          capturedAt: capturedAt(photo.file),
        });
        setPhotos((current) => current.map((item) => (item.key === photo.key ? { ...item, state: 'stored', sha256: stored.sha256 } : item)));
      } catch (error) {
        failed = true;
        setPhotos((current) => current.map((item) => (item.key === photo.key ? { ...item, state: 'failed', error: errorText(error) } : item)));
      }
    }
    setBusy(false);
    if (!failed) {
      setPhotos([]);
      onDone();
    }
  };

  return (
    <div className="attachment-adder">
      <PhotoPicker photos={photos} onChange={setPhotos} disabled={busy} tooLarge={setRefused} />
      {refused.length > 0 && <Notice kind="warning">{t('examination.photos.tooLarge', { names: refused.join(', '), limitMb: PHOTO_MAX_BYTES / 1024 / 1024 })}</Notice>}
      {photos.length > 0 && (
        <div className="form-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void send()}>
            {busy ? t('common.saving') : t('cases.attachments.send', { count: photos.length })}
          </button>
        </div>
      )}
    </div>
  );
}

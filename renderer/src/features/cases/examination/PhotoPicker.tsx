import { useState, type DragEvent } from 'react';
import { useI18n } from '../../../app/i18n';
import { formatBytes } from '../text';
import { makeThumbnail, PHOTO_MAX_BYTES, type PhotoDraft } from './photos';
import { rowKey } from './exam-model';

/**
 * Photos for a record: dropped from the camera's folder or chosen in the
 * system dialog, each with a caption. Thumbnails are drawn here; the bytes go
 * to main untouched once the record exists. After sending, each photo shows
 * the SHA-256 main took on arrival.
 */
export function PhotoPicker({
  photos,
  onChange,
  disabled,
  tooLarge,
}: {
  photos: readonly PhotoDraft[];
  onChange: (update: (photos: readonly PhotoDraft[]) => readonly PhotoDraft[]) => void;
  disabled: boolean;
  /** Names of files refused here (over the size limit), shown once under the zone. */
  tooLarge?: (names: readonly string[]) => void;
}) {
  const { t, language } = useI18n();
  const [over, setOver] = useState(false);

  const take = (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (files.length === 0 || disabled) return;
    const accepted = files.filter((file) => file.size <= PHOTO_MAX_BYTES);
    const refused = files.filter((file) => file.size > PHOTO_MAX_BYTES).map((file) => file.name);
    if (refused.length > 0) tooLarge?.(refused);
    const added = accepted.map((file): PhotoDraft => ({ key: rowKey(), file, caption: '', thumbnail: null, state: 'ready' }));
    onChange((current) => [...current, ...added]);
    for (const photo of added) {
      void makeThumbnail(photo.file).then((thumbnail) =>
        onChange((current) => current.map((item) => (item.key === photo.key ? { ...item, thumbnail } : item))),
      );
    }
  };
  const allow = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
  };
  const update = (key: number, change: Partial<PhotoDraft>) =>
    onChange((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));

  return (
    <div className="photo-picker">
      <div
        className={['drop-zone', 'photo-drop', over ? 'over' : '', disabled ? 'disabled' : ''].filter(Boolean).join(' ')}
        data-testid="photo-drop"
        onDragEnter={(event) => {
          allow(event);
          setOver(true);
        }}
        onDragOver={allow}
        onDragLeave={(event) => {
          if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setOver(false);
        }}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          take(event.dataTransfer.files);
        }}
      >
        <p className="drop-prompt">
          {t('examination.photos.drop')}{' '}
          <label className={disabled ? 'choose-files disabled' : 'choose-files'}>
            {t('examination.photos.choose')}
            <input
              type="file"
              accept="image/*"
              multiple
              className="visually-hidden"
              disabled={disabled}
              data-testid="photo-input"
              onChange={(event) => {
                take(event.target.files);
                event.target.value = '';
              }}
            />
          </label>
        </p>
        <p className="drop-hint">{t('examination.photos.hint', { limitMb: PHOTO_MAX_BYTES / 1024 / 1024 })}</p>
      </div>
      {photos.length > 0 && (
        <ul className="photo-list" aria-label={t('examination.photos.list')}>
          {photos.map((photo, index) => (
            <li key={photo.key} className={`photo-item photo-${photo.state}`} data-testid="photo-item">
              {photo.thumbnail ? (
                <img className="photo-thumb" src={photo.thumbnail} alt={photo.caption || photo.file.name} />
              ) : (
                <span className="photo-thumb photo-thumb-none" aria-hidden="true">
                  {t('examination.photos.noPreview')}
                </span>
              )}
              <div className="photo-facts">
                <span className="mono photo-name">{photo.file.name}</span>
                <span className="muted">{formatBytes(language, photo.file.size)}</span>
                <div className="field">
                  <label htmlFor={`photo-caption-${photo.key}`}>{t('examination.photos.caption', { n: index + 1 })}</label>
                  <input
                    id={`photo-caption-${photo.key}`}
                    value={photo.caption}
                    maxLength={1000}
                    disabled={disabled || photo.state === 'stored' || photo.state === 'sending'}
                    onChange={(event) => update(photo.key, { caption: event.target.value })}
                  />
                </div>
                {photo.state === 'sending' && <span className="muted">{t('examination.photos.sending')}</span>}
                {photo.state === 'stored' && photo.sha256 && (
                  <span className="photo-hash" data-testid="photo-sha256">
                    {t('examination.photos.stored')} <span className="visually-hidden">SHA-256</span>
                    <code className="hash" title="SHA-256">
                      {photo.sha256}
                    </code>
                  </span>
                )}
                {photo.state === 'failed' && photo.error && <span className="field-error">{photo.error}</span>}
              </div>
              {(photo.state === 'ready' || photo.state === 'failed') && !disabled && (
                <button
                  type="button"
                  className="small"
                  aria-label={t('examination.photos.removeNamed', { name: photo.file.name })}
                  onClick={() => onChange((current) => current.filter((item) => item.key !== photo.key))}
                >
                  {t('examination.photos.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

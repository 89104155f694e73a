import { useI18n } from '../../../app/i18n';
import { FileDrop } from '../../../components/FileDrop';
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
  const take = (files: File[]) => {
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
  const update = (key: number, change: Partial<PhotoDraft>) =>
    onChange((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));

  return (
    <div className="photo-picker">
      <FileDrop
        disabled={disabled}
        onFiles={take}
        prompt={t('examination.photos.drop')}
        choose={t('examination.photos.choose')}
        accept="image/*"
        multiple
        className="photo-drop"
        testId="photo-drop"
        inputTestId="photo-input"
      >
        <p className="drop-hint">{t('examination.photos.hint', { limitMb: PHOTO_MAX_BYTES / 1024 / 1024 })}</p>
      </FileDrop>
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

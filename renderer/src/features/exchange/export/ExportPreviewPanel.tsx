import type { ExportPreview } from '../../../../../shared/ipc/exchange-contract';
import { useI18n } from '../../../app/i18n';
import { Notice } from '../../../components/Notice';
import { formatBytes } from '../../cases/text';
import { ConsignmentFacts, PartyList } from '../ExchangeConsignment';

/** What main says the package will carry: the consignment, the parties as they will read (masked or not), photos, recipients. */
export function ExportPreviewPanel({ preview }: { preview: ExportPreview }) {
  const { t, language } = useI18n();
  const masked = preview.parties.filter((party) => party.masked).length + (preview.consignment?.parties.filter((party) => party.masked).length ?? 0);
  // A seizure notice names its own parties; an alert's are the consignment's, shown with it.
  const ownParties = preview.kind === 'seizure-notice' || preview.consignment === null;
  return (
    <section className="export-preview" aria-labelledby="export-preview-title" data-testid="export-preview">
      <h3 id="export-preview-title">{t('exchange.export.previewTitle')}</h3>
      {preview.encrypted ? (
        <Notice kind="info">{t('exchange.export.encryptedTo', { names: preview.recipients.map((recipient) => recipient.name).join(', ') })}</Notice>
      ) : (
        <Notice kind="warning">{t('exchange.export.notEncrypted')}</Notice>
      )}
      {preview.privatePersons > 0 && (
        <Notice kind={masked > 0 ? 'info' : 'warning'} testId="preview-private-persons">
          {masked > 0 ? t('exchange.export.privateMasked', { count: preview.privatePersons }) : t('exchange.export.privateIncluded', { count: preview.privatePersons })}
        </Notice>
      )}
      {ownParties && (
        <>
          <h4>{t(preview.kind === 'seizure-notice' ? 'exchange.seizure.parties' : 'exchange.parties.title')}</h4>
          <PartyList parties={preview.parties} />
        </>
      )}
      <h4>{t('exchange.consignment.title')}</h4>
      {preview.consignment ? <ConsignmentFacts consignment={preview.consignment} /> : <p className="muted">{t('exchange.consignment.none')}</p>}
      {preview.kind === 'seizure-notice' && <h4>{t('exchange.export.attachments')}</h4>}
      {preview.kind === 'alert' ? null : preview.attachments.length === 0 ? (
        <p className="muted">{t('exchange.export.noAttachments')}</p>
      ) : (
        <ul className="preview-attachments">
          {preview.attachments.map((attachment) => (
            <li key={attachment.fileName}>
              {attachment.caption || attachment.fileName} <span className="muted fine">({attachment.fileName}, {formatBytes(language, attachment.sizeBytes)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

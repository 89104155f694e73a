import type { Handlers } from '../../../shared/ipc/dispatch';
import { translate } from '../../../shared/i18n';
import { DomainError } from '../../../shared/ipc/errors';
import {
  addPartner,
  exportPackage,
  importPackage,
  inbox,
  listPartners,
  previewExport,
  receivedAttachment,
  receivedDetail,
  revokePartner,
  sentPackages,
  unitCertificate,
  type ExchangeScope,
} from '../exchange/exchange-service';
import type { HandlerContext } from './context';

type ExchangeChannels =
  | 'exchange.unitCertificate'
  | 'exchange.partners.list'
  | 'exchange.partners.add'
  | 'exchange.partners.revoke'
  | 'exchange.preview'
  | 'exchange.export'
  | 'exchange.sent'
  | 'exchange.import'
  | 'exchange.inbox'
  | 'exchange.received'
  | 'exchange.attachment';

/** The exchange between units over the contract; the work and its audit entries are in core/exchange/exchange-service.ts. */
export function exchangeHandlers({ sessions, clock, language }: HandlerContext): Pick<Handlers, ExchangeChannels> {
  const db = () => sessions.store().db;
  const scope = (): ExchangeScope => {
    const actor = sessions.actor();
    if (actor.userId === null) throw new DomainError('UNAUTHENTICATED', 'Log in first');
    return { store: sessions.store(), actor, userId: actor.userId, clock };
  };

  return {
    'exchange.unitCertificate': () => unitCertificate(scope()),
    'exchange.partners.list': () => listPartners(db(), clock()),
    'exchange.partners.add': ({ name, certificateBase64, fileName }) =>
      addPartner(scope(), { name, certificate: Buffer.from(certificateBase64, 'base64'), fileName: fileName ?? `${name.trim()} certificate` }),
    'exchange.partners.revoke': ({ partnerId, reason }) => revokePartner(scope(), { partnerId, reason }),
    'exchange.preview': (request) => previewExport(scope(), request),
    'exchange.export': async (request) => {
      const { packageBytes, ...exported } = await exportPackage(scope(), request);
      return { ...exported, packageBase64: packageBytes.toString('base64') };
    },
    'exchange.sent': () => sentPackages(db()),
    'exchange.import': async ({ fileName, packageBase64 }) => {
      // Watch-list reasons are stored text: the requested action goes in in this unit's language.
      const lang = await language();
      return importPackage(scope(), { name: fileName, bytes: Buffer.from(packageBase64, 'base64') }, {
        actionLabel: (action) => translate(lang, `exchange.action.${action}`),
      });
    },
    'exchange.inbox': () => inbox(db(), clock()),
    'exchange.received': ({ id }) => receivedDetail(db(), id, clock()),
    'exchange.attachment': ({ receivedId, attachmentId }) => receivedAttachment(db(), receivedId, attachmentId),
  };
}

/**
 * The key parties are matched on. Delegates to the shared normaliser so the
 * risk engine ("first-time consignee") and import agree on who is who.
 */
export { normalisePartyName as normalisePartyKey } from '../../../../shared/domain/party-name';

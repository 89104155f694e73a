import { z } from 'zod';
import type { AddressPattern } from '../reference';
import type { RiskLine, RiskParty } from '../types';
import { defineIndicator, foldedParty } from './line-facts';
import type { PhraseMatcher } from './text-match';

const partyRoles = ['shipper', 'consignee', 'notify'] as const;
type PartyRole = (typeof partyRoles)[number];
const roles = z.array(z.enum(partyRoles)).min(1).max(partyRoles.length);

/**
 * The first of the parties whose address (or name: manifests often put the
 * whole party block in the name cell) matches the patterns.
 */
function addressHit(line: RiskLine, which: readonly PartyRole[], patterns: PhraseMatcher<AddressPattern>) {
  for (const role of which) {
    const party: RiskParty | null = line[role];
    if (party === null) continue;
    const folded = foldedParty(party);
    const inAddress = patterns.find(folded.address)[0];
    if (inAddress) return { party: role, name: party.name, address: party.address, phrase: inAddress.value.phrase };
    const inName = patterns.find(folded.name)[0];
    if (inName) return { party: role, name: party.name, address: party.name, phrase: inName.value.phrase };
  }
  return null;
}

/** A post-office box or poste restante: nobody can be visited there. */
export const poBoxAddress = defineIndicator({
  id: 'parties.po-box-address',
  category: 'parties',
  defaultWeight: 10,
  params: z.strictObject({ parties: roles }),
  defaultParams: { parties: ['consignee', 'notify'] },
  evaluate(line, { reference }, params) {
    return addressHit(line, params.parties, reference.lookups.poBoxAddresses);
  },
});

/** A flat or private house receiving a commercial quantity. */
export const residentialAddress = defineIndicator({
  id: 'parties.residential-address',
  category: 'parties',
  defaultWeight: 10,
  params: z.strictObject({
    parties: roles,
    /** Below this gross weight a private address is ordinary (personal parcels). */
    minGrossKg: z.number().min(0).max(100_000),
  }),
  defaultParams: { parties: ['consignee', 'notify'], minGrossKg: 1_000 },
  evaluate(line, { reference }, params) {
    if (params.minGrossKg > 0 && (line.grossWeightKg === null || line.grossWeightKg < params.minGrossKg)) return null;
    const hit = addressHit(line, params.parties, reference.lookups.residentialAddresses);
    return hit ? { ...hit, weight: line.grossWeightKg ?? 0 } : null;
  },
});

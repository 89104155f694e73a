import { type ManifestHeaderInput, type Problem } from '../../../../../shared/domain/manifest';
import { type Segment } from './lexer';
import { type RawVesselCall } from './message';
import { mainCarriageStage, parties, pick, vesselCallDates, vesselCallLocations, voyageReference } from './qualifiers';
import { component } from './segment';

type Mode = ManifestHeaderInput['mode'];

/** TDT C220/8067 (UN/ECE Recommendation 19): 1 maritime, 2 rail, 3 road, 4 air, 8 inland water. */
const modes: Readonly<Record<string, Mode>> = { '1': 'sea', '2': 'rail', '3': 'road', '4': 'air', '8': 'sea' };

/** The vessel-call fields one message states; undefined where it is silent. */
export type VesselCallFields = Omit<ManifestHeaderInput, 'mode' | 'sender'> & { readonly mode?: Mode };

/**
 * The vessel call from TDT+20 and its LOC/DTM, message-level RFF+VON and NAD+CA.
 *
 * TDT: 010 8051 stage, 020 8028 conveyance reference (the voyage number), 030
 * C220 mode, 040 C228 means, 050 C040 carrier (3127 code, 1131, 3055, 3128
 * name), 060 8101, 070 C401, 080 C222 transport identification (8213 id, 1131
 * code list, 3055 agency, 8212 vessel name, 8453 nationality).
 */
export function readVesselCall(call: RawVesselCall, problems: Problem[]): VesselCallFields {
  const transport = call.transports.find((tdt) => component(tdt, 0) === mainCarriageStage) ?? call.transports[0];
  if (transport && component(transport, 0) !== mainCarriageStage) {
    problems.push({
      code: 'QUALIFIER_UNEXPECTED',
      segment: transport.position,
      params: { tag: 'TDT', qualifier: component(transport, 0), expected: mainCarriageStage },
    });
  }
  const vessel = transport ? vesselOf(transport) : {};
  const carrierParty = pick(call.parties, parties.carrier, 'NAD', problems);
  const fields: VesselCallFields = {
    mode: transport ? modes[component(transport, 2, 0)] : undefined,
    ...vessel,
    voyage: (transport && component(transport, 1)) || pick(call.references, voyageReference, 'RFF', problems),
    carrier: carrierParty?.name ?? ((transport && (component(transport, 4, 3) || component(transport, 4, 0))) || undefined),
    portOfLoading: pick(call.locations, vesselCallLocations.portOfLoading, 'LOC', problems),
    portOfDischarge: pick(call.locations, vesselCallLocations.portOfDischarge, 'LOC', problems),
    departureDate: pick(call.dates, vesselCallDates.departure, 'DTM', problems),
    arrivalDate: pick(call.dates, vesselCallDates.arrival, 'DTM', problems),
  };
  return fields;
}

/**
 * The vessel from C222. 8213 holds the IMO number when 1131 says so (146
 * "Means of transport identification", or "IMO") or 3055 is 11 (Lloyd's
 * register), when it is written "IMO1234567", or when it is seven bare digits
 * not declared a call sign (1131 103). Validation checks the check digit, so
 * a declared IMO number is passed on even when it is not seven digits.
 */
function vesselOf(tdt: Segment): { vesselName?: string; imo?: string } {
  const id = component(tdt, 7, 0);
  const codeList = component(tdt, 7, 1).toUpperCase();
  const agency = component(tdt, 7, 2);
  const name = component(tdt, 7, 3);
  const prefixed = /^IMO[\s:.-]*/i;
  const declaredImo = codeList === '146' || codeList === 'IMO' || agency === '11' || prefixed.test(id);
  const imo = declaredImo ? id.replace(prefixed, '') : codeList !== '103' && /^\d{7}$/.test(id) ? id : '';
  // Without 8212, a sender who put the name in 8213 (it has blanks, a call sign has none) is understood.
  const vesselName = name || (!imo && codeList !== '103' && /\s/.test(id) ? id : '');
  return { ...(vesselName ? { vesselName } : {}), ...(imo ? { imo } : {}) };
}

import { z } from 'zod';
import { countryOf, defineIndicator } from './line-facts';

/** Transshipped via a hub where containers are known to be opened or re-documented. */
export const riskHubTransshipment = defineIndicator({
  id: 'routing.risk-hub-transshipment',
  category: 'routing',
  defaultWeight: 10,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line, { reference }) {
    const hubs = line.transshipmentPorts.filter((port) => reference.lookups.transshipmentHubs.has(port));
    return hubs.length > 0 ? { ports: [...new Set(hubs)] } : null;
  },
});

/**
 * More transshipments than the lane usually has: every extra call is a chance
 * to open the box and a way to hide where the goods came from. Without
 * enough history for the lane, a fixed ceiling stands in for "usual".
 */
export const unusualTransshipments = defineIndicator({
  id: 'routing.unusual-transshipments',
  category: 'routing',
  defaultWeight: 10,
  params: z.strictObject({
    /** Transshipments above the lane's usual count that are still normal. */
    margin: z.number().int().min(0).max(10),
    /** The ceiling when the unit has too little history of the lane. */
    maxWithoutHistory: z.number().int().min(0).max(10),
  }),
  defaultParams: { margin: 1, maxWithoutHistory: 2 },
  evaluate(line, { history }, params) {
    const count = line.transshipmentPorts.length;
    if (count === 0 || !line.portOfLoading || !line.portOfDischarge) return null;
    const usual = history.laneTransshipments(line.portOfLoading, line.portOfDischarge);
    const limit = usual === null ? params.maxWithoutHistory : usual + params.margin;
    if (count <= limit) return null;
    return {
      count,
      usual: usual ?? params.maxWithoutHistory,
      basis: usual === null ? 'default' : 'history',
      lane: `${line.portOfLoading} → ${line.portOfDischarge}`,
      ports: [...line.transshipmentPorts],
    };
  },
});

/**
 * Goods of one country loaded in another: the classic way to launder an
 * origin (bananas "from" a country that grows none, or cocaine-source goods
 * re-shipped from a clean port). Landlocked origins received inland in the
 * origin country and trucked to a neighbour's port are not circuitous, hence
 * the check against the place of receipt.
 */
export const originNotLoadingCountry = defineIndicator({
  id: 'routing.origin-not-loading-country',
  category: 'routing',
  defaultWeight: 5,
  params: z.strictObject({
    /** Origins whose goods normally leave through a neighbour's port (landlocked trading partners). */
    exemptOrigins: z.array(z.string().regex(/^[A-Z]{2}$/)).max(250),
  }),
  defaultParams: { exemptOrigins: [] },
  evaluate(line, _context, params) {
    const origin = line.originCountry;
    if (!origin || !line.portOfLoading || params.exemptOrigins.includes(origin)) return null;
    const country = countryOf(line.portOfLoading);
    if (country === origin) return null;
    if (line.placeOfReceipt && countryOf(line.placeOfReceipt) === origin) return null;
    return { origin, country, port: line.portOfLoading };
  },
});

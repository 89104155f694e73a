import { z } from 'zod';
import { riskCategories, type CoverLoadLookup } from '../reference';
import type { RiskLine } from '../types';
import { defineIndicator, foldedDescription, riskOnRoute } from './line-facts';

/** The cover-load goods the line names: by description keyword first (what the officer reads), else by HS code. */
function coverLoadOf(line: RiskLine, lookup: CoverLoadLookup): { commodity: string; by: 'description' | 'hs' } | null {
  const hit = lookup.keywords.find(foldedDescription(line))[0];
  if (hit) return { commodity: hit.matched, by: 'description' };
  const entry = line.hsCode === null ? undefined : lookup.hsCodes.first(line.hsCode);
  return entry ? { commodity: entry.keyword.replaceAll('*', ''), by: 'hs' } : null;
}

const categories = z.array(z.enum(riskCategories)).min(1).max(riskCategories.length);

/**
 * Perishables that cocaine keeps being found with (bananas, pineapples,
 * frozen seafood, coffee), on a route through a cocaine source or transit
 * country or port. Either alone is ordinary trade; together they are the
 * pattern of most large container seizures.
 */
export const cocaineCoverLoad = defineIndicator({
  id: 'goods.cocaine-cover-load',
  category: 'goods',
  defaultWeight: 20,
  params: z.strictObject({ routeCategories: categories }),
  defaultParams: { routeCategories: ['cocaine'] },
  evaluate(line, { reference }, params) {
    const cover = coverLoadOf(line, reference.lookups.cocaineCoverLoads);
    if (!cover) return null;
    const route = riskOnRoute(line, reference.lookups, params.routeCategories);
    if (!route) return null;
    return { commodity: cover.commodity, by: cover.by, port: route.port, country: route.country };
  },
});

/**
 * Bulky low-value goods that cigarettes hide behind (tiles, paper cups,
 * curtains, furniture). By default only on a route through a country or port
 * listed for tobacco: these goods are everyday imports otherwise.
 */
export const cigaretteCoverLoad = defineIndicator({
  id: 'goods.cigarette-cover-load',
  category: 'goods',
  defaultWeight: 10,
  params: z.strictObject({ requireRiskRoute: z.boolean(), routeCategories: categories }),
  defaultParams: { requireRiskRoute: true, routeCategories: ['tobacco'] },
  evaluate(line, { reference }, params) {
    const cover = coverLoadOf(line, reference.lookups.cigaretteCoverLoads);
    if (!cover) return null;
    const route = riskOnRoute(line, reference.lookups, params.routeCategories);
    if (!route && params.requireRiskRoute) return null;
    const evidence: Record<string, string> = { commodity: cover.commodity, by: cover.by };
    if (route) Object.assign(evidence, { port: route.port, country: route.country });
    return evidence;
  },
});

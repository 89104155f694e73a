import { z } from 'zod';
import { riskCategories } from '../reference';
import { countryOf, defineIndicator, departurePorts, routePorts } from './line-facts';

/** Empty: every category the tables list. A unit that only hunts cocaine narrows it. */
const categories = z.array(z.enum(riskCategories)).max(riskCategories.length);

/** Received or loaded in a country the tables list as a source or transit country. */
export const highRiskCountry = defineIndicator({
  id: 'routing.high-risk-country',
  category: 'routing',
  defaultWeight: 15,
  params: z.strictObject({ categories }),
  defaultParams: { categories: [] },
  evaluate(line, { reference }, params) {
    for (const port of departurePorts(line)) {
      const country = countryOf(port);
      const listed = reference.lookups.highRiskCountries
        .get(country)
        ?.filter((entry) => params.categories.length === 0 || params.categories.includes(entry.category));
      if (listed && listed.length > 0) return { port, country, categories: listed.map((entry) => entry.category) };
    }
    return null;
  },
});

/**
 * Received, loaded or transshipped at a listed port. Separate from the
 * country: a port can be a problem in a country that is not (Antwerp is not
 * listed, Guayaquil is), and the evidence names the port.
 */
export const highRiskPort = defineIndicator({
  id: 'routing.high-risk-port',
  category: 'routing',
  defaultWeight: 15,
  params: z.strictObject({ categories }),
  defaultParams: { categories: [] },
  evaluate(line, { reference }, params) {
    for (const port of routePorts(line)) {
      const listed = reference.lookups.highRiskPorts.get(port);
      if (listed && (params.categories.length === 0 || params.categories.includes(listed.category))) {
        return { port, category: listed.category };
      }
    }
    return null;
  },
});

/**
 * Seizure categories, each mapped to the WCO Customs Enforcement Network (CEN)
 * reporting group it is counted under, so unit statistics add up the way the
 * programme reports them. Codes are stable (stored, exchanged); names are in
 * the catalogues (`seizure.category.<code>`).
 */
export const seizureCategories = {
  'drugs.cocaine': 'drugs',
  'drugs.heroin': 'drugs',
  'drugs.opium': 'drugs',
  'drugs.cannabis': 'drugs',
  'drugs.methamphetamine': 'drugs',
  'drugs.amphetamine-type': 'drugs',
  'drugs.nps': 'drugs',
  'drugs.other': 'drugs',
  precursors: 'precursors',
  'tobacco.cigarettes': 'tobacco',
  'tobacco.other': 'tobacco',
  'ipr.counterfeit-goods': 'ipr',
  'ipr.counterfeit-medicines': 'medicines',
  'cites.wildlife': 'cites',
  'cites.timber': 'cites',
  'weapons.firearms': 'weapons',
  'weapons.ammunition': 'weapons',
  'weapons.explosives': 'weapons',
  'strategic.dual-use': 'strategic',
  'cultural-property': 'cultural',
  'cash.bearer-instruments': 'cash',
  other: 'other',
} as const;

export type SeizureCategory = keyof typeof seizureCategories;
export type CenGroup = (typeof seizureCategories)[SeizureCategory];
export const seizureCategoryCodes = Object.keys(seizureCategories) as SeizureCategory[];

export const quantityUnits = ['kg', 'g', 'pieces', 'litres', 'cartons'] as const;
export type QuantityUnit = (typeof quantityUnits)[number];

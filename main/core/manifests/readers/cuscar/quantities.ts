import Decimal from 'decimal.js';
import { type Problem } from '../../../../../shared/domain/manifest';
import { type Segment } from './lexer';
import { component } from './segment';

/**
 * Decimal arithmetic wide enough to be exact for any weight a manifest states
 * (the default 20 significant digits could round a long tonne value): sums and
 * unit conversions must not drift the way binary floats do (0.1 + 0.2).
 */
const Exact = Decimal.clone({ precision: 80 });

/** A quantity as text: `exact` when it is a plain decimal the reader could compute with. */
export interface Measure {
  readonly text: string;
  readonly exact: boolean;
}

/**
 * ISO 9735 numeric values: optional sign, digits, one decimal mark. Either
 * mark is accepted whatever the UNA says (syntax version 4 allows both and
 * senders mix them); no exponent, no triad separators (the syntax forbids them).
 */
const plainDecimal = /^[+-]?(\d+[.,]?\d*|[.,]\d+)$/;

function parse(text: string): Decimal | null {
  const trimmed = text.trim();
  return plainDecimal.test(trimmed) ? new Exact(trimmed.replace(',', '.')) : null;
}

/** A count or weight as the file states it, normalised only when it is a plain number. */
export function measureOf(text: string): Measure {
  const value = parse(text);
  return value ? { text: value.toFixed(), exact: true } : { text: text.trim(), exact: false };
}

/**
 * The sum of several measures, exactly, as text. When one of them is not a
 * number the reader cannot add them; it keeps what the file said (joined by
 * " + ") so that validation reports the bad value instead of a wrong total.
 */
export function sumMeasures(measures: readonly Measure[]): string | undefined {
  if (measures.length === 0) return undefined;
  if (measures.every((measure) => measure.exact)) {
    return measures.reduce((total, measure) => total.plus(measure.text), new Exact(0)).toFixed();
  }
  return measures.map((measure) => measure.text).join(' + ');
}

/**
 * MEA 6411 measure units (UN/ECE Recommendation 20) converted to kilograms
 * exactly: the pound is 0.45359237 kg by definition. KG and KGS are not
 * Rec. 20 codes but unmistakable.
 */
const kilogramsPer: Readonly<Record<string, string>> = { KGM: '1', TNE: '1000', GRM: '0.001', LBR: '0.45359237' };
const toleratedUnits: Readonly<Record<string, string>> = { KG: 'KGM', KGS: 'KGM', '': 'KGM' };

/** MEA 6311 that may carry a weight: AAE "Measurement", WT "Weights" (D.95B usage), AAI "Item weight". */
const weightApplications = new Set(['AAE', 'WT', 'AAI']);
/**
 * MEA C502/6313 meaning gross weight: G "Gross weight", AAD "Total gross
 * weight", AAE "Item gross weight", AAG "Gross weight (item level)". Net (N,
 * AAC, AAL), tare (T), unit gross weight (AAB, per package) and volumes are
 * not the manifest's gross weight and are passed over.
 */
const grossDimensions = new Set(['G', 'AAD', 'AAE', 'AAG']);
/** WT and GW in 6313, or no dimension under AAE, are what senders write for gross weight. */
const toleratedGrossDimensions = new Set(['WT', 'GW', '']);

export interface WeightReading {
  readonly weight?: Measure;
  readonly problems: readonly Problem[];
}

/**
 * The gross weight in kilograms a MEA segment states, if it states one.
 * MEA: 010 6311, 020 C502 (6313 ...), 030 C174 (6411 unit, 6314 value ...).
 */
export function grossWeightOf(mea: Segment): WeightReading {
  const application = component(mea, 0);
  const dimension = component(mea, 1, 0);
  if (!weightApplications.has(application)) return { problems: [] };
  const problems: Problem[] = [];
  const legacyWeight = application === 'WT' && dimension === '';
  if (!grossDimensions.has(dimension) && !legacyWeight) {
    if (!toleratedGrossDimensions.has(dimension)) return { problems: [] };
    problems.push({ code: 'QUALIFIER_UNEXPECTED', segment: mea.position, params: { tag: 'MEA', qualifier: `${application}+${dimension}`, expected: 'AAE+G' } });
  }
  const value = component(mea, 2, 1);
  if (value === '') {
    return { problems: [...problems, { code: 'SEGMENT_MALFORMED', segment: mea.position, params: { tag: 'MEA', element: '6314' } }] };
  }
  const statedUnit = component(mea, 2, 0).toUpperCase();
  const unit = kilogramsPer[statedUnit] ? statedUnit : toleratedUnits[statedUnit];
  if (!unit) {
    return { problems: [...problems, { code: 'QUALIFIER_UNEXPECTED', segment: mea.position, params: { tag: 'MEA', qualifier: statedUnit, expected: 'KGM' } }] };
  }
  if (unit !== statedUnit) {
    problems.push({ code: 'QUALIFIER_UNEXPECTED', segment: mea.position, params: { tag: 'MEA', qualifier: statedUnit, expected: 'KGM' } });
  }
  const number = parse(value);
  const factor = kilogramsPer[unit] ?? '1';
  const weight = number ? { text: number.times(factor).toFixed(), exact: true } : { text: value, exact: false };
  return { weight, problems };
}

import type { Evidence, IndicatorParams, LineAmendment, RiskContext, RiskLine } from '../../../main/core/risk/types';
import { CONSIGNEE, callFacts, fakeHistory, party, riskContext, riskLine } from './line-factory';

/**
 * Crafted cases for every indicator: the line, the context, the parameters
 * that differ from the defaults, and the evidence expected (null: silent).
 * indicators.test.ts runs them; i18n checks that every placeholder of a
 * reason text appears in the evidence of a firing case.
 */
export interface IndicatorCase {
  readonly id: string;
  readonly title: string;
  readonly line: RiskLine;
  readonly context?: RiskContext;
  readonly params?: IndicatorParams;
  readonly evidence: Evidence | null;
}

const late = (field: string, before: string, after: string, hoursAfter: number): LineAmendment => ({
  field,
  before,
  after,
  firstReceivedAt: '2024-03-10T08:00:00Z',
  receivedAt: new Date(Date.parse('2024-03-10T08:00:00Z') + hoursAfter * 3_600_000).toISOString(),
});

const baseline = riskLine();
const container = baseline.containerNumber ?? '';

export const indicatorCases: readonly IndicatorCase[] = [
  // ------------------------------------------------------------ routing
  {
    id: 'routing.high-risk-country',
    title: 'loaded in Ecuador',
    line: riskLine({ portOfLoading: 'ECGYE', originCountry: 'EC' }),
    evidence: { port: 'ECGYE', country: 'EC', categories: ['cocaine'] },
  },
  {
    id: 'routing.high-risk-country',
    title: 'received in Afghanistan, listed twice',
    line: riskLine({ placeOfReceipt: 'AFKBL', portOfLoading: 'PKKHI' }),
    evidence: { port: 'AFKBL', country: 'AF', categories: ['heroin', 'cannabis'] },
  },
  { id: 'routing.high-risk-country', title: 'loaded in China', line: baseline, evidence: null },
  {
    id: 'routing.high-risk-country',
    title: 'Ecuador when the profile only looks for tobacco',
    line: riskLine({ portOfLoading: 'ECGYE' }),
    params: { categories: ['tobacco'] },
    evidence: null,
  },
  {
    id: 'routing.high-risk-port',
    title: 'transshipped at Manzanillo (Panama)',
    line: riskLine({ transshipmentPorts: ['SGSIN', 'PAMIT'] }),
    evidence: { port: 'PAMIT', category: 'cocaine' },
  },
  { id: 'routing.high-risk-port', title: 'Ningbo', line: riskLine({ portOfLoading: 'CNNGB' }), evidence: null },
  {
    id: 'routing.risk-hub-transshipment',
    title: 'via Singapore and Tanger Med (twice)',
    line: riskLine({ transshipmentPorts: ['SGSIN', 'MAPTM', 'MAPTM'] }),
    evidence: { ports: ['MAPTM'] },
  },
  { id: 'routing.risk-hub-transshipment', title: 'via Singapore only', line: riskLine({ transshipmentPorts: ['SGSIN'] }), evidence: null },
  {
    id: 'routing.unusual-transshipments',
    title: 'three transshipments where one is usual',
    line: riskLine({ transshipmentPorts: ['SGSIN', 'AEJEA', 'TRMER'] }),
    context: riskContext({ history: fakeHistory({ lanes: { 'CNSHA>GEPTI': 1 } }) }),
    evidence: { count: 3, usual: 1, basis: 'history', lane: 'CNSHA → GEPTI', ports: ['SGSIN', 'AEJEA', 'TRMER'] },
  },
  {
    id: 'routing.unusual-transshipments',
    title: 'two transshipments where one is usual (within the margin)',
    line: riskLine({ transshipmentPorts: ['SGSIN', 'TRMER'] }),
    context: riskContext({ history: fakeHistory({ lanes: { 'CNSHA>GEPTI': 1 } }) }),
    evidence: null,
  },
  {
    id: 'routing.unusual-transshipments',
    title: 'three transshipments on a lane without history',
    line: riskLine({ transshipmentPorts: ['SGSIN', 'AEJEA', 'TRMER'] }),
    evidence: { count: 3, usual: 2, basis: 'default', lane: 'CNSHA → GEPTI', ports: ['SGSIN', 'AEJEA', 'TRMER'] },
  },
  { id: 'routing.unusual-transshipments', title: 'two transshipments without history', line: riskLine({ transshipmentPorts: ['SGSIN', 'TRMER'] }), evidence: null },
  {
    id: 'routing.origin-not-loading-country',
    title: 'Colombian goods loaded in Rotterdam',
    line: riskLine({ originCountry: 'CO', portOfLoading: 'NLRTM' }),
    evidence: { origin: 'CO', country: 'NL', port: 'NLRTM' },
  },
  {
    id: 'routing.origin-not-loading-country',
    title: 'Kazakh goods received in Almaty, loaded in China',
    line: riskLine({ originCountry: 'KZ', placeOfReceipt: 'KZALA', portOfLoading: 'CNLYG' }),
    evidence: null,
  },
  {
    id: 'routing.origin-not-loading-country',
    title: 'an exempted origin',
    line: riskLine({ originCountry: 'CO', portOfLoading: 'NLRTM' }),
    params: { exemptOrigins: ['CO'] },
    evidence: null,
  },

  // ------------------------------------------------------------ goods
  { id: 'goods.description-missing', title: 'a dash', line: riskLine({ goodsDescription: ' - ' }), evidence: { description: ' - ' } },
  { id: 'goods.description-missing', title: 'window frames', line: baseline, evidence: null },
  {
    id: 'goods.vague-description',
    title: 'general cargo on pallets',
    line: riskLine({ goodsDescription: 'GENERAL CARGO, 10 PALLETS' }),
    evidence: { description: 'GENERAL CARGO, 10 PALLETS', phrases: ['general cargo'] },
  },
  {
    id: 'goods.vague-description',
    title: 'Russian: spare parts, 5 packages',
    line: riskLine({ goodsDescription: 'Запчасти, 5 мест' }),
    evidence: { description: 'Запчасти, 5 мест', phrases: ['запчасти'] },
  },
  {
    id: 'goods.vague-description',
    title: 'said to contain FAK',
    line: riskLine({ goodsDescription: '1 X 40HC S.T.C.: F.A.K.' }),
    evidence: { description: '1 X 40HC S.T.C.: F.A.K.', phrases: ['f a k'] },
  },
  { id: 'goods.vague-description', title: 'spare parts named precisely', line: riskLine({ goodsDescription: 'SPARE PARTS FOR TOYOTA ENGINES' }), evidence: null },
  { id: 'goods.vague-description', title: 'blank (the missing indicator says it)', line: riskLine({ goodsDescription: '' }), evidence: null },
  { id: 'goods.hs-missing', title: 'no HS code', line: riskLine({ hsCode: null }), evidence: { description: 'ALUMINIUM WINDOW FRAMES' } },
  { id: 'goods.hs-missing', title: 'HS code present', line: baseline, evidence: null },
  {
    id: 'goods.hs-description-mismatch',
    title: 'bananas declared as sawn wood',
    line: riskLine({ goodsDescription: 'FRESH BANANAS', hsCode: '440710' }),
    evidence: { hs: '440710', chapter: '44', keywords: ['bananas'], expected: ['08', '11', '20'] },
  },
  {
    id: 'goods.hs-description-mismatch',
    title: 'Russian: bananas declared as sawn wood',
    line: riskLine({ goodsDescription: 'Бананы свежие', hsCode: '4407' }),
    evidence: { hs: '4407', chapter: '44', keywords: ['бананы'], expected: ['08', '11', '20'] },
  },
  { id: 'goods.hs-description-mismatch', title: 'coffee machines in chapter 85', line: riskLine({ goodsDescription: 'COFFEE MACHINES', hsCode: '851671' }), evidence: null },
  { id: 'goods.hs-description-mismatch', title: 'bananas in chapter 08', line: riskLine({ goodsDescription: 'FRESH BANANAS', hsCode: '080390' }), evidence: null },
  { id: 'goods.hs-description-mismatch', title: '"tea" inside "steam" is not tea', line: riskLine({ goodsDescription: 'STEAM BOILERS', hsCode: '840211' }), evidence: null },
  {
    id: 'goods.cocaine-cover-load',
    title: 'bananas from Guayaquil',
    line: riskLine({ goodsDescription: 'FRESH BANANAS', hsCode: '080390', portOfLoading: 'ECGYE', originCountry: 'EC', reefer: true }),
    evidence: { commodity: 'bananas', by: 'description', port: 'ECGYE', country: 'EC' },
  },
  {
    id: 'goods.cocaine-cover-load',
    title: 'vague description, shrimp by HS code, via Manzanillo (Panama)',
    line: riskLine({ goodsDescription: 'FOODSTUFF', hsCode: '030617', transshipmentPorts: ['PAMIT'] }),
    evidence: { commodity: 'shrimp', by: 'hs', port: 'PAMIT', country: 'PA' },
  },
  {
    id: 'goods.cocaine-cover-load',
    title: 'Russian: frozen shrimp from Ecuador',
    line: riskLine({ goodsDescription: 'Креветки мороженые', hsCode: '030617', portOfLoading: 'ECPSJ' }),
    evidence: { commodity: 'креветки', by: 'description', port: 'ECPSJ', country: 'EC' },
  },
  { id: 'goods.cocaine-cover-load', title: 'bananas from Manila', line: riskLine({ goodsDescription: 'FRESH BANANAS', hsCode: '080390', portOfLoading: 'PHMNL' }), evidence: null },
  { id: 'goods.cocaine-cover-load', title: 'window frames from Guayaquil', line: riskLine({ portOfLoading: 'ECGYE' }), evidence: null },
  {
    id: 'goods.cigarette-cover-load',
    title: 'ceramic tiles via Jebel Ali',
    line: riskLine({ goodsDescription: 'CERAMIC TILES', hsCode: '690721', transshipmentPorts: ['AEJEA'] }),
    evidence: { commodity: 'ceramic tiles', by: 'description', port: 'AEJEA', country: 'AE' },
  },
  { id: 'goods.cigarette-cover-load', title: 'ceramic tiles straight from China', line: riskLine({ goodsDescription: 'CERAMIC TILES', hsCode: '690721' }), evidence: null },
  {
    id: 'goods.cigarette-cover-load',
    title: 'Russian: curtains, any route allowed by the profile',
    line: riskLine({ goodsDescription: 'Шторы текстильные', hsCode: '6303' }),
    params: { requireRiskRoute: false },
    evidence: { commodity: 'шторы', by: 'description' },
  },
  {
    id: 'goods.dual-use-destination',
    title: 'processors delivered to Moscow',
    line: riskLine({ goodsDescription: 'MICROCONTROLLERS', hsCode: '854231', placeOfDelivery: 'RUMOW' }),
    evidence: {
      hs: '854231',
      goods: 'Processors and controllers (integrated circuits)',
      basis: 'Common High Priority List tier 1 (EU/US/UK/JP, 2023); EU 2021/821 Annex I, 3A001',
      country: 'RU',
    },
  },
  {
    id: 'goods.dual-use-destination',
    title: 'CNC lathes to an Iranian consignee',
    line: riskLine({ goodsDescription: 'CNC LATHES', hsCode: '845811', consignee: party('Pars Machine Co', 'Tehran', 'IR') }),
    evidence: { hs: '845811', goods: 'Lathes for removing metal (CNC)', basis: 'EU 2021/821 Annex I, 2B001; Common High Priority List tier 4', country: 'IR' },
  },
  { id: 'goods.dual-use-destination', title: 'processors delivered to Tashkent', line: riskLine({ hsCode: '854231' }), evidence: null },
  {
    id: 'goods.wildlife-from-source',
    title: '"horns" of Nigerian origin',
    line: riskLine({ goodsDescription: 'HORNS', hsCode: '050790', portOfLoading: 'NGAPP', originCountry: 'NG' }),
    evidence: { hs: '050790', goods: 'Ivory, tortoise-shell, horns, antlers, pangolin scales', place: 'NG' },
  },
  {
    id: 'goods.wildlife-from-source',
    title: 'logs loaded at Toamasina, no origin stated',
    line: riskLine({ goodsDescription: 'LOGS', hsCode: '440349', portOfLoading: 'MGTMM', originCountry: null }),
    evidence: { hs: '440349', goods: 'Wood in the rough (logs)', place: 'MGTMM' },
  },
  { id: 'goods.wildlife-from-source', title: 'logs from Finland', line: riskLine({ goodsDescription: 'LOGS', hsCode: '440349', portOfLoading: 'FIHEL', originCountry: 'FI' }), evidence: null },
  {
    id: 'goods.commodity-not-produced-in-origin',
    title: 'bananas of Polish origin',
    line: riskLine({ goodsDescription: 'BANANAS', hsCode: '080390', originCountry: 'PL' }),
    evidence: { hs: '080390', commodity: 'Bananas and plantains', country: 'PL', basis: 'origin' },
  },
  {
    id: 'goods.commodity-not-produced-in-origin',
    title: 'no origin: the departure country when the profile allows it',
    line: riskLine({ goodsDescription: 'COCOA BEANS', hsCode: '180100', originCountry: null, portOfLoading: 'NLRTM' }),
    params: { useDepartureCountry: true },
    evidence: { hs: '180100', commodity: 'Cocoa beans', country: 'NL', basis: 'departure' },
  },
  { id: 'goods.commodity-not-produced-in-origin', title: 'bananas of Ecuador', line: riskLine({ hsCode: '080390', originCountry: 'EC' }), evidence: null },
  {
    id: 'goods.commodity-not-produced-in-origin',
    title: 'no origin, departure country not used by default',
    line: riskLine({ hsCode: '080390', originCountry: null, portOfLoading: 'NLRTM' }),
    evidence: null,
  },

  // ------------------------------------------------------------ weight and equipment
  {
    id: 'weight.package-weight-out-of-range',
    title: '600 kg cartons of toys',
    line: riskLine({ goodsDescription: 'PLASTIC TOYS', hsCode: '950300', packages: 10, grossWeightKg: 6_000 }),
    evidence: { chapter: '95', kgPerPackage: 600, packages: 10, min: 0.05, max: 500 },
  },
  {
    id: 'weight.package-weight-out-of-range',
    title: 'half-kilo bags of cement',
    line: riskLine({ goodsDescription: 'PORTLAND CEMENT', hsCode: '252329', packages: 1_000, grossWeightKg: 500 }),
    evidence: { chapter: '25', kgPerPackage: 0.5, packages: 1_000, min: 1, max: 3_000 },
  },
  { id: 'weight.package-weight-out-of-range', title: '400 kg crates of window frames', line: baseline, evidence: null },
  {
    id: 'weight.container-weight-out-of-range',
    title: 'furniture at 24 t',
    line: riskLine({ goodsDescription: 'WOODEN FURNITURE', hsCode: '940360', grossWeightKg: 24_000, containerType: '45G1' }),
    evidence: { container, chapter: '94', weight: 24_000, min: 300, max: 18_000 },
  },
  {
    id: 'weight.container-weight-out-of-range',
    title: 'tiles at 2.5 t in the whole container',
    line: riskLine({ goodsDescription: 'CERAMIC TILES', hsCode: '690721', grossWeightKg: 2_000, masterBl: 'MBL1' }),
    context: riskContext({ call: callFacts({ CN1234567: 1 }, { [container]: 2_500 }) }),
    evidence: { container, chapter: '69', weight: 2_500, min: 4_000, max: 30_000 },
  },
  {
    id: 'weight.container-weight-out-of-range',
    title: 'a house B/L of tiles without container totals',
    line: riskLine({ goodsDescription: 'CERAMIC TILES', hsCode: '690721', grossWeightKg: 2_000, masterBl: 'MBL1' }),
    evidence: null,
  },
  { id: 'weight.container-weight-out-of-range', title: 'window frames at 8 t', line: baseline, evidence: null },
  {
    id: 'weight.over-max-payload',
    title: '31 t in a 20-foot box',
    line: riskLine({ grossWeightKg: 31_000 }),
    evidence: { container, type: '22G1', weight: 31_000, limit: 28_250 },
  },
  {
    id: 'weight.over-max-payload',
    title: 'the call puts 30 t in a 40-foot high cube',
    line: riskLine({ containerType: '45g1', grossWeightKg: 15_000 }),
    context: riskContext({ call: callFacts({ CN1234567: 1 }, { [container]: 30_000 }) }),
    evidence: { container, type: '45G1', weight: 30_000, limit: 28_600 },
  },
  { id: 'weight.over-max-payload', title: '28 t in a 20-foot box', line: riskLine({ grossWeightKg: 28_000 }), evidence: null },
  { id: 'weight.over-max-payload', title: 'unknown container type', line: riskLine({ containerType: 'ZZZZ', grossWeightKg: 40_000 }), evidence: null },
  {
    id: 'weight.heavy-empty-container',
    title: 'an empty 40-foot box at 9 t',
    line: riskLine({ goodsDescription: 'EMPTY CONTAINER', containerType: '42G1', grossWeightKg: 9_000, hsCode: null }),
    evidence: { container, weight: 9_000, limit: 4_250 },
  },
  {
    id: 'weight.heavy-empty-container',
    title: 'Russian: empty, type unknown, 12 t',
    line: riskLine({ goodsDescription: 'Порожний контейнер 40 фут', containerType: null, grossWeightKg: 12_000, hsCode: null }),
    evidence: { container, weight: 12_000, limit: 5_500 },
  },
  { id: 'weight.heavy-empty-container', title: 'empty at its tare', line: riskLine({ goodsDescription: 'MTY', grossWeightKg: 2_230, hsCode: null }), evidence: null },
  { id: 'weight.heavy-empty-container', title: 'empty glass bottles are goods', line: riskLine({ goodsDescription: 'EMPTY GLASS BOTTLES', hsCode: '701090', grossWeightKg: 9_000 }), evidence: null },
  {
    id: 'weight.reefer-for-dry-goods',
    title: 'tiles in a reefer',
    line: riskLine({ goodsDescription: 'CERAMIC TILES', hsCode: '690721', containerType: '45R1' }),
    evidence: { container, hs: '690721', goods: 'Ceramic products, tiles' },
  },
  {
    id: 'weight.reefer-for-dry-goods',
    title: 'declared reefer, type unknown, furniture',
    line: riskLine({ goodsDescription: 'FURNITURE', hsCode: '940360', containerType: null, reefer: true }),
    evidence: { container, hs: '940360', goods: 'Furniture, mattresses' },
  },
  { id: 'weight.reefer-for-dry-goods', title: 'bananas in a reefer', line: riskLine({ goodsDescription: 'BANANAS', hsCode: '080390', containerType: '45R1' }), evidence: null },
  {
    id: 'weight.perishables-without-reefer',
    title: 'bananas in a dry box',
    line: riskLine({ goodsDescription: 'BANANAS', hsCode: '080390', containerType: '42G1' }),
    evidence: { container, hs: '080390', goods: 'Bananas, fresh' },
  },
  { id: 'weight.perishables-without-reefer', title: 'bananas in a reefer', line: riskLine({ goodsDescription: 'BANANAS', hsCode: '080390', containerType: '45R1' }), evidence: null },
  { id: 'weight.perishables-without-reefer', title: 'equipment unknown', line: riskLine({ hsCode: '080390', containerType: null }), evidence: null },
  { id: 'weight.perishables-without-reefer', title: 'dried fish in a dry box', line: riskLine({ hsCode: '030549', containerType: '22G1' }), evidence: null },

  // ------------------------------------------------------------ parties
  {
    id: 'parties.consignee-placeholder',
    title: 'to the order of a bank',
    line: riskLine({ consignee: party('TO THE ORDER OF KASPI BANK') }),
    evidence: { consignee: 'TO THE ORDER OF KASPI BANK', phrase: 'TO THE ORDER OF' },
  },
  { id: 'parties.consignee-placeholder', title: 'Russian: по приказу', line: riskLine({ consignee: party('ПО ПРИКАЗУ') }), evidence: { consignee: 'ПО ПРИКАЗУ', phrase: 'ПО ПРИКАЗУ' } },
  { id: 'parties.consignee-placeholder', title: 'Russian: a private person', line: riskLine({ consignee: party('Частное лицо') }), evidence: { consignee: 'Частное лицо', phrase: 'ЧАСТНОЕ ЛИЦО' } },
  { id: 'parties.consignee-placeholder', title: 'a firm called Order Logistics', line: riskLine({ consignee: party('ORDER LOGISTICS LLC') }), evidence: null },
  { id: 'parties.consignee-placeholder', title: 'a named consignee', line: baseline, evidence: null },
  { id: 'parties.consignee-missing', title: 'no consignee', line: riskLine({ consignee: null }), evidence: { bl: 'COSU6123456780', container } },
  { id: 'parties.consignee-missing', title: 'a dash for a consignee', line: riskLine({ consignee: party('-') }), evidence: { bl: 'COSU6123456780', container } },
  { id: 'parties.consignee-missing', title: 'a named consignee', line: baseline, evidence: null },
  {
    id: 'parties.po-box-address',
    title: 'consignee at a P.O. box',
    line: riskLine({ consignee: party('Gulf Star Trading FZE', 'P.O.BOX 1234, DUBAI', 'AE') }),
    evidence: { party: 'consignee', name: 'Gulf Star Trading FZE', address: 'P.O.BOX 1234, DUBAI', phrase: 'P.O. Box' },
  },
  {
    id: 'parties.po-box-address',
    title: 'Russian: notify at а/я',
    line: riskLine({ notify: party('ТОО «Береке»', 'а/я 15, Алматы', 'KZ') }),
    evidence: { party: 'notify', name: 'ТОО «Береке»', address: 'а/я 15, Алматы', phrase: 'а/я' },
  },
  { id: 'parties.po-box-address', title: 'a street address', line: baseline, evidence: null },
  {
    id: 'parties.po-box-address',
    title: 'a shipper at a P.O. box is not checked by default',
    line: riskLine({ shipper: party('Alu Export', 'PO Box 77, Shanghai') }),
    evidence: null,
  },
  {
    id: 'parties.residential-address',
    title: 'Russian: 8 t to a flat',
    line: riskLine({ consignee: party('Иванов И. И.', 'ул. Навои, д. 12, кв. 45, Ташкент', 'UZ') }),
    evidence: { party: 'consignee', name: 'Иванов И. И.', address: 'ул. Навои, д. 12, кв. 45, Ташкент', phrase: 'кв.', weight: 8_000 },
  },
  {
    id: 'parties.residential-address',
    title: '300 kg to a flat',
    line: riskLine({ consignee: party('Иванов И. И.', 'ул. Навои, д. 12, кв. 45, Ташкент', 'UZ'), grossWeightKg: 300 }),
    evidence: null,
  },
  { id: 'parties.residential-address', title: 'an industrial address', line: baseline, evidence: null },
  {
    id: 'parties.first-time-consignee',
    title: 'never seen before',
    line: baseline,
    context: riskContext({ history: fakeHistory({ consignees: {} }) }),
    evidence: { consignee: 'ООО «Строй Окна»', earlier: 0 },
  },
  { id: 'parties.first-time-consignee', title: 'twelve earlier lines', line: baseline, evidence: null },
  {
    id: 'parties.first-time-consignee',
    title: 'TO ORDER is left to its own indicator',
    line: riskLine({ consignee: party('TO ORDER') }),
    context: riskContext({ history: fakeHistory({ consignees: {} }) }),
    evidence: null,
  },
  {
    id: 'parties.new-shipper-consignee-pair',
    title: 'a known consignee, a new shipper',
    line: riskLine({ shipper: party('Ningbo Bright Trading Co') }),
    evidence: { shipper: 'Ningbo Bright Trading Co', consignee: 'ООО «Строй Окна»' },
  },
  { id: 'parties.new-shipper-consignee-pair', title: 'the usual pair', line: baseline, evidence: null },
  {
    id: 'parties.new-shipper-consignee-pair',
    title: 'a first-time consignee (its own indicator)',
    line: riskLine({ shipper: party('Ningbo Bright Trading Co') }),
    context: riskContext({ history: fakeHistory({ consignees: {} }) }),
    evidence: null,
  },
  {
    id: 'parties.unusual-chapter-for-consignee',
    title: 'a window importer receiving shrimp',
    line: riskLine({ goodsDescription: 'FROZEN SHRIMP', hsCode: '030617' }),
    evidence: { consignee: 'ООО «Строй Окна»', chapter: '03', usual: ['76'], earlier: 12 },
  },
  {
    id: 'parties.unusual-chapter-for-consignee',
    title: 'too little history',
    line: riskLine({ hsCode: '030617' }),
    context: riskContext({ history: fakeHistory({ chapters: { [CONSIGNEE.key]: { '76': 3 } } }) }),
    evidence: null,
  },
  { id: 'parties.unusual-chapter-for-consignee', title: 'the usual chapter', line: baseline, evidence: null },
  {
    id: 'parties.consignee-is-notify',
    title: 'the same firm spelt differently',
    line: riskLine({ notify: party('"Строй Окна" ООО', 'Ташкент', 'UZ') }),
    evidence: { consignee: 'ООО «Строй Окна»', notify: '"Строй Окна" ООО' },
  },
  {
    id: 'parties.consignee-is-notify',
    title: 'notify: same as consignee',
    line: riskLine({ notify: party('SAME AS CONSIGNEE') }),
    evidence: { consignee: 'ООО «Строй Окна»', notify: 'SAME AS CONSIGNEE' },
  },
  { id: 'parties.consignee-is-notify', title: 'a broker as notify', line: baseline, evidence: null },
  {
    id: 'parties.consignee-is-shipper',
    title: 'shipping to itself',
    line: riskLine({ shipper: party('Строй Окна ООО', 'Shanghai', 'CN') }),
    evidence: { consignee: 'ООО «Строй Окна»', shipper: 'Строй Окна ООО' },
  },
  { id: 'parties.consignee-is-shipper', title: 'different firms', line: baseline, evidence: null },

  // ------------------------------------------------------------ equipment identity
  {
    id: 'equipment.container-check-digit',
    title: 'a wrong check digit',
    line: riskLine({ containerNumber: 'CSQU3054384', containerCheckDigitOk: false }),
    evidence: { container: 'CSQU3054384' },
  },
  { id: 'equipment.container-check-digit', title: 'a right check digit', line: baseline, evidence: null },
  { id: 'equipment.container-check-digit', title: 'no container', line: riskLine({ containerNumber: null, containerCheckDigitOk: null }), evidence: null },
  { id: 'equipment.seal-missing', title: 'no seal', line: riskLine({ seals: [] }), evidence: { container } },
  { id: 'equipment.seal-missing', title: 'a blank seal', line: riskLine({ seals: [' '] }), evidence: { container } },
  { id: 'equipment.seal-missing', title: 'an empty container', line: riskLine({ seals: [], goodsDescription: 'EMPTY', grossWeightKg: 2_230 }), evidence: null },
  { id: 'equipment.seal-missing', title: 'by road (not checked by default)', line: riskLine({ seals: [], mode: 'road' }), evidence: null },
  { id: 'equipment.seal-missing', title: 'sealed', line: baseline, evidence: null },
  {
    id: 'equipment.seal-duplicated',
    title: 'one seal on three containers',
    line: baseline,
    context: riskContext({ call: callFacts({ CN1234567: 3 }) }),
    evidence: { seals: ['CN1234567'], count: 3, container },
  },
  { id: 'equipment.seal-duplicated', title: 'a seal of its own', line: baseline, evidence: null },
  {
    id: 'equipment.container-flagged',
    title: 'seized last year',
    line: baseline,
    context: riskContext({ history: fakeHistory({ flags: { [container]: [{ kind: 'seizure', reference: 'CASE-2023-017', at: '2023-05-01T00:00:00Z' }] } }) }),
    evidence: { container, references: ['CASE-2023-017'], kinds: ['seizure'] },
  },
  {
    id: 'equipment.container-flagged',
    title: 'a seizure more than three years ago',
    line: baseline,
    context: riskContext({ history: fakeHistory({ flags: { [container]: [{ kind: 'seizure', reference: 'CASE-2019-002', at: '2019-01-01T00:00:00Z' }] } }) }),
    evidence: null,
  },
  {
    id: 'equipment.container-flagged',
    title: 'only an alert, and the profile counts only seizures',
    line: baseline,
    context: riskContext({ history: fakeHistory({ flags: { [container]: [{ kind: 'alert', reference: 'UZ-PCU-ALERT-88', at: '2024-02-01T00:00:00Z' }] } }) }),
    params: { kinds: ['seizure'] },
    evidence: null,
  },
  { id: 'equipment.container-flagged', title: 'never flagged', line: baseline, evidence: null },
  {
    id: 'equipment.imo-check-digit',
    title: 'a wrong IMO check digit',
    line: riskLine({ vessel: { name: 'COSCO ASIA', imo: '9074728', imoCheckDigitOk: false, voyage: '062W' } }),
    evidence: { imo: '9074728', vessel: 'COSCO ASIA' },
  },
  { id: 'equipment.imo-check-digit', title: 'a right IMO number', line: baseline, evidence: null },
  {
    id: 'equipment.imo-missing',
    title: 'no IMO number on a sea manifest',
    line: riskLine({ vessel: { name: 'COSCO ASIA', imo: null, imoCheckDigitOk: null, voyage: '062W' } }),
    evidence: { vessel: 'COSCO ASIA' },
  },
  {
    id: 'equipment.imo-missing',
    title: 'a rail manifest has no vessel',
    line: riskLine({ mode: 'rail', vessel: { name: null, imo: null, imoCheckDigitOk: null, voyage: null } }),
    evidence: null,
  },
  { id: 'equipment.imo-missing', title: 'IMO present', line: baseline, evidence: null },

  // ------------------------------------------------------------ amendments
  {
    id: 'amendments.late-consignee-change',
    title: 'consignee changed 50 hours after first receipt',
    line: riskLine({ amendments: [late('consignee', 'ООО «Строй Окна»', 'ООО «Новый Горизонт»', 50)] }),
    evidence: { field: 'consignee', before: 'ООО «Строй Окна»', after: 'ООО «Новый Горизонт»', hours: 50 },
  },
  {
    id: 'amendments.late-consignee-change',
    title: 'consignee changed after 6 hours',
    line: riskLine({ amendments: [late('consignee', 'ООО «Строй Окна»', 'ООО «Новый Горизонт»', 6)] }),
    evidence: null,
  },
  {
    id: 'amendments.late-consignee-change',
    title: 'only the spelling changed',
    line: riskLine({ amendments: [late('consignee', 'ООО «Строй Окна»', 'ООО "СТРОЙ ОКНА"', 50)] }),
    evidence: null,
  },
  {
    id: 'amendments.late-description-change',
    title: 'description changed after 30.5 hours',
    line: riskLine({ amendments: [late('goodsDescription', 'FURNITURE', 'CERAMIC TILES', 30.5)] }),
    evidence: { field: 'goodsDescription', before: 'FURNITURE', after: 'CERAMIC TILES', hours: 30.5 },
  },
  {
    id: 'amendments.late-description-change',
    title: 'a late weight change is not a description change',
    line: riskLine({ amendments: [late('grossWeightKg', '8000', '9000', 50)] }),
    evidence: null,
  },
  {
    id: 'amendments.late-port-change',
    title: 'place of delivery changed after 72 hours',
    line: riskLine({ amendments: [late('placeOfDelivery', 'UZTAS', 'AFKBL', 72)] }),
    evidence: { field: 'placeOfDelivery', before: 'UZTAS', after: 'AFKBL', hours: 72 },
  },
  {
    id: 'amendments.late-port-change',
    title: 'a 12-hour threshold catches a change after 13 hours',
    line: riskLine({ amendments: [late('portOfLoading', 'CNSHA', 'CNNGB', 13)] }),
    params: { lateAfterHours: 12 },
    evidence: { field: 'portOfLoading', before: 'CNSHA', after: 'CNNGB', hours: 13 },
  },
  { id: 'amendments.late-port-change', title: 'no amendments', line: baseline, evidence: null },
];

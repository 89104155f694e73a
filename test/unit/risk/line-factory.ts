import { defaultReference, type RiskReference } from '../../../main/core/risk/reference';
import type { CallFacts, ContainerFlag, RiskContext, RiskHistory, RiskLine, RiskParty } from '../../../main/core/risk/types';
import { normalisePartyName } from '../../../shared/domain/party-name';

/**
 * Builders for risk-indicator tests. The baseline line is deliberately dull
 * (aluminium window frames from Shanghai, known parties, valid numbers): no
 * indicator fires on it, so each test changes only what its case is about.
 */

export function party(name: string, address = '12 Industrial Road, Shanghai', country: string | null = 'CN'): RiskParty {
  return { name, key: normalisePartyName(name), address, country };
}

export const SHIPPER = party('Shanghai Alu Profiles Co., Ltd.');
export const CONSIGNEE = party('ООО «Строй Окна»', 'ул. Промышленная, 5, Ташкент', 'UZ');
export const NOTIFY = party('Trans Broker LLC', '7 Amir Temur Street, Tashkent', 'UZ');

export function riskLine(overrides: Partial<RiskLine> = {}): RiskLine {
  return {
    consignmentId: 1,
    manifestId: 10,
    receivedAt: '2024-03-10T08:00:00Z',
    mode: 'sea',
    blNumber: 'COSU6123456780',
    masterBl: null,
    containerNumber: 'CSQU3054383',
    containerCheckDigitOk: true,
    containerType: '22G1',
    seals: ['CN1234567'],
    shipper: SHIPPER,
    consignee: CONSIGNEE,
    notify: NOTIFY,
    goodsDescription: 'ALUMINIUM WINDOW FRAMES',
    hsCode: '761010',
    packages: 20,
    packageType: 'PK',
    grossWeightKg: 8_000,
    placeOfReceipt: null,
    portOfLoading: 'CNSHA',
    transshipmentPorts: [],
    portOfDischarge: 'GEPTI',
    placeOfDelivery: 'UZTAS',
    originCountry: 'CN',
    reefer: null,
    vessel: { name: 'COSCO ASIA', imo: '9074729', imoCheckDigitOk: true, voyage: '062W' },
    amendments: [],
    ...overrides,
  };
}

export interface FakeHistoryData {
  consignees?: Record<string, number>;
  pairs?: Record<string, number>;
  chapters?: Record<string, Record<string, number>>;
  flags?: Record<string, ContainerFlag[]>;
  lanes?: Record<string, number>;
}

/** The baseline consignee is well known: 12 earlier lines of window frames (chapter 76) from the baseline shipper. */
export function fakeHistory(data: FakeHistoryData = {}): RiskHistory {
  const consignees = data.consignees ?? { [CONSIGNEE.key]: 12 };
  const pairs = data.pairs ?? { [`${SHIPPER.key}>${CONSIGNEE.key}`]: 12 };
  const chapters = data.chapters ?? { [CONSIGNEE.key]: { '76': 12 } };
  return {
    consigneeShipments: (key) => consignees[key] ?? 0,
    pairShipments: (shipper, consignee) => pairs[`${shipper}>${consignee}`] ?? 0,
    consigneeChapters: (key) => new Map(Object.entries(chapters[key] ?? {})),
    containerFlags: (number) => data.flags?.[number] ?? [],
    laneTransshipments: (pol, pod) => data.lanes?.[`${pol}>${pod}`] ?? null,
  };
}

export function callFacts(seals: Record<string, number> = {}, containerGrossKg?: Record<string, number>): CallFacts {
  return {
    sealCounts: new Map(Object.entries(seals)),
    ...(containerGrossKg ? { containerGrossKg: new Map(Object.entries(containerGrossKg)) } : {}),
  };
}

export function riskContext(options: { history?: RiskHistory; call?: CallFacts; reference?: RiskReference } = {}): RiskContext {
  return {
    reference: options.reference ?? defaultReference(),
    history: options.history ?? fakeHistory(),
    call: options.call ?? callFacts({ CN1234567: 1 }),
  };
}

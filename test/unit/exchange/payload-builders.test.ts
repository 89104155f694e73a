import { describe, expect, it } from 'vitest';
import { AlertPayload, SeizureNoticePayload } from '../../../shared/exchange/payload';
import {
  alertWatchEntries,
  buildAlertPayload,
  buildSeizureNoticePayload,
  exchangeParty,
  packageSubject,
  type ConsignmentRecord,
  type EnvelopeRecord,
} from '../../../main/core/exchange/payload-builders';

const meta: EnvelopeRecord = {
  packageId: '6f1c3c1e-2b8e-4a51-9d57-0d2f7f1a9b10',
  createdAt: '2026-03-01T08:00:00.000Z',
  sender: { unitUid: 'unit-a', name: 'PCU Karachi', country: 'PK', locode: 'PKKHI', certificateSha256: 'a'.repeat(64) },
  sentBy: { fullName: 'Asif Khan', role: 'officer' },
  recipients: ['b'.repeat(64)],
};

const consignment: ConsignmentRecord = {
  containerNumber: 'MSCU1234566',
  containerType: '22G1',
  blNumber: 'KHI-BND-001',
  masterBl: null,
  vesselName: 'MSC TEST',
  imo: 'IMO 9321483',
  voyage: '101W',
  placeOfReceipt: null,
  portOfLoading: 'PKKHI',
  transshipmentPorts: ['IRBND', 'not a port'],
  portOfDischarge: 'TMTMZ',
  placeOfDelivery: 'UZTAS',
  originCountry: 'PK',
  parties: [
    { role: 'shipper', roleText: null, name: 'Al-Noor Rice Mills (Pvt) Ltd', address: 'SITE, Karachi', country: 'PK' },
    { role: 'consignee', roleText: null, name: 'ИП Каримов А.', address: 'Ташкент, ул. Навои 1', country: 'UZ' },
    { role: 'notify', roleText: null, name: 'Pamir Trade LLC', address: '', country: 'Tajikistan' },
  ],
  goodsDescription: 'Basmati rice '.repeat(300),
  hsCode: '100630',
  packages: 1000,
  packageType: 'bags',
  grossWeightKg: '21559.6',
  seals: ['SL1001', ''],
};

describe('exchange payload builders', () => {
  it('builds an alert that passes the published schema, with exact weight, IMO digits, route codes and fired indicators', () => {
    const payload = buildAlertPayload(meta, consignment, { severity: 'high', reason: 'Heroin route', requestedAction: 'examine', expectedArrival: '2026-03-10', validUntil: '2026-03-31' }, {
      total: 140,
      lane: 'red',
      fired: [{ id: 'route.transshipment-risk', weight: 30, evidence: { ports: ['IRBND'] } }],
    });
    expect(AlertPayload.parse(payload)).toEqual(payload);
    const c = payload.alert.consignment;
    expect(c.goods.grossWeightKg).toBe('21559.6');
    expect(c.goods.description.length).toBe(2000);
    expect(c.vessel).toEqual({ name: 'MSC TEST', imo: '9321483' });
    expect(c.route.transshipmentPorts).toEqual(['IRBND']);
    expect(c.seals).toEqual(['SL1001']);
    // Alerts carry the manifest's parties (trade data); an unreadable country becomes null.
    expect(c.parties.map((party) => [party.name, party.masked, party.country])).toEqual([
      ['Al-Noor Rice Mills (Pvt) Ltd', false, 'PK'],
      ['ИП Каримов А.', false, 'UZ'],
      ['Pamir Trade LLC', false, null],
    ]);
    expect(payload.alert.indicators).toEqual([{ id: 'route.transshipment-risk', weight: 30, evidence: { ports: ['IRBND'] } }]);
    expect(payload.alert.score).toEqual({ total: 140, lane: 'red' });
    expect(packageSubject(payload)).toBe('MSCU1234566 / KHI-BND-001 / MSC TEST');
  });

  it('turns an alert into watch-list entries: container, B/L, vessel by IMO and every party not masked, with the partner as source', () => {
    const payload = buildAlertPayload(meta, consignment, { severity: 'critical', reason: 'Heroin route', requestedAction: 'scan', expectedArrival: null, validUntil: '2026-03-31' }, null);
    payload.alert.consignment.parties[1] = { ...payload.alert.consignment.parties[1]!, name: null, address: null, masked: true };
    const entries = alertWatchEntries(payload, 'PCU Karachi');
    expect(entries.map((entry) => [entry.kind, entry.value])).toEqual([
      ['container', 'MSCU1234566'],
      ['bl', 'KHI-BND-001'],
      ['vessel', 'IMO 9321483'],
      ['party', 'Al-Noor Rice Mills (Pvt) Ltd'],
      ['party', 'Pamir Trade LLC'],
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ source: 'PCU Karachi', expiresAt: '2026-03-31', reason: 'PCU Karachi (scan): Heroin route' });
    }
    // The vessel carries every other line of its call: it only nudges them.
    expect(entries.map((entry) => [entry.kind, entry.severity])).toEqual([
      ['container', 'critical'],
      ['bl', 'critical'],
      ['vessel', 'low'],
      ['party', 'critical'],
      ['party', 'critical'],
    ]);
  });

  it('masks private persons in a seizure notice unless personal data is included, and records the choice', () => {
    const seizure = {
      caseReference: 'PKKHI-2026-0007',
      category: 'drugs.heroin',
      description: '12 bricks',
      quantity: '12.5',
      quantityUnit: 'kg' as const,
      concealmentMethod: 'False floor',
      concealmentLocation: null,
      seizedAt: '2026-03-01T07:00:00.000Z',
      unitLocode: 'PKKHI',
      placeText: 'Karachi terminal, bay 4',
    };
    const parties = [
      { role: 'other' as const, roleText: 'driver', name: 'Muhammad Asif', address: 'Lyari, Karachi', country: 'PK' },
      { role: 'consignee' as const, roleText: null, name: 'ООО «Ромашка»', address: 'Душанбе', country: 'TJ' },
    ];
    const photo = { id: 'photo-1', fileName: 'doors.jpg', mediaType: 'image/jpeg' as const, sha256: 'c'.repeat(64), caption: 'Doors', bytes: new Uint8Array([1, 2, 3]) };
    const masked = buildSeizureNoticePayload(meta, seizure, consignment, parties, { includePersonalData: false, note: '', photos: [photo] });
    expect(SeizureNoticePayload.parse(masked)).toEqual(masked);
    expect(masked.seizure.personalData).toBe('masked');
    expect(masked.seizure.parties).toEqual([
      { role: 'other', roleText: 'driver', name: null, address: null, country: 'PK', masked: true },
      { role: 'consignee', roleText: null, name: 'ООО «Ромашка»', address: 'Душанбе', country: 'TJ', masked: false },
    ]);
    expect(masked.seizure.consignment?.parties.find((party) => party.role === 'consignee')).toMatchObject({ name: null, masked: true, country: 'UZ' });
    expect(masked.attachments[0]).toMatchObject({ id: 'photo-1', dataBase64: 'AQID' });
    expect(masked.seizure.place).toEqual({ locode: 'PKKHI', text: 'Karachi terminal, bay 4' });

    const included = buildSeizureNoticePayload(meta, seizure, null, parties, { includePersonalData: true, note: 'Driver detained', photos: [] });
    expect(SeizureNoticePayload.parse(included)).toEqual(included);
    expect(included.seizure.personalData).toBe('included');
    expect(included.seizure.parties[0]).toMatchObject({ name: 'Muhammad Asif', address: 'Lyari, Karachi', masked: false });
    expect(packageSubject(included)).toBe('drugs.heroin 12.5 kg, PKKHI (PKKHI-2026-0007)');
  });

  it('keeps a masked person\'s country and role', () => {
    expect(exchangeParty({ role: 'notify', roleText: null, name: 'Қодиров Ҷамшед', address: 'Хуҷанд', country: 'tj' }, false)).toEqual({
      role: 'notify',
      roleText: null,
      name: null,
      address: null,
      country: 'TJ',
      masked: true,
    });
  });
});

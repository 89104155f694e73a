/**
 * The columns a manifest line can have. A sheet or CSV column is mapped to one
 * of these; the line builder turns mapped cells into a ManifestLineInput.
 */
export const lineFields = [
  'blNumber',
  'masterBl',
  'containerNumber',
  'containerType',
  'seals',
  'shipperName',
  'shipperAddress',
  'consigneeName',
  'consigneeAddress',
  'notifyName',
  'notifyAddress',
  'goodsDescription',
  'hsCode',
  'packages',
  'packageType',
  'grossWeightKg',
  'placeOfReceipt',
  'portOfLoading',
  'transshipmentPorts',
  'portOfDischarge',
  'placeOfDelivery',
  'originCountry',
  'vesselName',
  'imo',
  'voyage',
] as const;
export type LineField = (typeof lineFields)[number];

/** Without at least one of these a row is not a manifest line. */
export const identifyingFields: readonly LineField[] = ['containerNumber', 'blNumber'];

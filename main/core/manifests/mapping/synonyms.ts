import type { LineField } from './fields';

/**
 * Header texts as shipping lines, agents and customs systems write them, in
 * English and Russian (normalised with `normaliseHeader`). Order matters only
 * for readability; matching is exact on the normalised text first, then by
 * "starts with" for long headers such as "Вес брутто, кг (Gross weight)".
 */
export const headerSynonyms: Readonly<Record<LineField, readonly string[]>> = {
  blNumber: ['b/l no', 'b/l', 'bl', 'bl no', 'bl number', 'b/l number', 'bill of lading', 'bill of lading no', 'house bl', 'hbl', 'h b/l', 'bol', 'коносамент', 'номер коносамента', 'no коносамента', 'к/с', 'транспортный документ'],
  masterBl: ['master bl', 'master b/l', 'mbl', 'mbl no', 'master bill', 'мастер коносамент', 'мастер-коносамент', 'генеральный коносамент'],
  containerNumber: ['container no', 'container', 'container number', 'cntr', 'cntr no', 'ctnr', 'ctnr no', 'cont no', 'equipment', 'equipment no', 'unit no', 'номер контейнера', 'контейнер', 'no контейнера', 'контейнер no'],
  containerType: ['type', 'size/type', 'cntr type', 'container type', 'iso type', 'size type', 'тип', 'тип контейнера', 'размер/тип'],
  seals: ['seal', 'seal no', 'seals', 'seal number', 'seal nos', 'пломба', 'пломбы', 'номер пломбы', 'no пломбы'],
  shipperName: ['shipper', 'shipper name', 'consignor', 'exporter', 'отправитель', 'грузоотправитель', 'наименование отправителя'],
  shipperAddress: ['shipper address', 'consignor address', 'адрес отправителя', 'адрес грузоотправителя'],
  consigneeName: ['consignee', 'consignee name', 'importer', 'receiver', 'получатель', 'грузополучатель', 'наименование получателя'],
  consigneeAddress: ['consignee address', 'адрес получателя', 'адрес грузополучателя'],
  notifyName: ['notify', 'notify party', 'notify name', 'уведомить', 'уведомляемая сторона', 'извещаемая сторона'],
  notifyAddress: ['notify address', 'notify party address', 'адрес уведомляемой стороны'],
  goodsDescription: ['description', 'goods', 'goods description', 'description of goods', 'cargo description', 'commodity', 'cargo', 'наименование товара', 'описание товара', 'товар', 'наименование груза', 'описание груза', 'груз'],
  hsCode: ['hs', 'hs code', 'h.s. code', 'hs no', 'tariff code', 'commodity code', 'hts', 'код тн вэд', 'тн вэд', 'код товара', 'тн вэд еаэс'],
  packages: ['packages', 'pkgs', 'no of packages', 'number of packages', 'qty', 'quantity', 'pcs', 'мест', 'количество мест', 'кол-во мест', 'количество'],
  packageType: ['package type', 'pkg type', 'kind of packages', 'вид упаковки', 'упаковка', 'тип упаковки'],
  grossWeightKg: ['gross weight', 'gross weight kg', 'gross wt', 'gross wt kg', 'weight', 'weight kg', 'g.w.', 'gw', 'gw kg', 'kgs', 'вес брутто', 'вес брутто кг', 'вес', 'вес кг', 'масса брутто', 'масса брутто кг'],
  placeOfReceipt: ['place of receipt', 'por', 'место приема', 'место приёма'],
  portOfLoading: ['port of loading', 'pol', 'loading port', 'load port', 'порт погрузки', 'порт отправления'],
  transshipmentPorts: ['transshipment', 'transshipment port', 'transhipment', 'via', 'tsp', 'порт перевалки', 'перевалка'],
  portOfDischarge: ['port of discharge', 'pod', 'discharge port', 'порт выгрузки', 'порт назначения'],
  placeOfDelivery: ['place of delivery', 'final destination', 'pod final', 'fnd', 'место доставки', 'пункт назначения', 'конечный пункт'],
  originCountry: ['country of origin', 'origin', 'origin country', 'coo', 'страна происхождения', 'происхождение'],
  vesselName: ['vessel', 'vessel name', 'ship', 'судно', 'название судна', 'наименование судна'],
  imo: ['imo', 'imo no', 'imo number', 'номер imo', 'имо'],
  voyage: ['voyage', 'voyage no', 'voy', 'рейс', 'номер рейса'],
};

/**
 * Lower case, line breaks and runs of spaces folded, punctuation that varies
 * between senders dropped ("Container\nNo." = "container no"), № → "no".
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/№/g, ' no ')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[.,:;()[\]"'«»_*#]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const exact = new Map<string, LineField>();
for (const [field, names] of Object.entries(headerSynonyms) as [LineField, readonly string[]][]) {
  for (const name of names) exact.set(normaliseHeader(name), field);
}

/** The field a header cell names, or null. Exact match first, then a known name followed by more words. */
export function fieldForHeader(text: string): LineField | null {
  const normalised = normaliseHeader(text);
  if (!normalised) return null;
  const hit = exact.get(normalised);
  if (hit) return hit;
  // "Вес брутто, кг (Gross weight)" → "вес брутто кг gross weight": prefer the longest known prefix.
  let best: { field: LineField; length: number } | null = null;
  for (const [name, field] of exact) {
    if (name.length >= 3 && normalised.startsWith(`${name} `) && (!best || name.length > best.length)) {
      best = { field, length: name.length };
    }
  }
  return best?.field ?? null;
}

/** An officer's choices as sent (header text as written) → keyed by normalised header text, as the reader looks them up. */
export function normaliseMappingKeys<T>(choices: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(choices).map(([header, field]) => [normaliseHeader(header), field]));
}

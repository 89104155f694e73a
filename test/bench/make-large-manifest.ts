import * as XLSX from 'xlsx';
import { containerCheckDigit } from '../../shared/domain/iso6346';

const owners = ['MSCU', 'TGHU', 'CAIU', 'MSKU', 'TCLU', 'FSCU'];
const goods = ['COTTON YARN', 'FROZEN SHRIMPS', 'SPARE PARTS', 'CERAMIC TILES', 'POLYPROPYLENE', 'DRIED APRICOTS', 'Запасные части', 'Хлопковая пряжа'];
const consignees = ['PAMIR TRADE LLC', 'ООО «Памир Транзит»', 'ҶДММ «Ҳамкорӣ»', 'SAMARQAND TEKSTIL MChJ', 'TO ORDER'];

function containerNumber(index: number): string {
  const owner = owners[index % owners.length] ?? 'MSCU';
  const serial = String(100000 + (index % 899999)).padStart(6, '0');
  const digit = containerCheckDigit(`${owner}${serial}`) ?? 0;
  return `${owner}${serial}${digit}`;
}

/** A shipping line's manifest with `lines` rows: title block, header, data, as a real .xlsx. */
export function makeLargeManifest(lines: number): Buffer {
  const rows: (string | number)[][] = [
    ['CARGO MANIFEST'],
    ['Vessel: MSC BENCH (IMO 9454436)', '', 'Voyage: BN001W'],
    [],
    ['B/L No', 'Container No', 'Seal', 'Shipper', 'Consignee', 'Description of goods', 'HS Code', 'Packages', 'Gross weight, kg', 'Port of loading', 'Port of discharge'],
  ];
  for (let index = 0; index < lines; index += 1) {
    rows.push([
      `MEDUBN${String(Math.floor(index / 3)).padStart(6, '0')}`,
      containerNumber(index),
      `SL${index}`,
      'KARACHI EXPORTS PVT LTD',
      consignees[index % consignees.length] ?? '',
      goods[index % goods.length] ?? '',
      '5205.11',
      10 + (index % 900),
      Number((1000 + (index % 25000) + (index % 10) / 10).toFixed(1)),
      'PKKHI',
      'IRBND',
    ]);
  }
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows, { dense: true }), 'Manifest');
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

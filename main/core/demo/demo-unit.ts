import type { Role } from '../../../shared/domain/roles';

/**
 * The training unit `npm start` offers on a fresh machine. Its passwords are
 * published (README, the setup screen): it is for trying the product, never for
 * real casework, and only development and training starts offer it.
 */
export const demoUnit = {
  unitName: 'Demo PCU Dushanbe (training)',
  country: 'TJ',
  locode: 'TJDYU',
} as const;

export const demoAccounts: readonly { username: string; displayName: string; password: string; role: Role }[] = [
  { username: 'demo.admin', displayName: 'Dilnoza Rahimova', password: 'demo-admin-pass', role: 'administrator' },
  { username: 'demo.supervisor', displayName: 'Farrukh Nazarov', password: 'demo-supervisor-pass', role: 'supervisor' },
  { username: 'demo.officer', displayName: 'Aziz Karimov', password: 'demo-officer-pass', role: 'officer' },
];

/**
 * Watch-list entries of the training unit, so the targeting workspace shows a
 * watch-list hit from the first minute: a Tajik firm of the sample CUSCAR,
 * written here in Latin letters as a partner unit would send it (the match
 * works across scripts), and a container of the sample workbook.
 */
export const demoWatchlist = [
  { kind: 'party', value: 'KUHISTON-HAML', severity: 'high', reason: 'Training: partner unit alert on this consignee (cigarettes under cover loads)' },
  { kind: 'container', value: 'MSCU 123456-6', severity: 'medium', reason: 'Training: container seen in an earlier seizure report' },
] as const;

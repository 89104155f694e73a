import type { Role } from '../../../shared/domain/roles';

/**
 * The training unit `npm start` and `pcu demo` create. It is for trying the
 * product, never for real casework, and only development and training
 * starts offer it. Passwords are not published: each run generates them and
 * shows them once (or takes PCU_PASSWORD for every account, on the CLI).
 */
export const demoUnit = {
  unitName: 'Demo PCU Dushanbe (training)',
  country: 'TJ',
  locode: 'TJDYU',
} as const;

/** The administrator first: the unit is set up with that account. */
export const demoAccounts: readonly { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: 'Dilnoza Rahimova', role: 'administrator' },
  { username: 'supervisor', displayName: 'Farrukh Nazarov', role: 'supervisor' },
  { username: 'officer', displayName: 'Aziz Karimov', role: 'officer' },
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

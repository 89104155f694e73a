import { z } from 'zod';
import { Role, type Access } from '../domain/roles';
import { Language } from '../i18n/languages';
import { UpdateStatus } from './update-status';
import { riskChannels } from './risk-contract';
import { caseworkChannels } from './casework-contract';
import { reportsChannels } from './reports-contract';
import { signingChannels } from './signing-contract';
import { exchangeChannels } from './exchange-contract';

/**
 * The one table of IPC channels. Channel names exist only here: the preload,
 * the Electron binding, the test harness and the renderer client all derive
 * from it. `input` is parsed where trust changes (in `dispatch`), `output`
 * before a value leaves the main process, and `access` is the minimum role.
 */
interface ChannelDef<I extends z.ZodType, O extends z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  /** One line for the reader of this table and of the generated docs. */
  readonly summary: string;
}

const channel = <I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>) => def;

/** No argument: the renderer calls `invoke('app.info')`. */
const NoInput = z.undefined();

export const Settings = z.object({
  language: Language,
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  platform: z.string(),
  language: Language,
  runtime: z.object({ node: z.string(), electron: z.string().nullable(), chrome: z.string().nullable() }),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Names people type at a login prompt: letters of any script, digits, dot, dash, underscore. */
export const Username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u);
const Password = z.string().min(1).max(1024);

export const UnitInfo = z.object({ name: z.string(), country: z.string(), locode: z.string(), lockAfterMinutes: z.number() });
export type UnitInfo = z.infer<typeof UnitInfo>;

export const UserInfo = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  disabled: z.boolean(),
  removed: z.boolean(),
  createdAt: z.string(),
  passwordChangedAt: z.string(),
});
export type UserInfo = z.infer<typeof UserInfo>;

export const SessionInfo = z.object({ user: UserInfo, unit: UnitInfo, locked: z.boolean() });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SessionStatus = z.object({
  setUp: z.boolean(),
  /** Development and training starts offer a ready-made demo unit instead of the setup form. */
  demoAvailable: z.boolean(),
  /** Present while someone is logged in; when locked, only the user's name and the unit are shown. */
  session: SessionInfo.nullable(),
});
export type SessionStatus = z.infer<typeof SessionStatus>;

export const UnitSetupInput = z.object({
  unitName: z.string().trim().min(1).max(200),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/),
  locode: z
    .string()
    .trim()
    .toUpperCase()
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/)),
  adminUsername: Username,
  adminDisplayName: z.string().trim().min(1).max(200),
  password: Password,
});
export type UnitSetupInput = z.infer<typeof UnitSetupInput>;

export const AuditEntryInfo = z.object({
  seq: z.number().int(),
  at: z.string(),
  userName: z.string().nullable(),
  action: z.string(),
  subject: z.string(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntryInfo = z.infer<typeof AuditEntryInfo>;

export const AuditVerdict = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBroken: z
    .object({
      seq: z.number().int(),
      reason: z.enum(['hash-mismatch', 'chain-broken', 'sequence-gap', 'missing-latest', 'head-tampered']),
    })
    .optional(),
});
export type AuditVerdict = z.infer<typeof AuditVerdict>;

export const BackupResult = z.object({
  dir: z.string(),
  createdAt: z.string(),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int(), sha256: z.string() })),
});
export type BackupResult = z.infer<typeof BackupResult>;

export const DbCheckResult = z.object({ ok: z.boolean(), problems: z.array(z.string()) });
export type DbCheckResult = z.infer<typeof DbCheckResult>;

/** The fields a manifest column can be mapped to (main/core/manifests/mapping/fields.ts keeps the same list). */
export const LineFieldName = z.enum([
  'blNumber', 'masterBl', 'containerNumber', 'containerType', 'seals', 'shipperName', 'shipperAddress', 'consigneeName',
  'consigneeAddress', 'notifyName', 'notifyAddress', 'goodsDescription', 'hsCode', 'packages', 'packageType', 'grossWeightKg',
  'placeOfReceipt', 'portOfLoading', 'transshipmentPorts', 'portOfDischarge', 'placeOfDelivery', 'originCountry', 'vesselName', 'imo', 'voyage',
]);
export type LineFieldName = z.infer<typeof LineFieldName>;

/** A file as the renderer sends it (drag and drop or the file dialog): name and bytes in base64. */
export const ManifestUpload = z.object({
  name: z.string().min(1).max(260),
  // Room for a little over the 100 MB limit, so an oversized file gets the clear FILE_TOO_LARGE
  // answer from the import; the renderer checks the size before sending anyway.
  dataBase64: z.string().max(180_000_000),
});

export const ImportedProblem = z.object({
  code: z.string(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  segment: z.number().int().optional(),
  message: z.string(),
});

export const AmendmentInfo = z.object({
  amendsManifestId: z.number().int(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.object({ line: z.string(), field: z.string(), before: z.string(), after: z.string() })),
});

export const ImportFileResult = z.object({
  file: z.string(),
  format: z.string().nullable(),
  status: z.enum(['imported', 'duplicate', 'rejected']),
  manifestId: z.number().int().nullable(),
  vessel: z.string().nullable(),
  voyage: z.string().nullable(),
  lines: z.number().int(),
  containers: z.number().int(),
  badCheckDigitContainers: z.array(z.string()),
  totalGrossWeightKg: z.string(),
  problems: z.array(ImportedProblem),
  amendment: AmendmentInfo.nullable(),
  /** How the lines scored under the active profile; null when scoring failed (the manifest is kept; re-score it). */
  scoring: z.object({ red: z.number().int(), yellow: z.number().int(), green: z.number().int(), watchlistHits: z.number().int() }).nullable().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type ImportFileResult = z.infer<typeof ImportFileResult>;

export const ManifestSummary = z.object({
  id: z.number().int(),
  fileName: z.string(),
  format: z.string(),
  vesselName: z.string().nullable(),
  imo: z.string().nullable(),
  voyage: z.string().nullable(),
  portOfLoading: z.string().nullable(),
  portOfDischarge: z.string().nullable(),
  arrivalDate: z.string().nullable(),
  receivedAt: z.string(),
  lines: z.number().int(),
  containers: z.number().int(),
  totalGrossWeightKg: z.string(),
  problems: z.number().int(),
  amendsManifestId: z.number().int().nullable(),
});
export type ManifestSummary = z.infer<typeof ManifestSummary>;

export const contract = {
  'app.info': channel({
    input: NoInput,
    output: AppInfo,
    access: 'public',
    summary: 'Version, data directory, platform and UI language, for the About page and support.',
  }),
  'settings.get': channel({
    input: NoInput,
    output: Settings,
    access: 'public',
    summary: 'Machine-local preferences (UI language), readable before login.',
  }),
  'settings.set': channel({
    input: SettingsPatch,
    output: Settings,
    access: 'public',
    summary: 'Change machine-local preferences; persisted in the data directory.',
  }),
  'session.status': channel({
    input: NoInput,
    output: SessionStatus,
    access: 'public',
    summary: 'Whether the unit is set up and who is logged in (the renderer picks setup, login, lock or the workstation).',
  }),
  'setup.create': channel({
    input: UnitSetupInput,
    output: z.object({ recoveryKey: z.string(), session: SessionInfo }),
    access: 'public',
    summary: 'First run only: create the unit, its encrypted database and the first administrator; returns the recovery key once.',
  }),
  'setup.demo': channel({
    input: NoInput,
    output: z.object({
      recoveryKey: z.string(),
      session: SessionInfo,
      accounts: z.array(z.object({ username: z.string(), password: z.string(), role: Role })),
    }),
    access: 'public',
    summary: 'First run of a development or training start only: create the demo unit (accounts admin, supervisor, officer with passwords generated and returned once, sample manifests, one worked case).',
  }),
  'session.login': channel({
    input: z.object({ username: Username, password: Password }),
    output: SessionInfo,
    access: 'public',
    summary: 'Unlock the database with a user\'s key slot and start a session.',
  }),
  'session.logout': channel({
    input: NoInput,
    output: z.null(),
    access: 'public',
    summary: 'End the session and close the database.',
  }),
  'session.lock': channel({
    input: NoInput,
    output: z.null(),
    access: 'officer',
    summary: 'Lock the screen now (the session also locks itself after inactivity).',
  }),
  'session.unlock': channel({
    input: z.object({ password: Password }),
    output: SessionInfo,
    access: 'public',
    summary: 'Unlock a locked session with the same user\'s password.',
  }),
  'session.touch': channel({
    input: NoInput,
    output: z.null(),
    access: 'officer',
    summary: 'The officer is active (keyboard or mouse): postpone the automatic lock.',
  }),
  'session.changePassword': channel({
    input: z.object({ currentPassword: Password, newPassword: Password }),
    output: z.null(),
    access: 'officer',
    summary: 'Change one\'s own password (rewraps one key slot).',
  }),
  'users.list': channel({
    input: NoInput,
    output: z.array(UserInfo),
    access: 'administrator',
    summary: 'All accounts of the unit.',
  }),
  'users.add': channel({
    input: z.object({ username: Username, displayName: z.string().trim().min(1).max(200), role: Role, password: Password }),
    output: UserInfo,
    access: 'administrator',
    summary: 'Create an account with its own key slot.',
  }),
  'users.setDisabled': channel({
    input: z.object({ username: Username, disabled: z.boolean() }),
    output: UserInfo,
    access: 'administrator',
    summary: 'Disable or re-enable an account.',
  }),
  'users.remove': channel({
    input: z.object({ username: Username }),
    output: UserInfo,
    access: 'administrator',
    summary: 'Remove an account: its key slot is deleted; its row stays so that history still names it.',
  }),
  'users.resetPassword': channel({
    input: z.object({ username: Username, newPassword: Password }),
    output: z.null(),
    access: 'administrator',
    summary: 'Give an account a new password (a new key slot replaces the old one).',
  }),
  'unit.settings.set': channel({
    input: z.object({ lockAfterMinutes: z.number().int().min(1).max(240) }),
    output: UnitInfo,
    access: 'administrator',
    summary: 'Unit-wide policy: minutes of inactivity before the session locks.',
  }),
  'audit.list': channel({
    input: z.object({
      user: z.string().max(64).optional(),
      action: z.string().max(64).optional(),
      from: z.string().max(40).optional(),
      to: z.string().max(40).optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.array(AuditEntryInfo),
    access: 'supervisor',
    summary: 'Audit entries, newest first, filtered by user, action prefix and date.',
  }),
  'audit.verify': channel({
    input: NoInput,
    output: AuditVerdict,
    access: 'supervisor',
    summary: 'Walk the hash chain and the external chain head; report the first broken entry.',
  }),
  'backup.create': channel({
    input: z.object({ targetDir: z.string().min(1).max(4096) }),
    output: BackupResult,
    access: 'administrator',
    summary: 'Write an encrypted copy of the database, the key file and a SHA-256 manifest into a folder (e.g. a USB stick).',
  }),
  'manifests.import': channel({
    input: z.object({
      files: z.array(ManifestUpload).min(1).max(50),
      /** Column choices from the mapping wizard: header text → field, or null to leave the column out. */
      mapping: z.record(z.string(), LineFieldName.nullable()).optional(),
      sender: z.string().max(200).optional(),
    }),
    output: z.array(ImportFileResult),
    access: 'officer',
    summary: 'Import manifest files (xlsx, xls, ods, csv/tsv, CUSCAR), each in one transaction; progress arrives as events.',
  }),
  'manifests.preview': channel({
    input: z.object({ file: ManifestUpload, mapping: z.record(z.string(), LineFieldName.nullable()).optional() }),
    output: z.object({
      file: z.string(),
      format: z.string(),
      vessel: z.string().nullable(),
      voyage: z.string().nullable(),
      imo: z.string().nullable(),
      lines: z.number().int(),
      containers: z.number().int(),
      totalGrossWeightKg: z.string(),
      mapping: z
        .object({
          sheet: z.string(),
          headerRow: z.number().int(),
          columns: z.record(z.string(), z.number().int()),
          headers: z.array(z.string()),
          sample: z.array(z.array(z.string())),
        })
        .nullable(),
      problems: z.array(ImportedProblem),
    }),
    access: 'officer',
    summary: 'Read a file without storing it: how its columns map, the first lines and problems (the mapping wizard). MANIFEST_NO_HEADER carries the first rows in details.tables.',
  }),
  'manifests.cancelImport': channel({
    input: NoInput,
    output: z.null(),
    access: 'officer',
    summary: 'Stop the file being read now; nothing of it is stored.',
  }),
  'manifests.list': channel({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }),
    output: z.array(ManifestSummary),
    access: 'officer',
    summary: 'Imported manifests, newest first.',
  }),
  'manifests.get': channel({
    input: z.object({ id: z.number().int().positive() }),
    output: z.object({
      manifest: ManifestSummary,
      problems: z.array(z.object({ code: z.string(), message: z.string(), count: z.number().int(), where: z.array(z.string()) })),
      amendment: AmendmentInfo.nullable(),
    }),
    access: 'officer',
    summary: 'One manifest with its problems grouped by kind and, for an amendment, what changed.',
  }),
  'backup.restore': channel({
    input: z.object({ sourceDir: z.string().min(1).max(4096), password: Password }),
    output: z.object({ restoredFrom: z.string(), previousDir: z.string().nullable(), backupCreatedAt: z.string() }),
    access: 'administrator',
    summary: 'Replace the unit data with a verified backup (it must open with this administrator\'s password); the session ends and the current files are kept aside.',
  }),
  'db.rekey': channel({
    input: z.object({ password: Password }),
    output: z.object({ recoveryKey: z.string(), usersToReset: z.array(z.string()) }),
    access: 'administrator',
    summary: 'Re-encrypt the database under a new key; returns a new recovery key once; other accounts need a password reset.',
  }),
  'db.check': channel({
    input: NoInput,
    output: DbCheckResult,
    access: 'administrator',
    summary: 'Check every page\'s authentication code and the database structure.',
  }),
  'update.status': channel({
    input: NoInput,
    output: UpdateStatus,
    access: 'officer',
    summary: 'The program update\'s state for the status bar: available, downloading with progress, ready, refused and why.',
  }),
  'update.check': channel({
    input: NoInput,
    output: UpdateStatus,
    access: 'administrator',
    summary: 'Check the update source IT configured, now; resolves once the release is decided (a download goes on, reported by update.status events).',
  }),
  'update.install': channel({
    input: NoInput,
    output: UpdateStatus,
    access: 'administrator',
    summary: 'Quit and install the downloaded update that passed the signature and checksum checks.',
  }),
  ...riskChannels,
  ...caseworkChannels,
  ...reportsChannels,
  ...signingChannels,
  ...exchangeChannels,
} as const;

/** The renderer's top-level sections, as the main process may name them (menu, notifications). */
export const Section = z.enum(['targeting', 'manifests', 'cases', 'reports', 'exchange', 'administration', 'about']);
export type Section = z.infer<typeof Section>;

export const Navigation = z.object({ section: Section });
export type Navigation = z.infer<typeof Navigation>;

/** Pushes from main to renderer. The renderer only listens; it never sends on these names. */
export const events = {
  'settings.changed': { payload: Settings, summary: 'Preferences changed (e.g. language), from any window or the menu.' },
  'session.changed': {
    payload: SessionStatus,
    summary: 'Login, logout, lock (also the automatic one) or unlock: the renderer shows the right screen.',
  },
  'manifests.importProgress': {
    payload: z.object({ file: z.string(), fileIndex: z.number().int(), files: z.number().int(), stage: z.string(), done: z.number(), total: z.number() }),
    summary: 'Progress of the file being imported (reading, mapping, validating, storing).',
  },
  'app.navigate': {
    payload: Navigation,
    summary: 'Open a section of the window, asked for outside the page (e.g. Help > About in the application menu).',
  },
  'update.status': {
    payload: UpdateStatus,
    summary: 'The program update changed state (checking, downloading with progress, ready, refused and why).',
  },
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export const channelNames = Object.keys(contract) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

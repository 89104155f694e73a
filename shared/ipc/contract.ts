import { z } from 'zod';
import type { Access } from '../domain/roles';
import { Language } from '../i18n/languages';

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
} as const;

/** The renderer's top-level sections, as the main process may name them (menu, notifications). */
export const Section = z.enum(['targeting', 'manifests', 'cases', 'reports', 'administration', 'about']);
export type Section = z.infer<typeof Section>;

export const Navigation = z.object({ section: Section });
export type Navigation = z.infer<typeof Navigation>;

/** Pushes from main to renderer. The renderer only listens; it never sends on these names. */
export const events = {
  'settings.changed': { payload: Settings, summary: 'Preferences changed (e.g. language), from any window or the menu.' },
  'app.navigate': {
    payload: Navigation,
    summary: 'Open a section of the window, asked for outside the page (e.g. Help > About in the application menu).',
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

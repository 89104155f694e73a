import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Settings, type SettingsPatch } from '../../../shared/ipc/contract';
import { DomainError } from '../../../shared/ipc/errors';
import { writeFileAtomic } from '../fs/atomic';
import type { Language } from '../../../shared/i18n/languages';

export const SETTINGS_FILE = 'settings.json';

/**
 * Machine-local preferences that must be readable before anyone logs in (the
 * login screen's language), so they live beside the database, not in it.
 * Nothing secret or personal belongs here.
 */
export interface SettingsStore {
  read(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
}

export function createSettingsStore(dataDir: string, defaults: { language: Language }): SettingsStore {
  const file = path.join(dataDir, SETTINGS_FILE);

  async function read(): Promise<Settings> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...defaults };
      throw new DomainError('SETTINGS_UNREADABLE', `Cannot read ${file}`, { file, detail: (error as Error).message });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new DomainError('SETTINGS_UNREADABLE', `${file} is not valid JSON`, { file, detail: 'not valid JSON' });
    }
    // Unknown keys from a newer version are ignored; missing ones take defaults.
    const parsed = Settings.partial().safeParse(json);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') ?? '';
      throw new DomainError('SETTINGS_UNREADABLE', `${file}: invalid value for "${field}"`, {
        file,
        detail: `invalid value for "${field}"`,
      });
    }
    return { ...defaults, ...parsed.data };
  }

  async function update(patch: SettingsPatch): Promise<Settings> {
    const current = await read().catch((error: unknown) => {
      // A damaged settings file must not stop the officer from choosing a language again.
      if (error instanceof DomainError) return { ...defaults };
      throw error;
    });
    const next = Settings.parse({ ...current, ...patch });
    await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
    return next;
  }

  return { read, update };
}

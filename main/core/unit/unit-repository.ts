import { z } from 'zod';
import type { Db } from '../db/open';

export const DEFAULT_LOCK_AFTER_MINUTES = 10;

const UnitSettings = z.object({ lockAfterMinutes: z.number().int().min(1).max(240).default(DEFAULT_LOCK_AFTER_MINUTES) });
export type UnitSettings = z.infer<typeof UnitSettings>;

export interface Unit {
  readonly uid: string;
  readonly name: string;
  readonly country: string;
  readonly locode: string;
  readonly settings: UnitSettings;
}

export function getUnit(db: Db): Unit {
  const row = db.prepare('SELECT unit_uid, name, country, locode, settings_json FROM unit WHERE id = 1').get() as
    | { unit_uid: string; name: string; country: string; locode: string; settings_json: string }
    | undefined;
  if (!row) throw new Error('the database has no unit row');
  const settings = UnitSettings.safeParse(JSON.parse(row.settings_json));
  return {
    uid: row.unit_uid,
    name: row.name,
    country: row.country,
    locode: row.locode,
    settings: settings.success ? settings.data : UnitSettings.parse({}),
  };
}

export function setUnitSettings(db: Db, settings: UnitSettings): void {
  db.prepare('UPDATE unit SET settings_json = ? WHERE id = 1').run(JSON.stringify(UnitSettings.parse(settings)));
}

import path from 'node:path';

export const PRODUCT_DIR_NAME = 'PCU Workstation';

/**
 * Where the unit's data lives when nobody says otherwise. Electron's
 * `app.getPath('userData')` gives the same folder; the CLI must agree with it
 * so an administrator's `pcu` commands see the app's data.
 */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  if (env.PCU_DATA_DIR) return env.PCU_DATA_DIR;
  switch (platform) {
    case 'win32':
      return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_DIR_NAME);
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support', PRODUCT_DIR_NAME);
    default:
      return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), PRODUCT_DIR_NAME);
  }
}

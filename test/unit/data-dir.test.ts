import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../main/core/data-dir';

describe('defaultDataDir agrees with Electron userData', () => {
  it('uses %APPDATA% on Windows', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toBe(
      'C:\\Users\\a\\AppData\\Roaming\\PCU Workstation',
    );
  });
  it('uses XDG_CONFIG_HOME or ~/.config on Linux', () => {
    expect(defaultDataDir('linux', {}, '/home/a')).toBe('/home/a/.config/PCU Workstation');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/a')).toBe('/cfg/PCU Workstation');
  });
  it('lets PCU_DATA_DIR override everything', () => {
    expect(defaultDataDir('linux', { PCU_DATA_DIR: '/srv/pcu' }, '/home/a')).toBe('/srv/pcu');
  });
});

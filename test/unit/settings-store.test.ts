import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../main/core/services';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pcu-settings-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('settings over the IPC contract', () => {
  it('start in the OS language and persist a change for the next start', async () => {
    const first = createServices({ dataDir, appVersion: '1.2.3', locale: 'ru-RU' });
    expect(await first.invoke('settings.get', undefined)).toEqual({ ok: true, value: { language: 'ru' } });
    expect(await first.invoke('settings.set', { language: 'en' })).toEqual({ ok: true, value: { language: 'en' } });

    const second = createServices({ dataDir, appVersion: '1.2.3', locale: 'ru-RU' });
    expect(await second.invoke('settings.get', undefined)).toEqual({ ok: true, value: { language: 'en' } });
    expect(JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))).toEqual({ language: 'en' });
  });

  it('announce a change to listeners (the menu and the window)', async () => {
    const services = createServices({ dataDir, appVersion: '1.2.3' });
    const seen: unknown[] = [];
    services.events.subscribe((event, payload) => seen.push([event, payload]));
    await services.invoke('settings.set', { language: 'ru' });
    expect(seen).toEqual([['settings.changed', { language: 'ru' }]]);
  });

  it('refuse an unknown language or field and keep what was stored', async () => {
    const services = createServices({ dataDir, appVersion: '1.2.3' });
    await services.invoke('settings.set', { language: 'ru' });
    expect(await services.invoke('settings.set', { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await services.invoke('settings.set', { theme: 'dark' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await services.invoke('settings.get', undefined)).toEqual({ ok: true, value: { language: 'ru' } });
  });

  it('name the damaged file, and let the officer choose again', async () => {
    writeFileSync(path.join(dataDir, 'settings.json'), '{ "language": ');
    const services = createServices({ dataDir, appVersion: '1.2.3' });
    const read = await services.invoke('settings.get', undefined);
    expect(read).toMatchObject({ ok: false, error: { code: 'SETTINGS_UNREADABLE' } });
    expect(JSON.stringify(read)).toContain('settings.json');
    expect(await services.invoke('settings.set', { language: 'ru' })).toEqual({ ok: true, value: { language: 'ru' } });
    expect(await services.invoke('settings.get', undefined)).toEqual({ ok: true, value: { language: 'ru' } });
  });

  it('answer app.info with the version, data directory and language', async () => {
    const services = createServices({ dataDir, appVersion: '9.8.7', platform: 'win32', locale: 'en-GB' });
    expect(await services.invoke('app.info', undefined)).toMatchObject({
      ok: true,
      value: { name: 'PCU Workstation', version: '9.8.7', dataDir, platform: 'win32', language: 'en' },
    });
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../main/core/services';
import { bindIpc, isTrustedSender } from '../../main/electron/ipc';
import { channelNames } from '../../shared/ipc/contract';
import {
  asIpcMain,
  asIpcMainInvokeEvent,
  asWebContents,
  fake,
  FakeSession,
  FakeWebContents,
  FakeWebFrame,
  ipcEvent,
  ipcMain,
} from '../fakes/electron';
import { memoryLog, tempDataDir } from './support';

let data: ReturnType<typeof tempDataDir>;
let services: Services;
let appContents: FakeWebContents;
let log: ReturnType<typeof memoryLog>;
let unbind: () => void;

beforeEach(() => {
  fake.reset();
  data = tempDataDir();
  services = createServices({ dataDir: data.dataDir, appVersion: '9.8.7', locale: 'en-US' });
  appContents = new FakeWebContents(new FakeSession());
  log = memoryLog();
  unbind = bindIpc(asIpcMain(ipcMain), services, { appContents: () => asWebContents(appContents), log });
});

afterEach(async () => {
  await services.close();
  data.cleanup();
});

const trusted = () => ipcEvent(appContents, 'app://pcu/index.html');

describe('handler registration', () => {
  it('registers exactly one handler per contract channel and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort());
    expect(ipcMain.eventNames()).toEqual([]);
  });

  it('removes every handler when unbound', () => {
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('sender check', () => {
  const untrusted: Array<[string, () => ReturnType<typeof ipcEvent>]> = [
    ['a remote page', () => ipcEvent(appContents, 'https://evil.example/')],
    ['a file: page', () => ipcEvent(appContents, 'file:///C:/Users/officer/Downloads/evil.html')],
    ['a destroyed frame (null)', () => ipcEvent(appContents, null)],
    ['another app:// host', () => ipcEvent(appContents, 'app://evil/index.html')],
    ['a lookalike host', () => ipcEvent(appContents, 'app://pcu.evil/index.html')],
    ['a bare origin without path', () => ipcEvent(appContents, 'app://pcu')],
    ['a subframe of the app', () => ipcEvent(appContents, 'app://pcu/index.html', { parent: new FakeWebFrame('app://pcu/index.html') })],
    ['another webContents', () => ipcEvent(new FakeWebContents(new FakeSession()), 'app://pcu/index.html')],
  ];

  it.each(untrusted)('refuses %s with UNTRUSTED_SENDER without calling the services', async (_name, makeEvent) => {
    const invoke = vi.spyOn(services, 'invoke');
    for (const channel of channelNames) {
      const result = await ipcMain.invoke(channel, makeEvent(), undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    }
    expect(invoke).not.toHaveBeenCalled();
    expect(log.entries.filter((entry) => entry.message === 'ipc sender refused')).toHaveLength(channelNames.length);
  });

  it('refuses everyone while no app window exists', () => {
    expect(isTrustedSender(asIpcMainInvokeEvent(trusted()), null)).toBe(false);
  });

  it('trusts the top frame of the app window at app://pcu/', () => {
    expect(isTrustedSender(asIpcMainInvokeEvent(trusted()), asWebContents(appContents))).toBe(true);
  });
});

describe('trusted calls', () => {
  it('reach dispatch and return the real app.info', async () => {
    const result = await ipcMain.invoke('app.info', trusted(), undefined);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ name: 'PCU Workstation', version: '9.8.7', dataDir: data.dataDir, language: 'en' }),
    });
  });

  it('get dispatch errors as data (input validated by the contract)', async () => {
    const result = await ipcMain.invoke('settings.set', trusted(), { language: 'klingon' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('turn a crash around dispatch into INTERNAL, logged', async () => {
    vi.spyOn(services, 'invoke').mockRejectedValueOnce(new Error('disk on fire'));
    const result = await ipcMain.invoke('settings.get', trusted(), undefined);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.not.stringContaining('disk') } });
    expect(log.entries.map((entry) => entry.message)).toContain('ipc call crashed');
  });
});

describe('events', () => {
  it('forwards service events to the window', async () => {
    await ipcMain.invoke('settings.set', trusted(), { language: 'ru' });
    expect(appContents.sent).toEqual([{ channel: 'settings.changed', args: [{ language: 'ru' }] }]);
    services.events.emit('app.navigate', { section: 'about' });
    expect(appContents.sent.at(-1)).toEqual({ channel: 'app.navigate', args: [{ section: 'about' }] });
  });

  it('sends nothing to a destroyed window, and nothing after unbinding', () => {
    appContents.destroyed = true;
    expect(() => services.events.emit('app.navigate', { section: 'cases' })).not.toThrow();
    appContents.destroyed = false;
    unbind();
    services.events.emit('app.navigate', { section: 'cases' });
    expect(appContents.sent).toEqual([]);
  });
});

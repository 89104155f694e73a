import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Bridge } from '../../shared/ipc/bridge';
import { channelNames, eventNames } from '../../shared/ipc/contract';
import { fake, ipcRenderer } from '../fakes/electron';

let api: Bridge;

// The preload acts at import (that is what a preload is), so it is loaded once for this file.
beforeAll(async () => {
  fake.reset();
  await import('../../main/preload/index');
  const exposed = fake.exposedInMainWorld.get('api');
  if (typeof exposed !== 'object' || exposed === null) throw new Error('window.api was not exposed');
  api = exposed as Bridge;
});

beforeEach(() => ipcRenderer.resetFake());

describe('what the page sees', () => {
  it('is window.api and nothing else', () => {
    expect([...fake.exposedInMainWorld.keys()]).toEqual(['api']);
  });

  it('has exactly invoke and on, both functions, and no way to ipcRenderer', () => {
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.on).toBe('function');
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(Object.isFrozen(api)).toBe(true);
  });
});

describe('invoke', () => {
  it('forwards every contract channel with its input and returns main’s answer', async () => {
    ipcRenderer.responder = (channel) => ({ ok: true, value: `answer to ${channel}` });
    for (const channel of channelNames) {
      expect(await api.invoke(channel, { some: 'input' })).toEqual({ ok: true, value: `answer to ${channel}` });
    }
    expect(ipcRenderer.invocations).toEqual(channelNames.map((channel) => ({ channel, args: [{ some: 'input' }] })));
  });

  it.each(['shell.openExternal', 'app.info ', 'APP.INFO', '__proto__', 'toString', 'hasOwnProperty', '', 'settings.changed'])(
    'refuses the unknown channel %j without touching IPC',
    async (channel) => {
      expect(await api.invoke(channel)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(ipcRenderer.invocations).toEqual([]);
    },
  );

  it('refuses non-string channel names', async () => {
    const loose = api.invoke as (channel: unknown) => Promise<unknown>;
    for (const channel of [undefined, null, 42, { toString: () => 'app.info' }]) {
      expect(await loose(channel)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(ipcRenderer.invocations).toEqual([]);
  });

  it('turns a failed IPC call into an error result instead of a rejection', async () => {
    ipcRenderer.responder = () => {
      throw new Error("No handler registered for 'app.info'");
    };
    expect(await api.invoke('app.info')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('on', () => {
  it('passes the payload only, never the IPC event object', () => {
    const received: unknown[][] = [];
    api.on('settings.changed', (...args: unknown[]) => received.push(args));
    const event = ipcRenderer.pushFromMain('settings.changed', { language: 'ru' });
    expect(received).toEqual([[{ language: 'ru' }]]);
    expect(received.flat()).not.toContain(event);
    expect(received.flat()).not.toContain(ipcRenderer);
  });

  it('listens to every contract event', () => {
    for (const name of eventNames) {
      let payload: unknown;
      api.on(name, (value) => {
        payload = value;
      });
      ipcRenderer.pushFromMain(name, { from: name });
      expect(payload, name).toEqual({ from: name });
    }
  });

  it('returns an unsubscribe function that removes exactly its listener', () => {
    const first: unknown[] = [];
    const second: unknown[] = [];
    const off = api.on('app.navigate', (payload) => first.push(payload));
    api.on('app.navigate', (payload) => second.push(payload));
    off();
    ipcRenderer.pushFromMain('app.navigate', { section: 'about' });
    expect(first).toEqual([]);
    expect(second).toEqual([{ section: 'about' }]);
    expect(ipcRenderer.listenerCount('app.navigate')).toBe(1);
  });

  it.each(['app.info', 'ELECTRON_BROWSER_WINDOW_ALERT', '__proto__', '', 'settings.changed2'])(
    'refuses the unknown event %j and subscribes nothing',
    (name) => {
      expect(() => api.on(name, () => {})).toThrow(/Unknown event/);
      expect(ipcRenderer.eventNames()).toEqual([]);
    },
  );
});

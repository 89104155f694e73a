import { beforeEach, describe, expect, it } from 'vitest';
import { decidePermission, installPermissionHandlers, permissionPolicy } from '../../main/electron/permissions';
import { asSession, fake, FakeSession } from '../fakes/electron';
import { memoryLog } from './support';

const allPermissions = Object.keys(permissionPolicy);
const allowedForApp = ['clipboard-sanitized-write'];

let appSession: FakeSession;
let log: ReturnType<typeof memoryLog>;
beforeEach(() => {
  fake.reset();
  appSession = new FakeSession();
  log = memoryLog();
  installPermissionHandlers(asSession(appSession), log);
});

describe('the permission table', () => {
  it('names every permission the brief lists, each with a reason', () => {
    for (const name of [
      'media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal',
      'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'hid', 'serial', 'usb', 'idle-detection',
      'mediaKeySystem', 'window-management', 'unknown', 'fileSystem', 'storage-access', 'top-level-storage-access',
      'speaker-selection', 'keyboardLock',
    ]) {
      expect(permissionPolicy, name).toHaveProperty([name]);
    }
    for (const [name, rule] of Object.entries(permissionPolicy)) {
      expect(rule.reason.length, name).toBeGreaterThan(10);
    }
  });

  it('allows only clipboard writing', () => {
    expect(allPermissions.filter((name) => decidePermission(name, 'app://pcu/index.html').allow)).toEqual(allowedForApp);
  });

  it('denies names it does not know, and inherited object keys', () => {
    for (const name of ['bluetooth', 'camera', 'toString', '__proto__', 'constructor', '']) {
      expect(decidePermission(name, 'app://pcu/index.html').allow, name).toBe(false);
    }
  });

  it('denies everything to any origin but app://pcu', () => {
    for (const from of ['https://evil.example/', 'file:///index.html', 'app://evil/', 'app://pcu.evil/', 'devtools://devtools/', '', null]) {
      expect(allPermissions.filter((name) => decidePermission(name, from).allow), String(from)).toEqual([]);
    }
  });
});

describe('session handlers', () => {
  it('denies every permission request, known or not, except clipboard writing by the app', async () => {
    for (const name of [...allPermissions, 'bluetooth', 'not-a-permission']) {
      const granted = await appSession.requestPermission(name, 'app://pcu/index.html');
      expect(granted, name).toBe(allowedForApp.includes(name));
    }
  });

  it('denies every request from another origin or a subframe', async () => {
    for (const name of allPermissions) {
      expect(await appSession.requestPermission(name, 'https://evil.example/'), name).toBe(false);
      expect(await appSession.requestPermission(name, 'app://pcu/index.html', false), name).toBe(false);
    }
  });

  it('answers permission checks false, except clipboard writing by the app', () => {
    for (const name of [...allPermissions, 'not-a-permission']) {
      expect(appSession.checkPermission(name, 'app://pcu'), name).toBe(allowedForApp.includes(name));
      expect(appSession.checkPermission(name, 'https://evil.example'), name).toBe(false);
      expect(appSession.checkPermission(name, 'app://pcu', { isMainFrame: false }), name).toBe(false);
      expect(appSession.checkPermission(name, 'app://pcu', { embeddingOrigin: 'https://evil.example' }), name).toBe(false);
    }
  });

  it('refuses every device', () => {
    for (const type of ['hid', 'serial', 'usb'] as const) {
      expect(appSession.checkDevice(type, 'app://pcu')).toBe(false);
    }
  });

  it('logs refused requests by origin only', async () => {
    await appSession.requestPermission('media', 'https://evil.example/case/4711');
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]?.fields).toMatchObject({ permission: 'media', from: 'https://evil.example' });
  });
});

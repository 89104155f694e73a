import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { registerAppScheme, resolveAppRequest, serveAppRequest, serveRenderer } from '../../main/electron/protocol';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { asSession, fake, FakeSession } from '../fakes/electron';
import { fakeAppDir, memoryLog, SECRET } from './support';

const dir = fakeAppDir();
afterAll(() => dir.cleanup());

let appSession: FakeSession;
beforeEach(() => {
  fake.reset();
  appSession = new FakeSession();
  serveRenderer(asSession(appSession), dir.rendererDir);
});

const get = (url: string, init?: RequestInit) => appSession.protocol.request(url, init);

describe('app:// scheme registration', () => {
  it('registers app as standard, secure and fetch-capable, and nothing more', () => {
    registerAppScheme();
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves on the session it is given, not on the global protocol', () => {
    expect(appSession.protocol.isProtocolHandled('app')).toBe(true);
    expect(new FakeSession().protocol.isProtocolHandled('app')).toBe(false);
  });
});

describe('serving the renderer', () => {
  it.each(['app://pcu/', 'app://pcu/index.html', 'app://pcu/index.html?x=1#top'])('serves index.html at %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>PCU Workstation</title>');
  });

  it('sends the CSP of shared/security/csp.ts and the other security headers', async () => {
    const response = await get('app://pcu/index.html');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    const permissions = response.headers.get('permissions-policy') ?? '';
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'usb=()', 'clipboard-read=()']) {
      expect(permissions).toContain(feature);
    }
  });

  it('serves assets with the content type of their extension', async () => {
    const script = await get('app://pcu/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("renderer");');

    const style = await get('app://pcu/assets/index-abc123.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');

    const image = await get('app://pcu/assets/logo.png');
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });

  it('answers 404, still with the CSP, for unknown files, folders and unserved types', async () => {
    for (const url of ['app://pcu/missing.js', 'app://pcu/assets/', 'app://pcu/assets/payload.exe', 'app://pcu/.env']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy'), url).toBe(contentSecurityPolicy);
      expect(await response.text(), url).not.toContain(SECRET);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://pcu/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await get('app://pcu/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  const traversals = [
    'app://pcu/../secret.txt',
    'app://pcu/../../secret.txt',
    'app://pcu/%2e%2e/secret.txt',
    'app://pcu/%2E%2E/%2E%2E/secret.txt',
    'app://pcu/..%2fsecret.txt',
    'app://pcu/..%2F..%2Fsecret.txt',
    'app://pcu/assets/..%2f..%2fsecret.txt',
    'app://pcu/%2e%2e%2fsecret.txt',
    'app://pcu/..%5csecret.txt',
    'app://pcu/..\\secret.txt',
    'app://pcu/assets\\..\\..\\secret.txt',
    `app://pcu/${encodeURIComponent(path.join(dir.appPath, 'secret.txt'))}`,
    'app://pcu//etc/passwd',
    'app://pcu/C:%5CWindows%5Cwin.ini',
    'app://pcu/index.html%00.png',
  ];

  it.each(traversals)('refuses %s with 403 or 404 and never the file', async (url) => {
    const response = await get(url);
    expect([400, 403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('logs refused traversals by origin only', async () => {
    const log = memoryLog();
    await serveAppRequest(new Request('app://pcu/..%2f..%2fsecret.txt'), dir.rendererDir, { log });
    expect(log.entries).toHaveLength(1);
    expect(JSON.stringify(log.entries)).not.toContain('secret');
  });
});

describe('resolveAppRequest (pure)', () => {
  const root = path.resolve('/srv/renderer');

  it('maps the root and files inside the renderer folder', () => {
    expect(resolveAppRequest('app://pcu/', root)).toEqual({
      kind: 'file',
      filePath: path.join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('app://pcu/assets/a.woff2', root)).toMatchObject({
      kind: 'file',
      filePath: path.join(root, 'assets', 'a.woff2'),
      contentType: 'font/woff2',
    });
  });

  it.each([
    ['https://pcu/index.html', 403],
    ['file:///srv/renderer/index.html', 403],
    ['app://evil/index.html', 403],
    ['app://pcu.evil/index.html', 403],
    ['app://x@pcu/index.html', 403],
    ['app://pcu:8080/index.html', 403],
    ['app://pcu/..%2findex.html', 403],
    ['app://pcu/%2Fetc%2Fpasswd', 403],
    ['app://pcu/a%5cb.js', 403],
    ['app://pcu/C:%5Cx.js', 403],
    ['app://pcu/%E0%A4%A', 400],
    ['not a url', 400],
    ['app://pcu/readme.md', 404],
  ] as const)('refuses %s with %i', (url, status) => {
    expect(resolveAppRequest(url, root)).toMatchObject({ kind: 'refused', status });
  });
});

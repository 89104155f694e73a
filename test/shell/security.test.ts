import { beforeEach, describe, expect, it } from 'vitest';
import { externalLinks, hardenWebContents, isAllowedExternalUrl } from '../../main/electron/security';
import { asWebContents, fake, FakeSession, FakeWebContents } from '../fakes/electron';
import { memoryLog } from './support';

const CCP = 'https://www.unodc.org/unodc/en/drug-trafficking/ccp.html';

let contents: FakeWebContents;
let log: ReturnType<typeof memoryLog>;
beforeEach(() => {
  fake.reset();
  contents = new FakeWebContents(new FakeSession());
  log = memoryLog();
  hardenWebContents(asWebContents(contents), { log });
});

describe('navigation', () => {
  const urls = [
    'https://evil.example/',
    'http://www.unodc.org/',
    CCP,
    'file:///etc/passwd',
    'app://pcu/index.html',
    'app://pcu/other.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
  ];

  it.each(urls)('prevents will-navigate, will-frame-navigate and will-redirect to %s', (url) => {
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) {
      expect(contents.navigate(name, url).defaultPrevented, name).toBe(true);
    }
  });

  it('prevents attaching a <webview>', () => {
    expect(contents.attachWebview('https://evil.example/').defaultPrevented).toBe(true);
  });

  it('logs refused navigations without their path or query', () => {
    contents.navigate('will-navigate', 'https://evil.example/case/4711?name=Ivanov');
    expect(log.entries.map((entry) => entry.fields?.to)).toEqual(['https://evil.example']);
    expect(JSON.stringify(log.entries)).not.toContain('Ivanov');
  });
});

describe('window.open', () => {
  it('opens an allowlisted https page in the system browser and still denies the window', async () => {
    expect(contents.openWindow(CCP)).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(fake.openedExternal).toEqual([CCP]);
  });

  it.each([
    'https://evil.example/',
    'http://www.unodc.org/unodc/en/drug-trafficking/ccp.html',
    'https://www.unodc.org.evil.example/unodc/en/drug-trafficking/ccp.html',
    'https://www.unodc.org@evil.example/unodc/en/drug-trafficking/ccp.html',
    'https://user:pw@www.unodc.org/unodc/en/drug-trafficking/ccp.html',
    'https://unodc.org/unodc/en/drug-trafficking/ccp.html',
    'https://www.unodc.org/unodc/en/drug-trafficking/ccp.html.evil',
    'https://www.unodc.org/unodc/en/',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'app://pcu/index.html',
    'smb://server/share',
    'not a url',
  ])('denies %s and does not open it', async (url) => {
    expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(fake.openedExternal).toEqual([]);
    expect(log.entries.some((entry) => entry.message === 'new window refused')).toBe(true);
  });

  it('gives every allowlist entry a reason and an https origin', () => {
    expect(externalLinks.length).toBeGreaterThan(0);
    for (const link of externalLinks) {
      expect(link.reason.length).toBeGreaterThan(10);
      expect(new URL(link.origin).protocol).toBe('https:');
      expect(new URL(link.origin).origin).toBe(link.origin);
    }
  });

  it('matches folder prefixes only on whole path segments of the same origin', () => {
    const table = [{ origin: 'https://example.org', pathPrefix: '/docs/', reason: 'test' }];
    expect(isAllowedExternalUrl('https://example.org/docs/a.html', table)).toBe(true);
    expect(isAllowedExternalUrl('https://example.org/docs', table)).toBe(false);
    expect(isAllowedExternalUrl('https://example.org/docsevil/a.html', table)).toBe(false);
    expect(isAllowedExternalUrl('https://example.org/docs/../admin', table)).toBe(false);
    expect(isAllowedExternalUrl('https://example.org:8443/docs/a.html', table)).toBe(false);
  });

  it('logs, and does not throw, when the system browser cannot be started', async () => {
    const failing = new FakeWebContents(new FakeSession());
    const failLog = memoryLog();
    hardenWebContents(asWebContents(failing), { log: failLog, openExternal: () => Promise.reject(new Error('no browser')) });
    expect(failing.openWindow(CCP)).toEqual({ action: 'deny' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(failLog.entries.map((entry) => entry.message)).toContain('opening external link failed');
  });
});

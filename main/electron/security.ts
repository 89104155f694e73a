import { shell, type WebContents } from 'electron';
import { describeError, silentLog, type Log } from '../core/log';
import { describeUrlForLog } from './app-origin';

/**
 * The only web pages the app will hand to the system browser, each with the
 * reason it is there. Deny by default: a link to anywhere else does nothing.
 * `pathPrefix` ending in "/" matches a folder; otherwise the path must be equal.
 */
export interface ExternalLink {
  readonly origin: string;
  readonly pathPrefix: string;
  readonly reason: string;
}

export const externalLinks: readonly ExternalLink[] = [
  {
    origin: 'https://www.unodc.org',
    pathPrefix: '/unodc/en/drug-trafficking/ccp.html',
    reason: 'About page: the UNODC-WCO Container Control Programme this workstation is built for.',
  },
];

/**
 * Whether `url` may be opened in the system browser. Compared on the parsed
 * origin, never as a string prefix: `https://www.unodc.org.evil.example/` and
 * `https://www.unodc.org@evil.example/` start with the allowed text but are
 * other hosts. Only https, no credentials in the URL.
 */
export function isAllowedExternalUrl(url: string, table: readonly ExternalLink[] = externalLinks): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return table.some(
    (link) =>
      parsed.origin === link.origin &&
      (link.pathPrefix.endsWith('/') ? parsed.pathname.startsWith(link.pathPrefix) : parsed.pathname === link.pathPrefix),
  );
}

export interface HardenOptions {
  readonly log?: Log;
  /** Opens an allowlisted URL in the system browser; `shell.openExternal` unless a test passes another. */
  readonly openExternal?: (url: string) => Promise<void>;
}

/**
 * Applied to every webContents the app creates (app-shell listens on
 * `web-contents-created`), so no window, devtools host or stray frame escapes it.
 *
 * Hazards: a navigation away from app:// would run remote content with the
 * preload's bridge attached; a new window would be a second renderer outside
 * these rules; a <webview> brings its own webPreferences. All are refused.
 * The page is a single-page app: it never needs to navigate the frame itself.
 */
export function hardenWebContents(contents: WebContents, options: HardenOptions = {}): void {
  const log = options.log ?? silentLog;
  const openExternal = options.openExternal ?? ((url: string) => shell.openExternal(url));

  contents.on('will-navigate', (event) => {
    event.preventDefault();
    log.warn('navigation refused', { to: describeUrlForLog(event.url) });
  });
  // Subframe navigations (will-navigate covers only the main frame). The CSP's frame-src 'none' should mean there are none.
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
    log.warn('frame navigation refused', { to: describeUrlForLog(event.url) });
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    log.warn('redirect refused', { to: describeUrlForLog(event.url) });
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview refused');
  });

  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      openExternal(url).catch((error: unknown) => log.error('opening external link failed', describeError(error)));
    } else {
      log.warn('new window refused', { to: describeUrlForLog(url) });
    }
    // Never a new Electron window, allowlisted or not: those pages open in the system browser.
    return { action: 'deny' };
  });
}

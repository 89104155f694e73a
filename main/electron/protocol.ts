import { protocol, type Session } from 'electron';
import type { Log } from '../core/log';
import { silentLog } from '../core/log';
import { APP_SCHEME } from './app-origin';
import { serveAppRequest } from './app-request';

export { resolveAppRequest, serveAppRequest } from './app-request';

/**
 * Must run before `app` is ready: Chromium fixes the scheme table at startup.
 * `standard` gives app:// a real origin (relative URLs, localStorage scoped to
 * app://pcu), `secure` makes it a secure context like https, `supportFetchAPI`
 * lets ES module scripts load. Deliberately not `bypassCSP` (the CSP header is
 * the point), nor `corsEnabled` (it would let other origins read app://
 * responses; the page only loads its own, same-origin files), nor
 * `allowServiceWorkers` (nothing needs them).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer on the window's session. Registered per session
 * (not on the global `protocol`) so the handler lives exactly where the window
 * loads from. Returns a function that removes it.
 */
export function serveRenderer(session: Session, rendererDir: string, log: Log = silentLog): () => void {
  session.protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir, { log }));
  return () => session.protocol.unhandle(APP_SCHEME);
}

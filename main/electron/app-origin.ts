import path from 'node:path';

/**
 * The app's own origin. The renderer is served from `app://pcu/`, never from a
 * file: URL: a file: page shares its origin with every file on the disk, so a
 * single injected script could read them all, and file: URLs cannot carry
 * response headers (the CSP header). Everything that asks "is this our page?"
 * (IPC sender check, permissions, protocol handler) asks it here.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pcu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for a URL on the app's own scheme and host. Parsed, not compared
 * as a string prefix, so `app://pcu.evil/` or `app://x@pcu/` do not pass.
 * (`URL.origin` is "null" for custom schemes in Node, hence the field checks.)
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * What a log line may say about a URL: scheme and host only. Paths and query
 * strings can carry case references or names, which never go in the log.
 */
export function describeUrlForLog(url: string | null | undefined): string {
  if (typeof url !== 'string') return String(url);
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
  } catch {
    return '(unparseable URL)';
  }
}

/** Where the build puts the renderer and the preload, relative to `app.getAppPath()` (the asar when packaged). */
export function builtPaths(appPath: string): { readonly rendererDir: string; readonly preload: string } {
  return {
    rendererDir: path.join(appPath, 'out', 'renderer'),
    preload: path.join(appPath, 'out', 'preload', 'index.cjs'),
  };
}

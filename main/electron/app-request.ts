import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Log } from '../core/log';
import { silentLog } from '../core/log';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { APP_HOST, APP_SCHEME, describeUrlForLog } from './app-origin';

/*
 * How an app:// request is answered, without Electron: the protocol handler
 * (protocol.ts) and the Chromium test harness serve the renderer through this
 * same code, so the tests see the headers and refusals that ship.
 */

/**
 * Only these extensions are served; anything else in the renderer folder is a
 * 404. A missing or wrong type would let Chromium sniff, and an unexpected
 * file type (a stray .exe, a .node) has no business reaching the page.
 */
export const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // Source maps, read by DevTools in development only (DevTools are off in production).
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/**
 * Browser features the page never uses, switched off by header as a second
 * line behind the permission handlers (permissions.ts). Clipboard writing stays
 * open to the app itself for copy buttons.
 */
const permissionsPolicy = [
  'accelerometer=()',
  'autoplay=()',
  'bluetooth=()',
  'camera=()',
  'clipboard-read=()',
  'clipboard-write=(self)',
  'display-capture=()',
  'fullscreen=()',
  'gamepad=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** Sent with every response, errors included, so no document from app:// is ever without the CSP. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': permissionsPolicy,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

export type AppRequestResolution =
  | { readonly kind: 'file'; readonly filePath: string; readonly contentType: string }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404; readonly reason: string };

const refused = (status: 400 | 403 | 404, reason: string): AppRequestResolution => ({ kind: 'refused', status, reason });

/**
 * Maps an app:// URL to a file inside `rootDir`, or refuses. Pure (no disk
 * access): whether the file exists is the caller's business.
 *
 * Hazard: path traversal. The URL parser already folds `..` and `%2e%2e`
 * segments, but `..%2f`, `%5c` (backslash), `%2f` (an absolute path) and
 * `C:` survive parsing and only become dangerous after decoding, so every
 * segment is decoded and checked on its own, and the joined path is checked
 * once more to lie inside the root.
 */
export function resolveAppRequest(url: string, rootDir: string): AppRequestResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refused(400, 'unparseable URL');
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return refused(403, 'not the app scheme');
  if (parsed.host !== APP_HOST || parsed.username !== '' || parsed.password !== '') {
    return refused(403, 'not the app host');
  }

  const pathname = parsed.pathname === '' || parsed.pathname === '/' ? '/index.html' : parsed.pathname;
  if (pathname.includes('\\')) return refused(403, 'backslash in path');
  // Folders are not listed, and only the root has an index.
  if (pathname.endsWith('/')) return refused(404, 'folder');
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refused(400, 'malformed percent-encoding');
    }
    if (segment === '' || segment === '.' || segment === '..') return refused(403, 'empty or dot segment');
    if (/[/\\:\0]/.test(segment)) return refused(403, 'separator, drive or NUL in a segment');
    // Dotfiles (.DS_Store, .env) are never part of a build: deny rather than serve by accident.
    if (segment.startsWith('.')) return refused(404, 'hidden file');
    segments.push(segment);
  }

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return refused(403, 'outside the renderer folder');
  }

  const contentType = contentTypes[path.extname(filePath).toLowerCase()];
  if (contentType === undefined) return refused(404, 'type not served');
  return { kind: 'file', filePath, contentType };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

export type ReadFile = (filePath: string) => Promise<Uint8Array>;

/**
 * Answers one app:// request. Files are read with node:fs, which Electron
 * patches to read inside app.asar: the packaged renderer lives there.
 */
export async function serveAppRequest(
  request: Request,
  rootDir: string,
  options: { readonly readFile?: ReadFile; readonly log?: Log } = {},
): Promise<Response> {
  const log = options.log ?? silentLog;
  const readFile = options.readFile ?? ((filePath: string) => fs.readFile(filePath));

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { ...securityHeaders, Allow: 'GET, HEAD' } });
  }
  const resolution = resolveAppRequest(request.url, rootDir);
  if (resolution.kind === 'refused') {
    if (resolution.status === 403) {
      log.warn('app:// request refused', { reason: resolution.reason, origin: describeUrlForLog(request.url) });
    }
    return textResponse(resolution.status, resolution.status === 404 ? 'Not found' : 'Refused');
  }

  let body: Uint8Array;
  try {
    body = await readFile(resolution.filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return textResponse(404, 'Not found');
    log.error('app:// read failed', { code: code ?? 'unknown' });
    return textResponse(500, 'Read error');
  }
  const headers = { ...securityHeaders, 'Content-Type': resolution.contentType };
  // A fresh copy as an ArrayBuffer: Response wants a BodyInit, and a Buffer view may share a pooled slab.
  const bytes = new Uint8Array(body);
  return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers });
}


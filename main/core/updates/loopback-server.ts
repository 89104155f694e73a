import { createReadStream, promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';

/**
 * Serves ONE release folder (a USB stick, a mapped share) to electron-updater,
 * which fetches only http(s). Bound to 127.0.0.1 on a random port, started
 * for one check and closed right after it: other machines cannot reach it,
 * and nothing listens while the app is just running.
 *
 * Read-only by construction: GET and HEAD of plain file names directly in the
 * folder. No sub-folders, no dot files, no symbolic links (a link could point
 * out of the folder), no directory listings.
 */
export interface LoopbackFolderServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:49152/`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export const LOOPBACK_HOST = '127.0.0.1';

export async function serveFolderOnLoopback(folder: string): Promise<LoopbackFolderServer> {
  const root = path.resolve(folder);
  const stat = await fs.stat(root);
  if (!stat.isDirectory()) throw new Error(`${root} is not a folder`);

  const sockets = new Set<Socket>();
  let port = 0;
  const server = createServer((request, response) => {
    handle(root, port, request, response).catch(() => {
      if (!response.headersSent) reply(response, 500);
      else response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK_HOST, port: 0, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${LOOPBACK_HOST}:${port}/`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A download still running is cut off: the check is over.
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

function reply(response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(`${status}\n`);
}

async function handle(root: string, port: number, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    reply(response, 405, { Allow: 'GET, HEAD' });
    return;
  }
  // Another name for this address (DNS rebinding from a web page) is not the updater.
  if (request.headers.host !== `${LOOPBACK_HOST}:${port}`) {
    reply(response, 421);
    return;
  }
  const name = fileNameOf(request.url ?? '');
  if (name === null) {
    reply(response, 404);
    return;
  }
  const file = path.join(root, name);
  let stat;
  try {
    stat = await fs.lstat(file);
  } catch {
    reply(response, 404);
    return;
  }
  if (!stat.isFile()) {
    reply(response, 404);
    return;
  }
  response.writeHead(200, {
    'Content-Type': name.endsWith('.yml') ? 'text/yaml; charset=utf-8' : 'application/octet-stream',
    'Content-Length': String(stat.size),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

/**
 * The one file name a request path may name: `/latest.yml?noCache=…` →
 * `latest.yml`. Null for anything else: sub-paths, `..`, encoded slashes or
 * backslashes, NUL, dot files, malformed escapes.
 */
export function fileNameOf(requestUrl: string): string | null {
  const pathname = requestUrl.split('?')[0] ?? '';
  if (!pathname.startsWith('/') || pathname.indexOf('/', 1) !== -1) return null;
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice(1));
  } catch {
    return null;
  }
  if (name === '' || name.startsWith('.') || /[/\\\0:]/.test(name) || name.length > 255) return null;
  return name;
}

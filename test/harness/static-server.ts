import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_HOST, APP_SCHEME } from '../../main/electron/app-origin';
import { serveAppRequest } from '../../main/electron/app-request';

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer on loopback through the same code that answers
 * app:// in Electron (main/electron/app-request.ts): the same CSP and security
 * headers, content types and path refusals. Only the origin differs.
 */
export async function serveRenderer(rootDir: string): Promise<StaticServer> {
  const server = http.createServer(async (request, response) => {
    const appUrl = `${APP_SCHEME}://${APP_HOST}${new URL(request.url ?? '/', 'http://localhost').pathname}`;
    const answer = await serveAppRequest(new Request(appUrl, { method: request.method ?? 'GET' }), rootDir);
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

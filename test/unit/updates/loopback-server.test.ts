import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileNameOf, serveFolderOnLoopback, type LoopbackFolderServer } from '../../../main/core/updates/loopback-server';
import { tempDir } from '../../fixtures/updates/signed-release';

let temp: ReturnType<typeof tempDir>;
let folder: string;
let server: LoopbackFolderServer | null = null;

beforeEach(() => {
  temp = tempDir('pcu-loopback-');
  folder = path.join(temp.dir, 'release');
  mkdirSync(path.join(folder, 'sub'), { recursive: true });
  writeFileSync(path.join(folder, 'latest.yml'), 'version: 1.1.0\n');
  writeFileSync(path.join(folder, 'PCU Workstation-1.1.0.AppImage'), 'ELF');
  writeFileSync(path.join(folder, '.hidden'), 'secret');
  writeFileSync(path.join(folder, 'sub', 'inner.txt'), 'inner');
  writeFileSync(path.join(temp.dir, 'outside.txt'), 'OUTSIDE');
  symlinkSync(path.join(temp.dir, 'outside.txt'), path.join(folder, 'link.txt'));
});
afterEach(async () => {
  await server?.close();
  server = null;
  temp.remove();
});

/** A raw request, so the path reaches the server exactly as written (fetch would normalise `..`). */
function raw(port: number, method: string, rawPath: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: rawPath, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('the loopback folder server', () => {
  it('serves the files of that one folder on 127.0.0.1 to GET and HEAD, with the query string ignored', async () => {
    server = await serveFolderOnLoopback(folder);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const yml = await fetch(new URL('latest.yml?noCache=abc', server.url));
    expect(yml.status).toBe(200);
    expect(await yml.text()).toBe('version: 1.1.0\n');
    expect(yml.headers.get('cache-control')).toBe('no-store');
    const appImage = await fetch(new URL('PCU%20Workstation-1.1.0.AppImage', server.url), { method: 'HEAD' });
    expect([appImage.status, appImage.headers.get('content-length')]).toEqual([200, '3']);
  });

  it('refuses path traversal, sub-folders, dot files, symbolic links and odd names', async () => {
    server = await serveFolderOnLoopback(folder);
    for (const attempt of ['/../outside.txt', '/%2e%2e/outside.txt', '/..%2foutside.txt', '/..%5coutside.txt', '/sub/inner.txt', '/sub', '/.hidden', '/link.txt', '/', '/%00latest.yml', '/latest.yml%00', '/C:%5cwindows', '/%ZZ']) {
      const response = await raw(server.port, 'GET', attempt);
      expect(response.status, attempt).toBe(404);
      expect(response.body).not.toContain('OUTSIDE');
      expect(response.body).not.toContain('inner');
    }
    expect(fileNameOf('/latest.yml?x=/../y')).toBe('latest.yml');
  });

  it('is read-only: every other method is refused', async () => {
    server = await serveFolderOnLoopback(folder);
    for (const method of ['PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS']) {
      expect((await raw(server.port, method, '/latest.yml')).status, method).toBe(405);
    }
  });

  it('answers only requests addressed to 127.0.0.1:port (no DNS rebinding from a web page)', async () => {
    server = await serveFolderOnLoopback(folder);
    expect((await raw(server.port, 'GET', '/latest.yml', `evil.example:${server.port}`)).status).toBe(421);
    expect((await raw(server.port, 'GET', '/latest.yml', `localhost:${server.port}`)).status).toBe(421);
  });

  it('listens on 127.0.0.1 only: not on ::1, not on the machine\'s network addresses', async () => {
    server = await serveFolderOnLoopback(folder);
    expect(await connects('127.0.0.1', server.port)).toBe(true);
    expect(await connects('::1', server.port)).toBe(false);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((entry): entry is os.NetworkInterfaceInfo => entry !== undefined && !entry.internal);
    if (external.length === 0) process.stdout.write('loopback server: no non-loopback interface on this machine; only ::1 was tried\n');
    for (const entry of external) expect(await connects(entry.address, server.port), entry.address).toBe(false);
  });

  it('stops when closed: a request afterwards cannot connect, and a download in progress is cut', async () => {
    server = await serveFolderOnLoopback(folder);
    const { port, url } = server;
    await server.close();
    await expect(fetch(new URL('latest.yml', url))).rejects.toThrow();
    expect(await connects('127.0.0.1', port)).toBe(false);
  });

  it('refuses to start on something that is not a folder', async () => {
    await expect(serveFolderOnLoopback(path.join(temp.dir, 'outside.txt'))).rejects.toThrow(/not a folder/);
    await expect(serveFolderOnLoopback(path.join(temp.dir, 'absent'))).rejects.toThrow();
  });
});

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import type { ReportPrinter } from '../../main/core/reports/report-printer';
import type { Timers } from '../../main/core/session/session-manager';
import type { UpdateWiring } from '../../main/core/updates/wiring';
import type { KdfPolicy } from '../../main/core/vault/kdf';
import type { AppError, Result } from '../../shared/ipc/errors';
import { createBackend, type Backend } from './backend';
import { fastKdf } from './fast-kdf';
import { serveRenderer, type StaticServer } from './static-server';

export const chromiumPath = process.env.PCU_CHROMIUM ?? '/usr/bin/chromium';
export const rendererDir = path.resolve(import.meta.dirname, '../../out/renderer');

/** Flags that let Debian's Chromium run here: no sandbox as root, no network chatter. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface HarnessApp {
  readonly page: Page;
  readonly backend: Backend;
  readonly url: string;
  /** Console errors and CSP violations the page reported. */
  readonly consoleErrors: string[];
  /** Make a channel fail with this error until cleared (to test how the UI copes). */
  readonly faults: Map<string, AppError>;
  /** Every channel the page invoked, in order (to prove what the UI did not ask for). */
  readonly calls: string[];
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  readonly headless?: boolean;
  readonly dataDir?: string;
  readonly viewport?: { width: number; height: number };
  /** The services' clock; a test moves it to reach the inactivity lock without waiting. */
  readonly clock?: () => Date;
  /** The services' interval timers; a test fires them by hand (see fake-time.ts). */
  readonly timers?: Timers;
  /**
   * Argon2id cost of new key slots. Defaults to the cheap test policy so a test can
   * log in many times; pass productionKdf to measure the real wait, or for real data.
   */
  readonly kdf?: KdfPolicy;
  /** Offer the demo unit on first run, as `npm start` and training machines do. */
  readonly demo?: boolean;
  /** Program updates over a fake updater (test/fakes/updater.ts); off when absent. */
  readonly updates?: UpdateWiring;
  /** A printer port for `reports.print` (a test's recording fake); without it printing is PRINT_UNAVAILABLE, as in the CLI. */
  readonly printer?: ReportPrinter;
}

/**
 * Runs the built renderer in Chromium against the real services: the page
 * gets `window.api` with the preload's exact `{invoke, on}` shape, backed by
 * `exposeBinding` → services.invoke (the same dispatch Electron's IPC uses).
 */
export async function launchApp(options: LaunchOptions = {}): Promise<HarnessApp> {
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`No renderer build in ${rendererDir}: run \`npm run build\` first`);
  }
  const backend = createBackend({
    kdf: options.kdf ?? fastKdf,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.demo ? { demo: true } : {}),
    ...(options.updates ? { updates: options.updates } : {}),
    ...(options.printer ? { printer: options.printer } : {}),
  });
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'pcu-chromium-'));
  let server: StaticServer | undefined;
  let browser: BrowserContext | undefined;
  try {
    server = await serveRenderer(rendererDir);
    // A persistent context on a fresh profile directory: nothing carries over between runs.
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: options.headless ?? true,
      args: chromiumArgs,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      locale: 'en-GB',
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const faults = new Map<string, AppError>();
    const calls: string[] = [];
    const consoleErrors: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`${error.name}: ${error.message}`));

    await page.exposeBinding('__pcuRpc', async (_source, channel: unknown, input: unknown): Promise<Result<unknown>> => {
      calls.push(String(channel));
      const fault = typeof channel === 'string' ? faults.get(channel) : undefined;
      if (fault) return { ok: false, error: fault };
      return backend.services.invoke(channel, input);
    });
    await page.addInitScript(() => {
      type Listener = (payload: unknown) => void;
      const listeners = new Map<string, Set<Listener>>();
      // Looked up per call: the binding is installed by another init script.
      const rpc = (channel: string, input: unknown) =>
        (window as unknown as { __pcuRpc: (channel: string, input: unknown) => Promise<unknown> }).__pcuRpc(channel, input);
      const api = Object.freeze({
        invoke: (channel: string, input?: unknown) => rpc(channel, input),
        on: (event: string, listener: Listener) => {
          const set = listeners.get(event) ?? new Set<Listener>();
          listeners.set(event, set);
          set.add(listener);
          return () => {
            set.delete(listener);
          };
        },
      });
      Object.defineProperty(window, 'api', { value: api, enumerable: true });
      // Main-to-renderer pushes arrive here (Electron: webContents.send → preload `on`).
      Object.defineProperty(window, '__pcuHarnessEmit', {
        value: (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
      });
    });
    const unsubscribe = backend.services.events.subscribe((event, payload) => {
      void page
        .evaluate(([name, data]) => (window as unknown as { __pcuHarnessEmit?: (e: string, p: unknown) => void }).__pcuHarnessEmit?.(name, data), [event, payload] as const)
        .catch(() => {
          // The page may be reloading; Electron drops pushes to a reloading window too.
        });
    });

    await page.goto(server.url);
    const openBrowser = browser;
    const openServer = server;
    return {
      page,
      backend,
      url: server.url,
      consoleErrors,
      faults,
      calls,
      reload: async () => {
        await page.reload();
      },
      close: async () => {
        unsubscribe();
        await openBrowser.close();
        await openServer.close();
        await backend.dispose();
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await server?.close();
    await backend.dispose();
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}

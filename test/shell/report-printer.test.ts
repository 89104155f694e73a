import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../main/electron/window';
import { electronReportPrinter, printFileName, printWindowOptions } from '../../main/electron/report-printer';
import { fake, type FakeWebContents } from '../fakes/electron';
import { memoryLog } from './support';

const PDF = Buffer.from('%PDF-1.7\n% a report\n%%EOF\n', 'latin1');

let temp: string;
beforeEach(() => {
  fake.reset();
  temp = mkdtempSync(path.join(tmpdir(), 'pcu-print-test-'));
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

const printer = (log = memoryLog()) => electronReportPrinter({ log, tempDir: () => temp, viewerWaitMs: 0 });

describe('the print window', () => {
  it('is hidden, sandboxed and isolated, without Node or a preload; plugins (the PDF viewer) are on there only', () => {
    const options = printWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      plugins: true,
    });
    expect(options.webPreferences?.preload).toBeUndefined();
    // The main window never gets the plugin.
    expect(mainWindowOptions({ preload: '/app/out/preload/index.cjs', isDev: false }).webPreferences?.plugins).not.toBe(true);
  });

  it('job names become safe file names', () => {
    expect(printFileName('PCU report 0b7c-11')).toBe('PCU report 0b7c-11.pdf');
    expect(printFileName('../../etc/passwd')).toBe('etc-passwd.pdf');
    expect(printFileName('Ҷӯраев')).toBe('report.pdf');
  });
});

describe('printing a report', () => {
  it('shows the PDF from a private temp copy in the hidden window, opens the dialog (not silent), then removes the copy and the window', async () => {
    let printedBytes: Buffer | null = null;
    let mode = 0;
    fake.onPrint((contents: FakeWebContents) => {
      const file = fileURLToPath(contents.getURL());
      printedBytes = readFileSync(file);
      mode = statSync(file).mode & 0o777;
    });

    const outcome = await printer().print(PDF, 'PCU report 1234');

    expect(outcome).toBe('printed');
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0];
    expect(window?.options.show).toBe(false);
    expect(window?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true });
    const contents = window?.webContents;
    expect(contents?.printed).toHaveLength(1);
    expect(contents?.printed[0]?.options).toMatchObject({ silent: false, pageSize: 'A4', landscape: false });
    const url = contents?.printed[0]?.url ?? '';
    expect(url).toMatch(/^file:\/\/.*\/pcu-print-[^/]+\/PCU%20report%201234\.pdf$/);
    expect(fileURLToPath(url).startsWith(temp)).toBe(true);
    expect(printedBytes).not.toBeNull();
    expect(Buffer.compare(printedBytes ?? Buffer.alloc(0), PDF)).toBe(0);
    if (process.platform !== 'win32') expect(mode).toBe(0o600);
    // Nothing of the report stays on disk, and the window is gone.
    expect(existsSync(fileURLToPath(url))).toBe(false);
    expect(readdirSync(temp)).toEqual([]);
    expect(window?.isDestroyed()).toBe(true);
  });

  it('locks the window to the one file: other navigations, redirects and new windows are refused', async () => {
    let checks: { away: boolean; same: boolean; redirect: boolean; open: string } | null = null;
    fake.onPrint((contents) => {
      checks = {
        away: contents.navigate('will-navigate', 'https://evil.example/').defaultPrevented,
        same: contents.navigate('will-navigate', contents.getURL()).defaultPrevented,
        redirect: contents.navigate('will-redirect', 'file:///etc/passwd').defaultPrevented,
        open: contents.openWindow('https://evil.example/').action,
      };
    });
    const log = memoryLog();
    await printer(log).print(PDF, 'PCU report');
    expect(checks).toEqual({ away: true, same: false, redirect: true, open: 'deny' });
    expect(log.entries.map((entry) => entry.message)).toEqual(expect.arrayContaining(['print window navigation refused', 'print window redirect refused', 'print window new window refused']));
  });

  it('a dialog the manager cancels is "cancelled", and the copy is removed too', async () => {
    fake.answerPrint(false, 'Print job canceled');
    expect(await printer().print(PDF, 'PCU report')).toBe('cancelled');
    expect(readdirSync(temp)).toEqual([]);
  });

  it('a failed print job rejects, and the copy is removed too', async () => {
    fake.answerPrint(false, 'Print job failed');
    await expect(printer().print(PDF, 'PCU report')).rejects.toThrow('Print job failed');
    expect(readdirSync(temp)).toEqual([]);
    expect(fake.windows[0]?.isDestroyed()).toBe(true);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, type BrowserWindowConstructorOptions, type WebContents, type WebContentsPrintOptions } from 'electron';
import { describeError, silentLog, type Log } from '../core/log';
import type { PrintOutcome, ReportPrinter } from '../core/reports/report-printer';
import { describeUrlForLog } from './app-origin';

/**
 * Pure: the hidden window that holds one report for the print dialog. The
 * main window's CSP forbids embedded documents (frame-src and object-src
 * 'none'), so the PDF is shown by Chromium's own PDF viewer in a window of
 * its own instead. Only this window turns plugins on (the PDF viewer is one);
 * everything else is as locked as the main window: sandboxed, isolated, no
 * Node, no preload (so no bridge to main), no devtools.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    title: 'PCU Workstation',
    // Never shown: the system print dialog is the only thing the manager sees.
    show: false,
    // A4 at 96 dpi, should the viewer lay out before printing.
    width: 794,
    height: 1123,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
      // Chromium's PDF viewer is a plugin: on here, and nowhere else.
      plugins: true,
    },
  };
}

/**
 * The print job as the system dialog opens it. Not silent: the manager picks
 * the printer, copies and pages. A4 portrait because every report is laid out
 * on A4 with margins of 17.6 mm or more at the sides (see signature-box.ts),
 * which office printers accept; Chromium fits the PDF page to the printable area.
 */
export const reportPrintOptions: WebContentsPrintOptions = {
  silent: false,
  printBackground: true,
  landscape: false,
  pageSize: 'A4',
};

export interface ElectronReportPrinterOptions {
  readonly log?: Log;
  /** The folder for the short-lived copy of the PDF; the app's temp path by default. */
  readonly tempDir?: () => string;
  /**
   * How long to wait, after the page has loaded, for the PDF viewer's own
   * frame before printing anyway. Hazard: printing before the viewer has the
   * document gives a blank page (electron/electron#30947, fixed for frames
   * that exist since Electron 30).
   */
  readonly viewerWaitMs?: number;
}

/** A job name safe for a file name on every OS: letters, digits, space, dot, dash and underscore. */
export function printFileName(jobName: string): string {
  const safe = jobName.replace(/[^A-Za-z0-9 ._-]+/g, '-').replace(/^[.\s-]+/, '').slice(0, 80).trim();
  return `${safe === '' ? 'report' : safe}.pdf`;
}

/**
 * The one URL the print window may show. Main-frame navigations elsewhere,
 * redirects and new windows are refused (hardenWebContents, applied to every
 * webContents, refuses them too; this is the window's own, narrower rule).
 */
function lockToFile(contents: WebContents, fileUrl: string, log: Log): void {
  contents.on('will-navigate', (event) => {
    if (event.url === fileUrl) return;
    event.preventDefault();
    log.warn('print window navigation refused', { to: describeUrlForLog(event.url) });
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    log.warn('print window redirect refused', { to: describeUrlForLog(event.url) });
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('print window new window refused', { to: describeUrlForLog(url) });
    return { action: 'deny' };
  });
}

/** Resolves when a subframe (the PDF viewer) has finished loading, or after `ms`. */
function viewerReady(contents: WebContents, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      contents.removeListener('did-frame-finish-load', onFrame);
      resolve();
    };
    const onFrame = (_event: unknown, isMainFrame: boolean) => {
      if (!isMainFrame) done();
    };
    const timer = setTimeout(done, ms);
    contents.on('did-frame-finish-load', onFrame);
  });
}

function printContents(contents: WebContents): Promise<PrintOutcome> {
  return new Promise((resolve, reject) => {
    contents.print(reportPrintOptions, (success, failureReason) => {
      if (success) resolve('printed');
      // Electron reports the manager closing the dialog as "Print job canceled".
      else if (/cancel/i.test(failureReason)) resolve('cancelled');
      else reject(new Error(`printing failed: ${failureReason}`));
    });
  });
}

/**
 * Electron's print dialog as the core's ReportPrinter. The PDF is written to
 * a fresh folder of its own under the app's temp path (mkdtemp: owner only;
 * the file 0600, created exclusively), shown in the hidden print window,
 * printed, and removed with its folder whatever happened: a report with case
 * data must not stay in a temp folder.
 */
export function electronReportPrinter(options: ElectronReportPrinterOptions = {}): ReportPrinter {
  const log = options.log ?? silentLog;
  const tempDir = options.tempDir ?? (() => app.getPath('temp'));
  const viewerWaitMs = options.viewerWaitMs ?? 2000;

  return {
    async print(pdf, jobName) {
      const dir = await mkdtemp(path.join(tempDir(), 'pcu-print-'));
      let window: BrowserWindow | null = null;
      try {
        const file = path.join(dir, printFileName(jobName));
        await writeFile(file, pdf, { mode: 0o600, flag: 'wx' });
        const fileUrl = pathToFileURL(file).href;
        window = new BrowserWindow(printWindowOptions());
        const contents = window.webContents;
        lockToFile(contents, fileUrl, log);
        const ready = viewerReady(contents, viewerWaitMs);
        await window.loadURL(fileUrl);
        await ready;
        const outcome = await printContents(contents);
        log.info('report print dialog closed', { outcome });
        return outcome;
      } finally {
        if (window !== null && !window.isDestroyed()) window.destroy();
        await rm(dir, { recursive: true, force: true }).catch((error: unknown) => log.error('removing the print copy failed', describeError(error)));
      }
    },
  };
}

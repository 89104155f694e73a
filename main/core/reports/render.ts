import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { REPORT_FONT } from './documents/common';

/**
 * The bundled fonts (resources/fonts, DejaVu Sans with its licence). The same
 * relative path works from the TypeScript source (main/core/reports) and from
 * a built bundle (out/main, out/cli), inside an asar too.
 */
export function fontsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const inSource = here.includes(`${path.sep}core${path.sep}`) || here.endsWith(`${path.sep}core${path.sep}reports`);
  return path.resolve(here, inSource ? '../../..' : '../..', 'resources', 'fonts');
}

export const FONT_FILES = { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/** What pdfmake's server build offers beyond its published types: its in-memory file system. */
interface PdfMakeServer {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

let pdfmake: Promise<PdfMakeServer> | null = null;

/**
 * pdfmake is loaded when the first report is rendered, not at app start.
 * Fonts go into its in-memory file system; it may open no URL and no local
 * file (images arrive as data: URLs), so a document definition can never
 * make it read the disk or the network.
 */
function loadPdfMake(): Promise<PdfMakeServer> {
  pdfmake ??= import('pdfmake').then((module) => {
    const instance = ((module as { default?: unknown }).default ?? module) as PdfMakeServer;
    const dir = fontsDir();
    instance.virtualfs.writeFileSync(FONT_FILES.normal, readFileSync(path.join(dir, FONT_FILES.normal)));
    instance.virtualfs.writeFileSync(FONT_FILES.bold, readFileSync(path.join(dir, FONT_FILES.bold)));
    return instance;
  });
  return pdfmake;
}

/**
 * Hazard: pdfmake's server build is one object per process, and its fonts
 * and access policies are global settings that any other user of it (a test
 * fixture, a future feature) may replace. They are set again before every
 * document, so a report (or a signature block) never renders with someone
 * else's fonts or with local file access turned back on.
 */
function configure(instance: PdfMakeServer): PdfMakeServer {
  instance.setFonts({ [REPORT_FONT]: { normal: FONT_FILES.normal, bold: FONT_FILES.bold, italics: FONT_FILES.normal, bolditalics: FONT_FILES.bold } });
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy(() => false);
  return instance;
}

export interface RenderedPdf {
  readonly pdf: Buffer;
  /** Pages laid out: the signature area is on the last of them. */
  readonly pages: number;
}

/** Lays out and writes one document definition as PDF bytes. */
export async function renderPdf(docDefinition: TDocumentDefinitions): Promise<RenderedPdf> {
  const maker = configure(await loadPdfMake());
  let pages = 0;
  const footer = docDefinition.footer;
  const counted: TDocumentDefinitions = {
    ...docDefinition,
    footer:
      typeof footer === 'function'
        ? (currentPage, pageCount, pageSize) => {
            pages = pageCount;
            return footer(currentPage, pageCount, pageSize);
          }
        : footer,
  };
  const pdf = await maker.createPdf(counted).getBuffer();
  return { pdf: Buffer.from(pdf), pages };
}

import type { Content } from 'pdfmake/interfaces';

/** One bar of a chart: its label (printed as text beside it, so it stays extractable), value and colour. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly color?: string;
  /** Printed after the bar instead of the value (e.g. "12 (25 %)"). */
  readonly caption?: string;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * One bar as an SVG string: a vector rectangle scaled to the largest value,
 * over a faint track. No text inside the SVG (its fonts would not be the
 * report's), so labels and figures stay real PDF text.
 */
export function barSvg(value: number, max: number, options: { width: number; height: number; color: string }): string {
  const length = max <= 0 ? 0 : Math.max(value > 0 ? 1 : 0, Math.round((value / max) * options.width * 10) / 10);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${options.width}" height="${options.height}" viewBox="0 0 ${options.width} ${options.height}">` +
    `<rect x="0" y="0" width="${options.width}" height="${options.height}" fill="#f1f1f1"/>` +
    `<rect x="0" y="0" width="${length}" height="${options.height}" fill="${escapeXml(options.color)}"/></svg>`;
}

/** A horizontal bar chart: label | SVG bar | figure, one row per bar. */
export function barChart(bars: readonly Bar[], options: { barWidth?: number; color?: string } = {}): Content {
  const width = options.barWidth ?? 220;
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  return {
    table: {
      widths: ['*', width, 70],
      body: bars.map((bar) => [
        { text: bar.label, fontSize: 8.5 },
        { svg: barSvg(bar.value, max, { width, height: 9, color: bar.color ?? options.color ?? '#2f5d8a' }), width, height: 9, margin: [0, 2, 0, 0] },
        { text: bar.caption ?? String(bar.value), fontSize: 8.5, alignment: 'right' },
      ]),
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

// Turning chart layouts into SVG markup with template strings: axes, grid, legend, the document.
// No DOM: the same strings are written to files by the CLI and can be inlined by the renderer.
import { px, type Area, type Frame, type Tick } from './frame';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface AxesSpec {
  area: Area;
  xTicks: Tick[];
  yTicks: Tick[];
  xLabel: string;
  yLabel: string;
  /** Rotate x tick labels (long category names). */
  rotateX?: boolean;
}

export function renderAxes(a: AxesSpec): string {
  const { x, y, width, height } = a.area;
  const bottom = y + height;
  const grid = a.yTicks
    .map(
      (t) => `<line x1="${px(x)}" x2="${px(x + width)}" y1="${px(t.at)}" y2="${px(t.at)}" stroke="#e5e5e5"/>`,
    )
    .join('');
  const yLabels = a.yTicks
    .map(
      (t) =>
        `<text x="${px(x - 6)}" y="${px(t.at)}" text-anchor="end" dominant-baseline="middle">${escapeXml(t.label)}</text>`,
    )
    .join('');
  const xLabels = a.xTicks
    .map((t) =>
      a.rotateX
        ? `<text transform="translate(${px(t.at)},${px(bottom + 10)}) rotate(-30)" text-anchor="end" dominant-baseline="hanging">${escapeXml(t.label)}</text>`
        : `<text x="${px(t.at)}" y="${px(bottom + 16)}" text-anchor="middle">${escapeXml(t.label)}</text>`,
    )
    .join('');
  const xMarks = a.xTicks
    .map(
      (t) =>
        `<line x1="${px(t.at)}" x2="${px(t.at)}" y1="${px(bottom)}" y2="${px(bottom + 4)}" stroke="#333"/>`,
    )
    .join('');
  return [
    `<g class="grid">${grid}</g>`,
    `<line x1="${px(x)}" x2="${px(x + width)}" y1="${px(bottom)}" y2="${px(bottom)}" stroke="#333"/>`,
    `<line x1="${px(x)}" x2="${px(x)}" y1="${px(y)}" y2="${px(bottom)}" stroke="#333"/>`,
    `<g class="x-ticks">${xMarks}${xLabels}</g>`,
    `<g class="y-ticks">${yLabels}</g>`,
    a.rotateX
      ? ''
      : `<text x="${px(x + width / 2)}" y="${px(bottom + 38)}" text-anchor="middle">${escapeXml(a.xLabel)}</text>`,
    `<text transform="translate(${px(x - 52)},${px(y + height / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(a.yLabel)}</text>`,
  ].join('\n');
}

export interface LegendItem {
  label: string;
  color: string;
}

/** A legend to the right of the plot area, one line per item. */
export function renderLegend(items: readonly LegendItem[], area: Area, title = ''): string {
  const x = area.x + area.width + 16;
  const head = title
    ? `<text x="${px(x)}" y="${px(area.y)}" font-weight="bold">${escapeXml(title)}</text>`
    : '';
  const rows = items
    .map((item, i) => {
      const y = area.y + (title ? 18 : 0) + i * 18;
      return `<line x1="${px(x)}" x2="${px(x + 18)}" y1="${px(y)}" y2="${px(y)}" stroke="${item.color}" stroke-width="3"/><text x="${px(x + 24)}" y="${px(y)}" dominant-baseline="middle">${escapeXml(item.label)}</text>`;
    })
    .join('\n');
  return `<g class="legend">${head}${rows}</g>`;
}

export function svgDocument(frame: Frame, title: string, body: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}" font-family="system-ui, sans-serif" font-size="12" fill="#222">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${frame.margin.left}" y="22" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    body,
    `</svg>`,
    '',
  ].join('\n');
}

// Completion-time CDFs, one line per setting: the share of all leechers (of every seed) done by
// time x. Leechers that never finished keep a line below 1, which is the point of drawing it.
import { curveStepAfter, line } from 'd3';
import { numericAxis, plotArea, px, seriesColor, valueAxis, type Area, type Frame, type Tick } from './frame';
import { renderAxes, renderLegend, svgDocument } from './svg';

export interface CdfPoint {
  x: number;
  y: number;
}

/** The empirical CDF of `sortedTimes` over `total` leechers: (0, 0), then a step at each time. */
export function cdfPoints(sortedTimes: readonly number[], total: number): CdfPoint[] {
  const out: CdfPoint[] = [{ x: 0, y: 0 }];
  if (total === 0) return out;
  for (let i = 0; i < sortedTimes.length; i++) {
    const x = sortedTimes[i]!;
    if (i + 1 < sortedTimes.length && sortedTimes[i + 1] === x) continue;
    out.push({ x, y: (i + 1) / total });
  }
  return out;
}

export interface CdfSeries {
  label: string;
  /** Completion times in seconds, ascending (every seed's pooled). */
  times: readonly number[];
  /** Leechers over all seeds, finished or not. */
  total: number;
}

export interface CdfLayout {
  frame: Frame;
  area: Area;
  title: string;
  legendTitle: string;
  xTicks: Tick[];
  yTicks: Tick[];
  lines: { label: string; color: string; d: string }[];
}

export const cdfFrame: Frame = {
  width: 760,
  height: 420,
  margin: { top: 40, right: 210, bottom: 56, left: 72 },
};

export function cdfLayout(
  series: readonly CdfSeries[],
  title: string,
  legendTitle = '',
  frame = cdfFrame,
): CdfLayout {
  const area = plotArea(frame);
  const maxTime = Math.max(1, ...series.map((s) => s.times[s.times.length - 1] ?? 0));
  const x = numericAxis([maxTime], area, true);
  const y = valueAxis([1], area, 'share');
  const end = x.scale.domain()[1]!;
  const path = line<CdfPoint>()
    .x((p) => px(x.scale(p.x)))
    .y((p) => px(y.scale(p.y)))
    .curve(curveStepAfter);
  const lines = series.map((s, i) => {
    const points = cdfPoints(s.times, s.total);
    points.push({ x: end, y: points[points.length - 1]!.y });
    return { label: s.label, color: seriesColor(i), d: path(thinToPixels(points, x.scale))! };
  });
  return { frame, area, title, legendTitle, xTicks: x.ticks, yTicks: y.ticks, lines };
}

/** Keeps the last point per pixel column (a step plot cannot show more), so big swarms stay small files. */
function thinToPixels(points: CdfPoint[], scale: (v: number) => number): CdfPoint[] {
  const out: CdfPoint[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && out.length > 1 && Math.round(scale(last.x)) === Math.round(scale(p.x)))
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

export function renderCdf(layout: CdfLayout): string {
  const axes = renderAxes({
    area: layout.area,
    xTicks: layout.xTicks,
    yTicks: layout.yTicks,
    xLabel: 'completion time (s)',
    yLabel: 'leechers finished',
  });
  const paths = layout.lines
    .map((l) => `<path d="${l.d}" fill="none" stroke="${l.color}" stroke-width="2"/>`)
    .join('\n');
  return svgDocument(
    layout.frame,
    layout.title,
    [axes, `<g class="lines">${paths}</g>`, renderLegend(layout.lines, layout.area, layout.legendTitle)].join(
      '\n',
    ),
  );
}

// A metric against one parameter: a line per combination of the other settings, each point the
// mean across seeds with its 95% interval as an error bar. Numeric parameters get a linear axis,
// others one position per value. Series are nudged sideways so their error bars do not overlap.
import { line, scalePoint } from 'd3';
import type { MetricUnit } from '../metricDefs';
import { numericAxis, plotArea, px, seriesColor, valueAxis, type Area, type Frame, type Tick } from './frame';
import { escapeXml, renderAxes, renderLegend, svgDocument } from './svg';

export interface LinePoint {
  /** The parameter's value: a number on a numeric axis, else a category label. */
  x: number | string;
  mean: number | null;
  low: number | null;
  high: number | null;
}

export interface LineSeries {
  label: string;
  points: LinePoint[];
}

export interface LinesLayout {
  frame: Frame;
  area: Area;
  title: string;
  xLabel: string;
  yLabel: string;
  legendTitle: string;
  xTicks: Tick[];
  yTicks: Tick[];
  series: {
    label: string;
    color: string;
    d: string;
    dots: { x: number; y: number }[];
    bars: { x: number; y1: number; y2: number }[];
  }[];
}

export const linesFrame: Frame = {
  width: 760,
  height: 420,
  margin: { top: 40, right: 210, bottom: 56, left: 72 },
};

export function linesLayout(
  input: {
    series: readonly LineSeries[];
    title: string;
    xLabel: string;
    yLabel: string;
    unit: MetricUnit;
    legendTitle?: string;
  },
  frame = linesFrame,
): LinesLayout {
  const area = plotArea(frame);
  const all = input.series.flatMap((s) => s.points);
  const numeric = all.every((p) => typeof p.x === 'number');
  const values = all.flatMap((p) => [p.mean, p.low, p.high].filter((v): v is number => v !== null));
  const y = valueAxis(values, area, input.unit);
  let xAt: (v: number | string) => number;
  let xTicks: Tick[];
  if (numeric) {
    const axis = numericAxis(
      all.map((p) => p.x as number),
      area,
      false,
    );
    xAt = (v) => axis.scale(v as number);
    xTicks = [...new Set(all.map((p) => p.x as number))]
      .sort((a, b) => a - b)
      .map((v) => ({ at: axis.scale(v), label: String(v) }));
  } else {
    const categories = [...new Set(all.map((p) => String(p.x)))];
    const scale = scalePoint<string>()
      .domain(categories)
      .range([area.x, area.x + area.width])
      .padding(0.5);
    xAt = (v) => scale(String(v))!;
    xTicks = categories.map((c) => ({ at: scale(c)!, label: c }));
  }
  const n = input.series.length;
  const series = input.series.map((s, i) => {
    const nudge = (i - (n - 1) / 2) * 5;
    const placed = s.points
      .filter((p) => p.mean !== null)
      .map((p) => ({ x: px(xAt(p.x) + nudge), y: px(y.scale(p.mean!)), p }));
    const d =
      line<{ x: number; y: number }>()
        .x((p) => p.x)
        .y((p) => p.y)(placed) ?? '';
    return {
      label: s.label,
      color: seriesColor(i),
      d,
      dots: placed.map(({ x, y: yy }) => ({ x, y: yy })),
      bars: placed
        .filter(({ p }) => p.low !== null && p.high !== null)
        .map(({ x, p }) => ({ x, y1: px(y.scale(p.low!)), y2: px(y.scale(p.high!)) })),
    };
  });
  return {
    frame,
    area,
    title: input.title,
    xLabel: input.xLabel,
    yLabel: input.yLabel,
    legendTitle: input.legendTitle ?? '',
    xTicks,
    yTicks: y.ticks,
    series,
  };
}

export function renderLines(layout: LinesLayout): string {
  const axes = renderAxes({
    area: layout.area,
    xTicks: layout.xTicks,
    yTicks: layout.yTicks,
    xLabel: layout.xLabel,
    yLabel: layout.yLabel,
  });
  const body = layout.series
    .map((s) => {
      const bars = s.bars
        .map(
          (b) =>
            `<path d="M${b.x - 4},${b.y1}H${b.x + 4}M${b.x},${b.y1}V${b.y2}M${b.x - 4},${b.y2}H${b.x + 4}" stroke="${s.color}"/>`,
        )
        .join('');
      const dots = s.dots.map((d) => `<circle cx="${d.x}" cy="${d.y}" r="3.5" fill="${s.color}"/>`).join('');
      return `<g class="series"><title>${escapeXml(s.label)}</title><path d="${s.d}" fill="none" stroke="${s.color}" stroke-width="2"/>${bars}${dots}</g>`;
    })
    .join('\n');
  return svgDocument(
    layout.frame,
    layout.title,
    [axes, body, renderLegend(layout.series, layout.area, layout.legendTitle)].join('\n'),
  );
}

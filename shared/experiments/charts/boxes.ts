// Box plots across seeds: one box per point (quartiles, median, whiskers to min and max) with every
// seed's value as a dot, so a handful of seeds is shown as what it is.
import { scaleBand } from 'd3';
import type { MetricUnit } from '../metricDefs';
import type { FiveNumbers } from '../stats';
import { plotArea, px, seriesColor, valueAxis, type Area, type Frame, type Tick } from './frame';
import { escapeXml, renderAxes, svgDocument } from './svg';

export interface BoxInput {
  label: string;
  /** Boxes of one series share a colour (default: one colour per box). */
  series?: number;
  box: FiveNumbers | null;
  values: readonly number[];
}

export interface BoxesLayout {
  frame: Frame;
  area: Area;
  title: string;
  yLabel: string;
  xTicks: Tick[];
  yTicks: Tick[];
  boxes: {
    label: string;
    color: string;
    x: number;
    width: number;
    min: number;
    q1: number;
    median: number;
    q3: number;
    max: number;
    dots: number[];
  }[];
}

export function boxesFrame(count: number): Frame {
  return {
    width: Math.max(480, 120 + count * 56),
    height: 460,
    margin: { top: 40, right: 24, bottom: 150, left: 80 },
  };
}

export function boxesLayout(
  input: { boxes: readonly BoxInput[]; title: string; yLabel: string; unit: MetricUnit },
  frame = boxesFrame(input.boxes.length),
): BoxesLayout {
  const area = plotArea(frame);
  const y = valueAxis(
    input.boxes.flatMap((b) => [...b.values]),
    area,
    input.unit,
  );
  const band = scaleBand<number>()
    .domain(input.boxes.map((_, i) => i))
    .range([area.x, area.x + area.width])
    .padding(0.35);
  const boxes = input.boxes.flatMap((b, i) => {
    if (b.box === null) return [];
    const at = band(i)!;
    return [
      {
        label: b.label,
        color: seriesColor(b.series ?? i),
        x: px(at),
        width: px(band.bandwidth()),
        min: px(y.scale(b.box.min)),
        q1: px(y.scale(b.box.q1)),
        median: px(y.scale(b.box.median)),
        q3: px(y.scale(b.box.q3)),
        max: px(y.scale(b.box.max)),
        dots: b.values.map((v) => px(y.scale(v))),
      },
    ];
  });
  const xTicks = input.boxes.map((b, i) => ({ at: band(i)! + band.bandwidth() / 2, label: b.label }));
  return { frame, area, title: input.title, yLabel: input.yLabel, xTicks, yTicks: y.ticks, boxes };
}

export function renderBoxes(layout: BoxesLayout): string {
  const axes = renderAxes({
    area: layout.area,
    xTicks: layout.xTicks,
    yTicks: layout.yTicks,
    xLabel: '',
    yLabel: layout.yLabel,
    rotateX: true,
  });
  const body = layout.boxes
    .map((b) => {
      const mid = px(b.x + b.width / 2);
      const dots = b.dots
        .map((d) => `<circle cx="${mid}" cy="${d}" r="2.5" fill="#222" fill-opacity="0.6"/>`)
        .join('');
      return [
        `<g class="box"><title>${escapeXml(b.label)}</title>`,
        `<path d="M${mid},${b.max}V${b.q3}M${mid},${b.q1}V${b.min}M${px(mid - b.width / 4)},${b.max}H${px(mid + b.width / 4)}M${px(mid - b.width / 4)},${b.min}H${px(mid + b.width / 4)}" stroke="#333"/>`,
        `<rect x="${b.x}" y="${b.q3}" width="${b.width}" height="${px(Math.max(0, b.q1 - b.q3))}" fill="${b.color}" fill-opacity="0.35" stroke="${b.color}"/>`,
        `<line x1="${b.x}" x2="${px(b.x + b.width)}" y1="${b.median}" y2="${b.median}" stroke="#222" stroke-width="2"/>`,
        dots,
        '</g>',
      ].join('');
    })
    .join('\n');
  return svgDocument(layout.frame, layout.title, [axes, body].join('\n'));
}

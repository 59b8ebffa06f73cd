// Scales, axes and shapes for the charts, computed without a DOM (d3-scale and d3-shape only):
// the React components just draw the paths and ticks these return. Time is virtual time in ms,
// labelled with formatDuration; byte axes use binary units.
import { area, curveLinear, curveStepAfter, line, scaleLinear } from 'd3';
import { formatDuration } from '../units';

export interface Frame {
  width: number;
  height: number;
  /** The axis label size in px (large-text mode makes it bigger; margins follow). */
  fontSize: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Tick {
  /** Position along the axis in px (x for the time axis, y for the value axis). */
  at: number;
  label: string;
}

export type ValueKind = 'count' | 'bytes';

const TIME_STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
].map((s) => s * 1000);

/** Tick times from 0 to `endMs` on a round step (1s … 1 day), at most `maxTicks` of them. */
export function timeTicks(endMs: number, maxTicks: number): number[] {
  if (endMs <= 0) return [0];
  const step =
    TIME_STEPS.find((s) => endMs / s <= Math.max(1, maxTicks - 1)) ??
    Math.ceil(endMs / maxTicks / 86_400_000) * 86_400_000;
  const out: number[] = [];
  for (let t = 0; t <= endMs; t += step) out.push(t);
  return out;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** A value axis from 0: round ticks and the domain top they imply, labelled for counts or bytes. */
export function valueTicks(
  max: number,
  kind: ValueKind,
  count = 5,
): { top: number; ticks: { value: number; label: string }[] } {
  if (kind === 'count') {
    const scale = scaleLinear()
      .domain([0, Math.max(1, max)])
      .nice(count);
    const ticks = scale.ticks(count).filter((v) => Number.isInteger(v));
    return { top: scale.domain()[1]!, ticks: ticks.map((v) => ({ value: v, label: String(v) })) };
  }
  let unit = 0;
  while (unit < BYTE_UNITS.length - 1 && max / 1024 ** (unit + 1) >= 1) unit++;
  const factor = 1024 ** unit;
  const scale = scaleLinear()
    .domain([0, Math.max(1, max / factor)])
    .nice(count);
  const ticks = scale
    .ticks(count)
    .map((v) => ({ value: v * factor, label: `${+v.toFixed(2)} ${BYTE_UNITS[unit]}` }));
  return { top: scale.domain()[1]! * factor, ticks };
}

/** The plot area inside the frame. The left margin fits a byte label on every chart, so stacked
 * charts share one time axis position and can be read against each other. */
function plotBox(frame: Frame): Box {
  const left = Math.round(frame.fontSize * 5.5);
  const bottom = Math.round(frame.fontSize * 2.2);
  const top = Math.round(frame.fontSize * 0.8);
  const right = Math.round(frame.fontSize * 3);
  return {
    x: left,
    y: top,
    width: Math.max(10, frame.width - left - right),
    height: Math.max(10, frame.height - top - bottom),
  };
}

export interface LineSpec {
  key: string;
  values: readonly number[];
  /** `step`: the value holds until the next point (counts, credit that moves only at announces). */
  curve: 'linear' | 'step';
}

/** A shaded band between two series, e.g. the bytes moved but not yet credited. */
export interface BandSpec {
  key: string;
  lower: readonly number[];
  upper: readonly number[];
}

export interface ChartAxes {
  box: Box;
  xTicks: Tick[];
  yTicks: Tick[];
  /** x of the current virtual time, or null when outside the time axis. */
  nowX: number | null;
}

export interface LineChartLayout extends ChartAxes {
  lines: { key: string; d: string }[];
  bands: { key: string; d: string }[];
}

function axes(frame: Frame, kind: ValueKind, endMs: number, max: number, now: number | null) {
  const box = plotBox(frame);
  const x = scaleLinear()
    .domain([0, Math.max(1, endMs)])
    .range([box.x, box.x + box.width]);
  const { top, ticks } = valueTicks(max, kind, Math.max(2, Math.floor(box.height / (frame.fontSize * 2.5))));
  const y = scaleLinear()
    .domain([0, top])
    .range([box.y + box.height, box.y]);
  const maxTicks = Math.max(2, Math.floor(box.width / (frame.fontSize * 6)));
  const xTicks = timeTicks(endMs, maxTicks).map((t) => ({ at: x(t), label: formatDuration(t) }));
  const yTicks = ticks.map((t) => ({ at: y(t.value), label: t.label }));
  const nowX = now !== null && now >= 0 && now <= endMs ? x(now) : null;
  return { box, x, y, xTicks, yTicks, nowX };
}

export interface LineChartInput {
  frame: Frame;
  kind: ValueKind;
  /** Time of each point (ms), shared by every line and band. */
  t: readonly number[];
  lines: readonly LineSpec[];
  bands?: readonly BandSpec[];
  /** The end of the time axis (ms). */
  endMs: number;
  now: number | null;
}

export function lineChartLayout(input: LineChartInput): LineChartLayout {
  let max = 0;
  for (const l of input.lines) for (const v of l.values) if (v > max) max = v;
  const { box, x, y, xTicks, yTicks, nowX } = axes(input.frame, input.kind, input.endMs, max, input.now);
  const t = input.t;
  const indices = Array.from({ length: t.length }, (_, i) => i);
  const lines = input.lines.map((l) => ({
    key: l.key,
    d:
      line<number>()
        .x((i) => x(t[i]!))
        .y((i) => y(l.values[i]!))
        .curve(l.curve === 'step' ? curveStepAfter : curveLinear)(indices) ?? '',
  }));
  const bands = (input.bands ?? []).map((b) => ({
    key: b.key,
    d:
      area<number>()
        .x((i) => x(t[i]!))
        .y0((i) => y(b.lower[i]!))
        .y1((i) => y(b.upper[i]!))(indices) ?? '',
  }));
  return { box, xTicks, yTicks, nowX, lines, bands };
}

export interface BarLayout extends ChartAxes {
  bars: { x: number; y: number; width: number; height: number; value: number; start: number; end: number }[];
}

export function barChartLayout(input: {
  frame: Frame;
  bars: readonly { start: number; end: number; value: number }[];
  endMs: number;
  now: number | null;
}): BarLayout {
  let max = 0;
  for (const b of input.bars) if (b.value > max) max = b.value;
  const { box, x, y, xTicks, yTicks, nowX } = axes(input.frame, 'count', input.endMs, max, input.now);
  const bottom = box.y + box.height;
  const bars = input.bars
    .filter((b) => b.start < input.endMs)
    .map((b) => {
      const x0 = x(b.start);
      const x1 = x(Math.min(b.end, input.endMs));
      const top = y(b.value);
      // A 1 px gap between neighbouring bars when there is room for it.
      return {
        x: x0,
        y: top,
        width: Math.max(0.5, x1 - x0 - (x1 - x0 > 3 ? 1 : 0)),
        height: bottom - top,
        value: b.value,
        start: b.start,
        end: b.end,
      };
    });
  return { box, xTicks, yTicks, nowX, bars };
}

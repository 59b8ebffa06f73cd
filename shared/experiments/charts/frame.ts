// What every experiment chart shares: the frame and plot area, value axes (with the metric's unit),
// and the palette. Positions are computed here as numbers; svg.ts turns them into markup.
import { scaleLinear, type ScaleLinear } from 'd3';
import type { MetricUnit } from '../metricDefs';

export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Tick {
  /** Position in px along the axis. */
  at: number;
  label: string;
}

/** Okabe–Ito: eight colours that stay distinct for colour-blind readers. */
export const palette = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#000000',
];

export function seriesColor(i: number): string {
  return palette[i % palette.length]!;
}

export function plotArea(frame: Frame): Area {
  const { width, height, margin } = frame;
  return {
    x: margin.left,
    y: margin.top,
    width: width - margin.left - margin.right,
    height: height - margin.top - margin.bottom,
  };
}

/** A tick label in the metric's unit: shares as percentages, bytes in binary units, else numbers. */
export function tickLabel(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'share':
      return `${+(value * 100).toFixed(1)}%`;
    case 'bytes': {
      const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
      let i = 0;
      let v = value;
      while (Math.abs(v) >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
      }
      return `${+v.toFixed(1)} ${units[i]}`;
    }
    default:
      return String(+value.toFixed(2));
  }
}

/** A vertical value axis from 0 (or below, if values are negative) to a round top. */
export function valueAxis(
  values: readonly number[],
  area: Area,
  unit: MetricUnit,
): { scale: ScaleLinear<number, number>; ticks: Tick[] } {
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const top = unit === 'share' && max <= 1 && max > 0.5 ? 1 : max === min ? min + 1 : max;
  const scale = scaleLinear()
    .domain([min, top])
    .nice(5)
    .range([area.y + area.height, area.y]);
  return { scale, ticks: scale.ticks(5).map((v) => ({ at: scale(v), label: tickLabel(v, unit) })) };
}

/** A horizontal numeric axis over the values' range: from 0 when `fromZero`, else padded by 5%. */
export function numericAxis(
  values: readonly number[],
  area: Area,
  fromZero: boolean,
  label: (v: number) => string = (v) => String(v),
): { scale: ScaleLinear<number, number>; ticks: Tick[] } {
  let max = Math.max(...values, fromZero ? 1 : -Infinity);
  let min = fromZero ? 0 : Math.min(...values);
  if (!fromZero) {
    const pad = min === max ? Math.max(1, Math.abs(min) * 0.1) : (max - min) * 0.05;
    [min, max] = [min - pad, max + pad];
  }
  const scale = scaleLinear()
    .domain([min, max])
    .range([area.x, area.x + area.width]);
  if (fromZero) scale.nice(6);
  return { scale, ticks: scale.ticks(6).map((v) => ({ at: scale(v), label: label(v) })) };
}

/** Rounds a px coordinate for compact, stable markup. */
export function px(v: number): number {
  return Math.round(v * 10) / 10;
}

// Scales, ticks and paths computed without a DOM.
import { expect, test } from 'vitest';
import { barChartLayout, lineChartLayout, timeTicks, valueTicks } from '../../../shared/views/chartLayout';

const frame = { width: 640, height: 240, fontSize: 12 };

test('time ticks fall on round virtual-time steps', () => {
  expect(timeTicks(9_000_000, 6)).toEqual([0, 1_800_000, 3_600_000, 5_400_000, 7_200_000, 9_000_000]);
  expect(timeTicks(90_000, 4)).toEqual([0, 30_000, 60_000, 90_000]);
  expect(timeTicks(0, 5)).toEqual([0]);
});

test('byte axes use binary units, count axes whole numbers', () => {
  expect(valueTicks(76_781_572, 'bytes', 4)).toEqual({
    top: 80 * 1024 ** 2,
    ticks: [0, 20, 40, 60, 80].map((v) => ({ value: v * 1024 ** 2, label: `${v} MiB` })),
  });
  expect(valueTicks(3, 'count', 5).ticks.map((t) => t.label)).toEqual(['0', '1', '2', '3']);
});

test('a line chart: x runs over the scenario, the now line sits at the current virtual time', () => {
  const layout = lineChartLayout({
    frame,
    kind: 'count',
    t: [0, 1000, 2000],
    lines: [{ key: 'seeders', values: [1, 2, 2], curve: 'step' }],
    bands: [{ key: 'gap', lower: [0, 0, 1], upper: [1, 2, 2] }],
    endMs: 4000,
    now: 2000,
  });
  const { box } = layout;
  expect(box).toEqual({ x: 66, y: 10, width: 538, height: 204 });
  expect(layout.nowX).toBe(box.x + box.width / 2);
  expect(layout.xTicks[0]).toEqual({ at: box.x, label: '0s' });
  expect(layout.xTicks.at(-1)).toEqual({ at: box.x + box.width, label: '4s' });
  // A step line: horizontal then vertical segments.
  expect(layout.lines[0]!.d).toBe('M66,112L200.5,112L200.5,10L335,10L335,10');
  expect(layout.bands[0]!.d).toMatch(/^M66,/);
  expect(lineChartLayout({ frame, kind: 'count', t: [], lines: [], endMs: 4000, now: 9000 }).nowX).toBeNull();
});

test('large text widens the margins so labels still fit', () => {
  const small = lineChartLayout({ frame, kind: 'bytes', t: [0], lines: [], endMs: 1, now: null });
  const large = lineChartLayout({
    frame: { ...frame, fontSize: 20 },
    kind: 'bytes',
    t: [0],
    lines: [],
    endMs: 1,
    now: null,
  });
  expect(large.box.x).toBeGreaterThan(small.box.x);
  expect(large.box.height).toBeLessThan(small.box.height);
});

test('bars span their minutes and stand on the axis', () => {
  const layout = barChartLayout({
    frame,
    bars: [
      { start: 0, end: 60_000, value: 4 },
      { start: 60_000, end: 120_000, value: 2 },
    ],
    endMs: 120_000,
    now: null,
  });
  const [a, b] = layout.bars;
  const bottom = layout.box.y + layout.box.height;
  expect(a!.x).toBe(layout.box.x);
  expect(a!.y + a!.height).toBe(bottom);
  expect(b!.height).toBeCloseTo(a!.height / 2);
  expect(a!.width).toBe(layout.box.width / 2 - 1);
});

// The sequence chart's event-compressed time axis: linear inside a burst of events, long idle gaps
// squeezed to a fixed width with a break, an exact inverse, and HH:MM:SS labels that never overlap.
import { describe, expect, it } from 'vitest';
import { axisTicks, compressedScale, formatClock, gapWidth } from '../../shared/views/sequenceScale';

// Defaults: 0.5 px/ms, gaps over 120 ms squeezed to 36 px, at least 8 px between stops, 24 px padding.
// Two announces 15 minutes apart, each 50 ms out and 50 ms back (the duplicate 60 000 counts once).
const twoAnnounces = [60_000, 60_050, 60_100, 960_100, 960_150, 960_200, 60_000];

describe('compressedScale', () => {
  it('puts every distinct moment on the axis: linear inside a burst, a 15-minute gap squeezed to 36 px', () => {
    const scale = compressedScale(twoAnnounces);
    expect(scale.times).toEqual([60_000, 60_050, 60_100, 960_100, 960_150, 960_200]);
    expect(scale.xs).toEqual([24, 49, 74, 110, 135, 160]);
    expect(scale.breaks).toEqual([{ x0: 74, x1: 110, from: 60_100, to: 960_100 }]);
    expect(scale.width).toBe(184);
  });

  it('maps times between stops linearly, also across a break, and clamps outside the stops', () => {
    const scale = compressedScale(twoAnnounces);
    expect(scale.x(60_025)).toBe(36.5);
    expect(scale.x(510_100)).toBe(92); // halfway through the 15-minute gap: halfway across the break
    expect(scale.x(0)).toBe(24);
    expect(scale.x(5_000_000)).toBe(160);
  });

  it('has an exact inverse: x → time', () => {
    const scale = compressedScale(twoAnnounces);
    expect(scale.t(36.5)).toBe(60_025);
    expect(scale.t(92)).toBe(510_100);
    expect(scale.t(110)).toBe(960_100);
    expect(scale.t(0)).toBe(60_000);
    expect(scale.t(1000)).toBe(960_200);
    for (const t of [60_000, 60_010, 60_099, 100_000, 959_999, 960_175])
      expect(scale.t(scale.x(t))).toBeCloseTo(t, 6);
  });

  it('keeps events 1 ms apart at least 8 px apart', () => {
    const scale = compressedScale([0, 1, 3]);
    expect(scale.xs).toEqual([24, 32, 40]);
    expect(scale.x(0.5)).toBe(28);
  });

  it('squeezes only gaps longer than the threshold', () => {
    expect(gapWidth(120, { pxPerMs: 0.5, breakAfterMs: 120, breakPx: 36, minGapPx: 8, padPx: 0 })).toEqual({
      px: 60,
      squeezed: false,
    });
    expect(gapWidth(121, { pxPerMs: 0.5, breakAfterMs: 120, breakPx: 36, minGapPx: 8, padPx: 0 })).toEqual({
      px: 36,
      squeezed: true,
    });
    const scale = compressedScale([0, 120, 241], { padPx: 0 });
    expect(scale.xs).toEqual([0, 60, 96]);
    expect(scale.breaks).toEqual([{ x0: 60, x1: 96, from: 120, to: 241 }]);
  });

  it('takes its options: 1 px/ms, breaks after 1 s to 50 px', () => {
    const scale = compressedScale([1000, 1500, 10_000], {
      pxPerMs: 1,
      breakAfterMs: 1000,
      breakPx: 50,
      padPx: 10,
    });
    expect(scale.xs).toEqual([10, 510, 560]);
    expect(scale.width).toBe(570);
  });

  it('an empty axis is just its padding', () => {
    const scale = compressedScale([]);
    expect(scale.width).toBe(48);
    expect(scale.x(1234)).toBe(24);
    expect(scale.t(100)).toBe(0);
    expect(axisTicks(scale, 10)).toEqual([]);
  });
});

describe('axisTicks', () => {
  it('labels the first moment and the moment after each break with its real time', () => {
    expect(axisTicks(compressedScale(twoAnnounces), 80)).toEqual([
      { x: 24, t: 60_000, label: '00:01:00' },
      { x: 110, t: 960_100, label: '00:16:00' },
    ]);
  });

  it('does not repeat a label after a sub-second break', () => {
    const scale = compressedScale([60_000, 60_300, 61_000]);
    expect(scale.breaks).toHaveLength(2);
    expect(axisTicks(scale, 10)).toEqual([
      { x: 24, t: 60_000, label: '00:01:00' },
      { x: 96, t: 61_000, label: '00:01:01' },
    ]);
  });

  it('drops a label that would overlap the previous one', () => {
    expect(axisTicks(compressedScale(twoAnnounces), 87)).toEqual([{ x: 24, t: 60_000, label: '00:01:00' }]);
  });
});

describe('formatClock', () => {
  it('writes virtual time as HH:MM:SS, with milliseconds when asked', () => {
    expect(formatClock(0)).toBe('00:00:00');
    expect(formatClock(3_723_004)).toBe('01:02:03');
    expect(formatClock(3_723_004, true)).toBe('01:02:03.004');
    expect(formatClock(90_000_000)).toBe('25:00:00');
    expect(formatClock(59_999, true)).toBe('00:00:59.999');
  });
});

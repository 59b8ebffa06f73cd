// When the rechoke and the optimistic rotation are due. Both run on fixed grids of virtual time
// that start at the first tick (which always rechokes), so their average period is exact for any
// tick length; a tick longer than the period rechokes once. The rotation happens at the first
// rechoke at or after its due time (with the defaults, 30 s is every third 10 s rechoke).

export interface ChokeScheduleData {
  nextRechokeAt: number | null;
  nextRotationAt: number | null;
}

export class ChokeSchedule {
  private nextRechokeAt: number | null;
  private nextRotationAt: number | null;

  constructor(
    private readonly rechokeEveryMs: number,
    private readonly optimisticEveryMs: number,
    data?: ChokeScheduleData,
  ) {
    if (!(rechokeEveryMs > 0) || !(optimisticEveryMs > 0)) {
      throw new RangeError(
        `rechoke every ${rechokeEveryMs} ms, rotate every ${optimisticEveryMs} ms: positive`,
      );
    }
    this.nextRechokeAt = data?.nextRechokeAt ?? null;
    this.nextRotationAt = data?.nextRotationAt ?? null;
  }

  data(): ChokeScheduleData {
    return { nextRechokeAt: this.nextRechokeAt, nextRotationAt: this.nextRotationAt };
  }

  /** What is due at `now` (and marks it done): nothing, a rechoke, or a rechoke with rotation. */
  due(now: number): 'none' | 'rechoke' | 'rechoke-and-rotate' {
    if (this.nextRechokeAt !== null && now < this.nextRechokeAt) return 'none';
    this.nextRechokeAt = following(this.nextRechokeAt, this.rechokeEveryMs, now);
    if (this.nextRotationAt !== null && now < this.nextRotationAt) return 'rechoke';
    this.nextRotationAt = following(this.nextRotationAt, this.optimisticEveryMs, now);
    return 'rechoke-and-rotate';
  }
}

/** The next time on the grid `previous + k · period` strictly after `now` (now + period at first). */
function following(previous: number | null, period: number, now: number): number {
  let next = (previous ?? now) + period;
  if (next <= now) next += (Math.floor((now - next) / period) + 1) * period;
  return next;
}

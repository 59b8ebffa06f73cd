// Hands out blocks of records in a growing pool (the arrays themselves belong to the caller) and
// takes them back for reuse by size, last-in first-out, so slot churn does not leak pool space.

export interface BlockPoolData {
  used: number;
  /** Free blocks as [room, bases] by ascending room. */
  free: [number, number[]][];
}

export class BlockPool {
  /** Records handed out so far (the high-water mark); the caller's arrays must hold this many. */
  used = 0;
  private readonly free = new Map<number, number[]>();

  constructor(data?: BlockPoolData) {
    if (!data) return;
    this.used = data.used;
    for (const [room, bases] of data.free) this.free.set(room, [...bases]);
  }

  data(): BlockPoolData {
    return {
      used: this.used,
      free: [...this.free].sort((x, y) => x[0] - y[0]).map(([room, bases]) => [room, [...bases]]),
    };
  }

  /** The base of a block with room for `room` records. */
  take(room: number): number {
    const reused = this.free.get(room)?.pop();
    if (reused !== undefined) return reused;
    const base = this.used;
    this.used += room;
    return base;
  }

  give(base: number, room: number): void {
    if (room === 0) return;
    const bases = this.free.get(room);
    if (bases) bases.push(base);
    else this.free.set(room, [base]);
  }
}

// One seeded PRNG for everything that must be reproducible (tracker, simulation, engine).
// xoroshiro128+ from pure-rand: fast, jumpable, and its state can be captured for snapshots.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export interface Prng {
  /** Uniform float in [0, 1). */
  float(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** The generator's state, for snapshots. */
  state(): number[];
  /** An independent stream (2^64 steps away), for a subsystem that must not disturb this one. */
  fork(): Prng;
}

const TWO_POW_32 = 0x1_0000_0000;

class XoroshiroPrng implements Prng {
  constructor(private readonly rng: JumpableRandomGenerator) {}

  float(): number {
    // 53 random bits from two 32-bit draws, as Math.random does.
    const hi = (this.rng.next() >>> 0) >>> 5; // 27 bits
    const lo = (this.rng.next() >>> 0) >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  int(min: number, max: number): number {
    if (max - min < TWO_POW_32 && max >= min) {
      return uniformInt(this.rng, min, max);
    }
    throw new RangeError(`int(${min}, ${max}): range must be non-empty and below 2^32`);
  }

  state(): number[] {
    return [...this.rng.getState()];
  }

  fork(): Prng {
    const child = this.rng.clone();
    child.jump();
    this.rng.next(); // so two successive forks differ
    return new XoroshiroPrng(child);
  }
}

export function createPrng(seed: number): Prng {
  return new XoroshiroPrng(xoroshiro128plus(seed | 0));
}

export function prngFromState(state: readonly number[]): Prng {
  return new XoroshiroPrng(xoroshiro128plusFromState(state));
}

// One animation frame's moving parts, computed from the announces and the virtual time alone:
// announce and answer dots, failure X's, the links from an answer's chosen peers to the requester,
// and the fading halos of expired ghosts. Both renderers (SVG and Canvas) draw the same frame.
// Positions are in layout units; the buffers are reused from frame to frame (no garbage per frame).
import type { AnnounceFlight } from '../../../../shared/views/types';
import type { ExpiryLog } from './expiries';
import type { Layout } from './layout';
import { expiryAt, flightAt, flightWindow, type Spans } from './timing';

export const DOT_ANNOUNCE = 0;
export const DOT_ANSWER = 1;
export const DOT_REFUSAL = 2;

/** A growable set of parallel Float32 columns. */
class Columns<K extends string> {
  count = 0;
  private capacity = 0;
  readonly col = {} as Record<K, Float32Array>;

  constructor(private readonly names: readonly K[]) {
    this.grow(64);
  }

  private grow(capacity: number): void {
    for (const name of this.names) {
      const next = new Float32Array(capacity);
      if (this.col[name]) next.set(this.col[name]);
      this.col[name] = next;
    }
    this.capacity = capacity;
  }

  /** Reserves a row and returns its index. */
  push(): number {
    if (this.count === this.capacity) this.grow(this.capacity * 2);
    return this.count++;
  }
}

export interface LitAnswer {
  flight: AnnounceFlight;
  alpha: number;
  /** Its rows in `links` and `lit` (the same rows in both): [start, end). */
  start: number;
  end: number;
}

export class SceneFrame {
  readonly dots = new Columns(['x', 'y', 'kind'] as const);
  readonly failures = new Columns(['x', 'y', 'alpha'] as const);
  readonly links = new Columns(['x1', 'y1', 'x2', 'y2', 'alpha'] as const);
  /** Peers lit by an answer (a ring each), with the answer's alpha. */
  readonly lit = new Columns(['id', 'alpha'] as const);
  readonly expiries = new Columns(['id', 'x', 'y', 'progress'] as const);
  /** The answers whose peers are lit, newest first (for the hover explanation). */
  readonly litAnswers: LitAnswer[] = [];
  /** Announces looked at (for the benchmark's curiosity, and tests). */
  scanned = 0;

  clear(): void {
    this.dots.count = 0;
    this.failures.count = 0;
    this.links.count = 0;
    this.lit.count = 0;
    this.expiries.count = 0;
    this.litAnswers.length = 0;
    this.scanned = 0;
  }
}

export interface SceneInput {
  /** Announces in order of sending (SwarmModel.flightOrder). */
  flights: readonly AnnounceFlight[];
  now: number;
  spans: Spans;
  layout: Layout;
  /** At most this many answers light their peers at once (plus the selected client's). */
  maxLitAnswers: number;
  selected: number | null;
  expiries?: ExpiryLog;
}

/** Index of the first flight sent after `t` (flights are in order of sending). */
export function firstSentAfter(flights: readonly AnnounceFlight[], t: number): number {
  let lo = 0;
  let hi = flights.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (flights[mid]!.sentAt <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Fills `out` with what is moving at `input.now`. */
export function buildScene(input: SceneInput, out: SceneFrame): SceneFrame {
  out.clear();
  const { flights, now, spans, layout } = input;
  const { xs, ys } = layout;
  const from = now - flightWindow(spans);
  let litBudget = input.maxLitAnswers;
  for (let i = firstSentAfter(flights, now) - 1; i >= 0; i--) {
    const f = flights[i]!;
    if (f.sentAt < from) break;
    out.scanned++;
    if (f.clientId >= layout.count) continue;
    const frame = flightAt(f, now, spans);
    if (frame === null) continue;
    const px = xs[f.clientId]!;
    const py = ys[f.clientId]!;
    switch (frame.phase) {
      case 'out': {
        const r = out.dots.push();
        out.dots.col.x[r] = px * (1 - frame.p);
        out.dots.col.y[r] = py * (1 - frame.p);
        out.dots.col.kind[r] = DOT_ANNOUNCE;
        break;
      }
      case 'back': {
        const r = out.dots.push();
        out.dots.col.x[r] = px * frame.p;
        out.dots.col.y[r] = py * frame.p;
        out.dots.col.kind[r] = frame.refused ? DOT_REFUSAL : DOT_ANSWER;
        break;
      }
      case 'failed': {
        const r = out.failures.push();
        out.failures.col.x[r] = px * (1 - frame.p);
        out.failures.col.y[r] = py * (1 - frame.p);
        out.failures.col.alpha[r] = frame.alpha;
        break;
      }
      case 'lit': {
        if (f.returned.length === 0) break;
        const mine = f.clientId === input.selected;
        if (!mine && litBudget <= 0) break;
        if (!mine) litBudget--;
        const answer: LitAnswer = { flight: f, alpha: frame.alpha, start: out.links.count, end: 0 };
        out.litAnswers.push(answer);
        for (const id of f.returned) {
          if (id >= layout.count) continue;
          const l = out.links.push();
          out.links.col.x1[l] = xs[id]!;
          out.links.col.y1[l] = ys[id]!;
          out.links.col.x2[l] = px;
          out.links.col.y2[l] = py;
          out.links.col.alpha[l] = frame.alpha;
          const r = out.lit.push();
          out.lit.col.id[r] = id;
          out.lit.col.alpha[r] = frame.alpha;
        }
        answer.end = out.links.count;
        break;
      }
    }
  }
  const log = input.expiries;
  if (log) {
    for (let i = log.firstAtOrAfter(now - spans.expiry); i < log.expiries.length; i++) {
      const e = log.expiries[i]!;
      const halo = expiryAt(e.t, now, spans);
      if (halo === null || e.clientId >= layout.count) continue;
      const r = out.expiries.push();
      out.expiries.col.id[r] = e.clientId;
      out.expiries.col.x[r] = xs[e.clientId]!;
      out.expiries.col.y[r] = ys[e.clientId]!;
      out.expiries.col.progress[r] = halo.progress;
    }
  }
  return out;
}

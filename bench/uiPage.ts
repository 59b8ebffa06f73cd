// What the UI benchmark runs inside the page (each function is serialized by page.evaluate, so it is
// self-contained), and the statistics over the frame timestamps it brings back.

/**
 * In-page code is passed to page.evaluate as source text: tsx (esbuild) wraps named functions in a
 * `__name` helper that does not exist in the page, so serialized TypeScript functions would not run.
 */
/** requestAnimationFrame timestamps over `ms` of real time. */
export function collectFramesScript(ms: number): string {
  return `new Promise((resolve) => {
    const times = [];
    let start = -1;
    const tick = (t) => {
      if (start < 0) start = t;
      times.push(t);
      if (t - start < ${Number(ms)}) requestAnimationFrame(tick);
      else resolve(times);
    };
    requestAnimationFrame(tick);
  })`;
}

export interface FrameFigures {
  frames: number;
  seconds: number;
  meanFps: number;
  /** Frame time not exceeded by 95 % of frames (the slowest 5 % are slower): 1000 / this = 5th-percentile fps. */
  p95FrameMs: number;
  p5Fps: number;
  maxFrameMs: number;
  /** Frames that took longer than 1.5 vsync intervals (a visible stutter). */
  longFrames: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function frameFigures(times: readonly number[]): FrameFigures {
  const deltas: number[] = [];
  for (let i = 1; i < times.length; i++) deltas.push(times[i]! - times[i - 1]!);
  const sorted = [...deltas].sort((a, b) => a - b);
  const seconds = times.length > 1 ? (times.at(-1)! - times[0]!) / 1000 : 0;
  const p95 = percentile(sorted, 95);
  return {
    frames: deltas.length,
    seconds,
    meanFps: seconds > 0 ? deltas.length / seconds : 0,
    p95FrameMs: p95,
    p5Fps: p95 > 0 ? 1000 / p95 : 0,
    maxFrameMs: sorted.at(-1) ?? 0,
    longFrames: deltas.filter((d) => d > 25).length,
  };
}

/** What the page's bench hook (renderer/src/views/graph/benchHook.ts) reports, as the benchmark reads it. */
export interface PageHook {
  request(request: unknown): Promise<{ ok: boolean; error?: string }>;
  peers(): number;
  store: {
    getState(): {
      model: { events: unknown[]; flightOrder: unknown[] };
      status: { now: number } | null;
      session: { scenario: { name: string } } | null;
    };
  };
  graph: { work: number[]; dots: number; links: number; renderer: string };
}

export interface GraphSample {
  peers: number;
  events: number;
  announces: number;
  virtualNow: number;
  renderer: string;
  dots: number;
  links: number;
  /** The graph's own work per frame (scene + paint), ms: mean and 95th percentile. */
  workMeanMs: number;
  workP95Ms: number;
}

/** Reads the hook in the page. */
export const sampleGraphScript = `(() => {
  const hook = window.__trackerLabBench;
  const state = hook.store.getState();
  const work = [...hook.graph.work].sort((a, b) => a - b);
  const mean = work.length ? work.reduce((a, b) => a + b, 0) / work.length : 0;
  return {
    peers: hook.peers(),
    events: state.model.events.length,
    announces: state.model.flightOrder.length,
    virtualNow: state.status ? state.status.now : 0,
    renderer: hook.graph.renderer,
    dots: hook.graph.dots,
    links: hook.graph.links,
    workMeanMs: mean,
    workP95Ms: work.length ? work[Math.min(work.length - 1, Math.ceil(work.length * 0.95) - 1)] : 0,
  };
})()`;

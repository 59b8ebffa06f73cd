// A debugging hook for `npm run bench:ui`, installed only when the page's URL has `?bench`: the
// benchmark loads its scenarios over the page's own bridge and reads how long the graph's frames
// take. Nothing is exposed in normal use.
import type { EngineBridge } from '../../../../shared/bridge';
import type { AppStore } from '../../store/store';

export interface GraphFrameStats {
  /** Milliseconds spent in the graph's work for each recent frame (scene + paint). */
  work: number[];
  /** Moving marks drawn in the last frame. */
  dots: number;
  links: number;
  renderer: string;
}

export interface BenchHook {
  request: EngineBridge['request'];
  peers(): number;
  /** The store (for inspecting the model from the benchmark or a debugging session). */
  store: AppStore;
  graph: GraphFrameStats;
}

declare global {
  interface Window {
    __trackerLabBench?: BenchHook;
  }
}

export function benchRequested(search: string): boolean {
  return new URLSearchParams(search).has('bench');
}

export function installBenchHook(bridge: EngineBridge, store: AppStore): BenchHook {
  const hook: BenchHook = {
    request: (request) => bridge.request(request),
    peers: () => store.getState().model.clientsByName.size,
    store,
    graph: { work: [], dots: 0, links: 0, renderer: '' },
  };
  window.__trackerLabBench = hook;
  return hook;
}

/** Records one frame's figures (keeps the last 2,000 frames). */
export function recordFrame(
  hook: BenchHook,
  workMs: number,
  dots: number,
  links: number,
  renderer: string,
): void {
  const g = hook.graph;
  g.work.push(workMs);
  if (g.work.length > 2_000) g.work.splice(0, g.work.length - 2_000);
  g.dots = dots;
  g.links = links;
  g.renderer = renderer;
}

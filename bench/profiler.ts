// V8's sampling CPU profiler (the one behind `node --cpu-prof`), driven through node:inspector so a
// server child can profile exactly the measured window rather than its start-up and fill. tsx emits
// each module as one minified line, so raw profile positions say nothing; every call frame is mapped
// back to its TypeScript file:line through the source maps tsx registers.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';
import { findSourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  startTime: number;
  endTime: number;
}

export interface HotFunction {
  name: string;
  /** file:line of the function's definition, relative to the repository. */
  location: string;
  selfPercent: number;
}

export interface ProfileSummary {
  samples: number;
  durationMs: number;
  /** Self time by area: tracker core, node:http internals, GC, idle… */
  byArea: Record<string, number>;
  top: HotFunction[];
  file: string;
}

const SAMPLING_INTERVAL_US = 200;

function post<T>(session: Session, method: string, params: object = {}): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params, (err, result) => (err ? reject(err) : resolve(result as T))),
  );
}

/** Maps a frame to its original source; leaves built-ins and plain JS at their own (1-based) line. */
function mapFrame(frame: CallFrame, root: string): { file: string; line: number } {
  const { url, lineNumber, columnNumber } = frame;
  if (url.startsWith('file://')) {
    const entry = findSourceMap(url)?.findEntry(lineNumber, columnNumber);
    const mapped = entry && 'originalSource' in entry ? entry : null;
    const source = mapped ? mapped.originalSource : url;
    const file = source.startsWith('file://') ? relative(root, fileURLToPath(source)) : source;
    return { file, line: (mapped ? mapped.originalLine : lineNumber) + 1 };
  }
  return { file: url, line: lineNumber + 1 };
}

function areaOf(name: string, file: string): string {
  if (file === '') return name; // (garbage collector), (program), (idle), (root)
  if (file.startsWith('electron/tracker/')) return 'electron/tracker';
  if (file.startsWith('shared/')) return 'shared';
  if (file.startsWith('bench/')) return 'bench';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return `node_modules/${pkg[1]}`;
  if (file.startsWith('node:')) return 'node internals';
  return 'other';
}

export class CpuProfiler {
  private readonly session = new Session();

  async start(): Promise<void> {
    this.session.connect();
    await post(this.session, 'Profiler.enable');
    await post(this.session, 'Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await post(this.session, 'Profiler.start');
  }

  /** Stops, writes the source-mapped .cpuprofile to `file` and returns the self-time summary. */
  async stop(file: string, root: string, topN = 25): Promise<ProfileSummary> {
    const { profile } = await post<{ profile: CpuProfile }>(this.session, 'Profiler.stop');
    this.session.disconnect();
    const total = profile.samples?.length ?? 0;
    const byFunction = new Map<string, HotFunction & { hits: number }>();
    const byArea: Record<string, number> = {};
    for (const node of profile.nodes) {
      const { file: mappedFile, line } = mapFrame(node.callFrame, root);
      const name = node.callFrame.functionName || '(anonymous)';
      node.callFrame.url = mappedFile; // DevTools shows the TypeScript positions too
      node.callFrame.lineNumber = line - 1;
      const hits = node.hitCount ?? 0;
      if (hits === 0) continue;
      const location = mappedFile === '' ? '' : `${mappedFile}:${line}`;
      const key = `${name} ${location}`;
      const entry = byFunction.get(key) ?? { name, location, selfPercent: 0, hits: 0 };
      entry.hits += hits;
      byFunction.set(key, entry);
      const area = areaOf(name, mappedFile);
      byArea[area] = (byArea[area] ?? 0) + hits;
    }
    await writeFile(file, JSON.stringify(profile));
    const percent = (hits: number): number => Math.round((1000 * hits) / Math.max(1, total)) / 10;
    const top = [...byFunction.values()]
      .sort((a, b) => b.hits - a.hits)
      .slice(0, topN)
      .map(({ name, location, hits }) => ({ name, location, selfPercent: percent(hits) }));
    const areas = Object.entries(byArea).sort((a, b) => b[1] - a[1]);
    return {
      samples: total,
      durationMs: Math.round((profile.endTime - profile.startTime) / 1000),
      byArea: Object.fromEntries(areas.map(([area, hits]) => [area, percent(hits)])),
      top,
      file,
    };
  }
}

// One bench:sim scenario in its own process; prints its figures as a JSON line (see sim.ts).
import { Engine } from '../electron/engine/engine';
import { scenarios, type RunFigures } from './sim';

const key = process.argv[2] as keyof typeof scenarios;
const { scenario, transport } = scenarios[key];
let events = 0;
const engine = await Engine.create({
  scenario,
  transport,
  retainEvents: false,
  snapshotEveryMs: Infinity,
  listeners: [() => void events++],
});
const started = performance.now();
await engine.advanceTo(engine.endMs);
const wallSeconds = (performance.now() - started) / 1000;
await engine.close();
const report = engine.report();
const r = report.tracker.requests;
const figures: RunFigures = {
  wallSeconds,
  virtualSeconds: engine.endMs / 1000,
  speedUp: engine.endMs / 1000 / wallSeconds,
  events,
  eventsPerSecond: events / wallSeconds,
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  completed: report.completionMs.count,
  requests: r.started + r.completed + r.stopped + r.paused + r.none,
};
process.stdout.write(JSON.stringify(figures) + '\n');

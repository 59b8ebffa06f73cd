// Running scenarios in tests: a preset (or any scenario), to its end or to a time, with its events.
import type { EventOf, LoggedEvent, SimEventType } from '../../shared/events';
import type { ScenarioInput } from '../../shared/sim/scenario';
import { Engine, type EngineOptions } from '../../electron/engine/engine';
import { findPreset } from '../../electron/sim/presets';

export interface Run {
  engine: Engine;
  events: LoggedEvent[];
  of<T extends SimEventType>(type: T): (EventOf<T> & { seq: number })[];
  /** The client's id by name. */
  id(name: string): number;
}

export function preset(name: string): ScenarioInput {
  const scenario = findPreset(name);
  if (!scenario) throw new Error(`no preset ${name}`);
  return scenario;
}

export async function run(
  scenario: ScenarioInput | string,
  options: Partial<EngineOptions> & { until?: number } = {},
): Promise<Run> {
  const engine = await Engine.create({
    scenario: typeof scenario === 'string' ? preset(scenario) : scenario,
    ...options,
  });
  await engine.advanceTo(options.until ?? engine.endMs);
  await engine.close();
  const events = engine.events();
  return {
    engine,
    events,
    of: <T extends SimEventType>(type: T) =>
      events.filter((e): e is EventOf<T> & LoggedEvent => e.type === type),
    id: (name) => {
      const c = engine.simulation.client(name);
      if (!c) throw new Error(`no client ${name}`);
      return c.id;
    },
  };
}

/** The tracker's peer_id hex for a client's announces (every identity it used). */
export function peerIdsOf(r: Run, clientId: number): Set<string> {
  const ids = new Set<string>();
  for (const e of r.events) {
    if ((e.type === 'clientCreated' || e.type === 'clientIdentityChanged') && e.clientId === clientId)
      ids.add(e.peerId);
  }
  return ids;
}

/** The tracker-side events about one client (announces received, credits, removals…). */
export function trackerEventsFor<
  T extends 'announceReceived' | 'creditApplied' | 'peerRemoved' | 'peerAdded' | 'peerChanged',
>(r: Run, clientId: number, type: T): (EventOf<T> & { seq: number })[] {
  const ids = peerIdsOf(r, clientId);
  return r.of(type).filter((e) => ids.has((e as { peerId: string }).peerId));
}

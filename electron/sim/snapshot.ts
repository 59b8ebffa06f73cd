// The simulation's state as plain, structured-clone-able data, and back. The engine keeps these at
// intervals so that any virtual time can be restored by re-running from the nearest one.
import { prngFromState } from '../../shared/prng';
import type { SimulationEvent } from '../../shared/sim/events';
import type { InFlightAnnounce, SimClient, SimContext, SimTask, SimTorrent } from './context';
import { EventQueue, type Scheduled } from './scheduler';
import type { TrackerPort } from './trackerPort';
import { SwarmTransfers, type TransfersSnapshot } from './transfer/swarmTransfers';

export interface SimSnapshot {
  now: number;
  network: SimContext['network'];
  rng: { population: number[]; identity: number[]; transfer: number[] };
  clients: SimClient[];
  torrents: SimTorrent[];
  transfers: TransfersSnapshot[];
  queue: { heap: Scheduled<SimTask>[]; counter: number };
  addressBook: [string, number][];
  inFlight: [number, InFlightAnnounce][];
  users: { name: string; passkey: string }[];
  timeline: SimContext['timeline'];
  counters: SimContext['counters'];
  progressed: number[];
}

export function snapshotContext(ctx: SimContext): SimSnapshot {
  return structuredClone({
    now: ctx.now,
    network: ctx.network,
    rng: {
      population: ctx.rng.population.state(),
      identity: ctx.rng.identity.state(),
      transfer: ctx.rng.transfer.state(),
    },
    clients: ctx.clients,
    torrents: ctx.torrents,
    transfers: ctx.transfers.map((t) => t.snapshot()),
    queue: ctx.queue.snapshot(),
    addressBook: [...ctx.addressBook],
    inFlight: [...ctx.inFlight],
    users: ctx.users,
    timeline: ctx.timeline,
    counters: ctx.counters,
    progressed: [...ctx.progressed],
  });
}

export function restoreContext(
  snapshot: SimSnapshot,
  tracker: TrackerPort,
  emit: (event: SimulationEvent) => void,
): SimContext {
  const s = structuredClone(snapshot);
  const transfer = prngFromState(s.rng.transfer);
  return {
    now: s.now,
    network: s.network,
    rng: { population: prngFromState(s.rng.population), identity: prngFromState(s.rng.identity), transfer },
    clients: s.clients,
    torrents: s.torrents,
    transfers: s.transfers.map((t) => SwarmTransfers.restore(t, transfer)),
    queue: EventQueue.restore(s.queue),
    addressBook: new Map(s.addressBook),
    inFlight: new Map(s.inFlight),
    tracker,
    users: s.users,
    timeline: s.timeline,
    counters: s.counters,
    progressed: new Set(s.progressed),
    emit,
  };
}

// Turning a scenario's client groups into clients: names, arrival times, capacities, seeding times
// and wire identities, all drawn from the seeded PRNG streams in a fixed order.
import { asciiBytes } from '../../shared/bytes';
import type { Prng } from '../../shared/prng';
import { sample } from '../../shared/sim/distributions';
import type { Arrival, ClientGroup } from '../../shared/sim/group';
import { clientNames } from '../../shared/sim/group';
import { clientProfile } from '../../shared/sim/profiles';
import type { SimClient, SimContext } from './context';
import { addressKey } from './clients/connecting';
import { groupAddress, makeKey, makePeerId, makePort } from './clients/identity';

function arrivalTimes(arrival: Arrival, count: number, from: number, rng: Prng): number[] {
  switch (arrival.type) {
    case 'fixed':
      return Array.from({ length: count }, (_, i) => from + arrival.at + i * arrival.spacing);
    case 'poisson': {
      let t = from + arrival.start;
      return Array.from({ length: count }, () => {
        t += Math.round(-Math.log(1 - rng.float()) * arrival.meanGap);
        return t;
      });
    }
    case 'flash-crowd':
      return Array.from(
        { length: count },
        () => from + arrival.at + Math.round(rng.float() * arrival.over),
      ).sort((a, b) => a - b);
  }
}

/** Adds a group's clients (idle until they arrive) and schedules their arrivals. */
export function addGroup(
  ctx: SimContext,
  group: ClientGroup,
  users: readonly { name: string; passkey: string }[],
): SimClient[] {
  const groupIndex = ctx.counters.groups++;
  const torrent = group.torrent === undefined ? 0 : ctx.torrents.findIndex((t) => t.id === group.torrent);
  if (torrent < 0) throw new Error(`no torrent with id "${group.torrent}"`);
  const profile = clientProfile(group.profile);
  const user = group.user === undefined ? undefined : users.find((u) => u.name === group.user);
  const times = arrivalTimes(group.arrival, group.count, ctx.now, ctx.rng.population);
  const added = clientNames(group).map((name, i): SimClient => {
    const seedTime = group.seedTime === 'forever' ? null : sample(group.seedTime, ctx.rng.population);
    const client: SimClient = {
      id: ctx.clients.length,
      name,
      group: group.name,
      groupIndex,
      profile: group.profile,
      torrent,
      user: user?.name ?? null,
      passkey: user?.passkey ?? null,
      ip: groupAddress(groupIndex, i),
      port: makePort(profile, ctx.rng.identity),
      peerId: group.peerId === undefined ? makePeerId(profile, ctx.rng.identity) : asciiBytes(group.peerId),
      key: group.key ?? makeKey(profile.key, ctx.rng.identity),
      uploadCapacity: sample(group.uploadCapacity, ctx.rng.population),
      downloadCapacity: sample(group.downloadCapacity, ctx.rng.population),
      maxConnections: group.maxConnections,
      seedTimeMs: seedTime,
      initialHave: group.have,
      lifecycle: 'idle',
      online: true,
      paused: false,
      state: 'idle',
      trueUploaded: 0,
      trueDownloaded: 0,
      sessionUploaded: 0,
      sessionDownloaded: 0,
      unreportedUploaded: 0,
      unreportedDownloaded: 0,
      arrivedAt: null,
      completedAt: null,
      requestsSent: 0,
      announceGeneration: 0,
      sessionGeneration: 0,
      owed: [],
      inFlight: null,
      failures: 0,
      lastAnnounceAt: null,
      interval: null,
      minInterval: null,
      trackerId: null,
      nextAnnounceAt: null,
    };
    ctx.clients.push(client);
    ctx.addressBook.set(addressKey(client.ip, client.port), client.id);
    ctx.queue.schedule(times[i]!, { kind: 'arrive', client: client.id });
    return client;
  });
  return added;
}

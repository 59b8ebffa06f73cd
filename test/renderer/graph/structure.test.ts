// The graph's structure from the model: node looks (ghosts included), connections, expiries, and the
// tooltip's words for a peer chosen by the tracker.
import { expect, test } from 'vitest';
import { ExpiryLog } from '../../../renderer/src/views/graph/expiries';
import { peerTooltip, trackerTooltip, whyChosen } from '../../../renderer/src/views/graph/explain';
import { connectionPairs, looks, nodeSet, NO_NODE } from '../../../renderer/src/views/graph/nodes';
import { GraphLog } from './graphLog';

const look = (set: ReturnType<typeof nodeSet>, id: number) => looks[set.look[id]!];

test('a crashed client the tracker still lists is a ghost; once reaped it is just crashed', () => {
  const log = new GraphLog().client(0).client(1).client(2, 'quiet', { listed: false, state: 'paused' });
  log.state(1, 'crashed', 1_000);
  const before = nodeSet(log.model());
  expect([look(before, 0), look(before, 1), look(before, 2)]).toEqual(['leeching', 'ghost', 'paused']);
  expect(before.count).toBe(3);
  log.removed(1, 2_000, 'expired');
  expect(look(nodeSet(log.model()), 1)).toBe('crashed');
});

test('clients not yet arrived are not drawn', () => {
  const set = nodeSet(new GraphLog().client(0).client(3).model());
  expect(set.count).toBe(2);
  expect(set.look[1]).toBe(NO_NODE);
  expect(set.byLook[looks.indexOf('leeching')]).toEqual([0, 3]);
});

test('each data connection is listed once', () => {
  const log = new GraphLog().client(0).client(1).client(2);
  log.connected(0, [1, 2], 10).connected(2, [1], 20);
  expect([...connectionPairs(log.model())]).toEqual([0, 1, 0, 2, 1, 2]);
});

test('the expiry log keeps only timeouts, catches up incrementally, and starts over on a new log', () => {
  const log = new GraphLog().client(0).client(1).client(2);
  log.removed(0, 5_000, 'stopped').removed(1, 9_000, 'expired');
  const model = log.model();
  const expiries = new ExpiryLog().sync(model);
  expect(expiries.expiries).toEqual([{ clientId: 1, t: 9_000 }]);
  expiries.sync(model);
  expect(expiries.expiries).toHaveLength(1);
  expect(expiries.firstAtOrAfter(9_000)).toBe(0);
  expect(expiries.firstAtOrAfter(9_001)).toBe(1);
  expect(expiries.sync(new GraphLog().client(0).model()).expiries).toEqual([]);
});

test('hovering a lit peer says why the tracker chose it, in the request’s own words', () => {
  const log = new GraphLog().client(0, 'alice').client(1, 'bob').client(2, 'carol');
  log.announce(0, 1_000, {
    returns: [
      { id: 1, reason: 'seeder-first' },
      { id: 2, reason: 'leecher-after-seeders' },
    ],
  });
  const model = log.model();
  const flight = model.flightOrder[0]!;
  expect(flight.returned).toEqual([1, 2]);
  expect(whyChosen(model, flight, 2)).toBe(
    'in the peer list sent to alice: a leecher, listed after the seeders (2 of 4 eligible, random)',
  );
  expect(whyChosen(model, flight, 0)).toBeNull();
  expect(peerTooltip(model, 1, [flight])).toEqual({
    title: 'bob',
    lines: [
      'leeching',
      'the tracker lists it as a leecher',
      'in the peer list sent to alice: a seeder, and seeders go first (2 of 4 eligible, random)',
    ],
  });
});

test('hovering the tracker shows what it lists, and whether it is down', () => {
  const torrents = new Map([['a', { complete: 2, incomplete: 5 }]]);
  expect(trackerTooltip({ trackerUp: true, torrents })).toEqual({
    title: 'Tracker',
    lines: ['lists 2 seeders and 5 leechers'],
  });
  expect(trackerTooltip({ trackerUp: false, torrents }).title).toBe('Tracker (down)');
});

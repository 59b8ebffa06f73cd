// The tracker's view beside the truth: the divergences the lessons are about, with their words.
import { expect, test } from 'vitest';
import { divergenceCounts, filterTruthRows, sortTruthRows, truthRows } from '../../../shared/views/truthRows';
import { userRows } from '../../../shared/views/userRows';
import { SwarmLog } from './swarmLog';

const MiB = 1024 * 1024;

/** A seeder, a client that crashes after moving 3 MiB, a client that moves house, and one that finishes. */
function session() {
  const log = new SwarmLog().client('seeder', { left: 0 }).client('crashy').client('mover').client('done');
  log.announce('seeder', { event: 'started', left: 0 });
  log.announce('crashy', { event: 'started' });
  log.announce('mover', { event: 'started' });
  log.announce('done', { event: 'started' });
  log.at(60_000).progress([
    { name: 'seeder', up: 4 * MiB },
    { name: 'crashy', down: 3 * MiB, left: 100 },
    { name: 'done', down: MiB, left: 0 },
  ]);
  log.state('crashy', 'crashed').moved('mover', '10.9.9.9').forgetEntry('mover');
  log.announce('mover', { event: 'none' });
  log.announce('done', { event: 'completed', downloaded: MiB, left: 0 });
  log.at(360_000);
  return log.model();
}

function row(name: string, now = 360_000) {
  const r = truthRows(session(), now).find((x) => x.name === name);
  if (!r) throw new Error(name);
  return r;
}

test('a crashed client stays listed: a ghost, and its bytes since the last announce are lost credit', () => {
  const r = row('crashy');
  expect(r).toMatchObject({
    state: 'crashed',
    listedAs: 'leecher',
    entries: 1,
    trueDownloaded: 3 * MiB,
    creditedDownloaded: 0,
  });
  expect(r.divergences.map((d) => d.text)).toEqual([
    'ghost: the tracker still lists it as a leecher, but it crashed 5m00s ago',
    'lost credit: 3.00 MiB moved after its last announce will never be credited',
  ]);
});

test('a client behind a new address is listed twice until the old entry times out', () => {
  const r = row('mover');
  expect(r.entries).toBe(2);
  expect(r.divergences.map((d) => d.kind)).toEqual(['double-listing']);
  expect(r.divergences[0]!.text).toBe('listed 2 times: an old entry lingers until the peer timeout');
});

test('a running client whose uploads are not credited yet is stale since its last announce', () => {
  const r = row('seeder');
  expect(r.lastHeardAge).toBe(360_000);
  expect(r.uncredited).toBe(4 * MiB);
  expect(r.divergences.map((d) => d.text)).toEqual([
    'stale since the last announce 6m00s ago: 4.00 MiB not yet credited',
  ]);
});

test('a finished client credited in full shows no divergence', () => {
  const r = row('done');
  expect(r).toMatchObject({ listedAs: 'seeder', creditedDownloaded: MiB, uncredited: 0, divergences: [] });
});

test('the tracker forgets the ghost at the peer timeout: crashed, not listed, no ghost', () => {
  const log = new SwarmLog().client('crashy');
  log.announce('crashy', { event: 'started' });
  log.at(10_000).state('crashy', 'crashed').at(2_700_000).expired('crashy');
  const r = truthRows(log.model(), 2_700_000)[0]!;
  expect(r.entries).toBe(0);
  expect(r.divergences).toEqual([]);
});

test('filter by divergence kind and by name; counts per kind', () => {
  const rows = truthRows(session(), 360_000);
  const names = (f: Parameters<typeof filterTruthRows>[1]) => filterTruthRows(rows, f).map((r) => r.name);
  expect(names({ divergence: 'ghost', text: '' })).toEqual(['crashy']);
  expect(names({ divergence: 'double-listing', text: '' })).toEqual(['mover']);
  expect(names({ divergence: 'none', text: '' })).toEqual(['done']);
  expect(names({ divergence: 'any', text: '' })).toEqual(['seeder', 'crashy', 'mover']);
  expect(names({ divergence: 'all', text: 'OVE' })).toEqual(['mover']);
  expect(divergenceCounts(rows)).toEqual({
    ghost: 1,
    'double-listing': 1,
    'lost-credit': 1,
    stale: 1,
    'not-listed': 0,
    'paused-listed': 0,
  });
});

test('sorting by a column, both ways, ties in client order', () => {
  const rows = truthRows(session(), 360_000);
  expect(sortTruthRows(rows, { key: 'trueDownloaded', descending: true }).map((r) => r.name)).toEqual([
    'crashy',
    'done',
    'seeder',
    'mover',
  ]);
  expect(sortTruthRows(rows, { key: 'name', descending: false }).map((r) => r.name)).toEqual([
    'crashy',
    'done',
    'mover',
    'seeder',
  ]);
  expect(sortTruthRows(rows, { key: 'entries', descending: true }).map((r) => r.name)).toEqual([
    'mover',
    'seeder',
    'crashy',
    'done',
  ]);
  expect(sortTruthRows(rows, { key: 'divergences', descending: true })[0]!.name).toBe('crashy');
});

test('per user: credited totals and snatches beside what the clients really moved', () => {
  const users = userRows(session());
  expect(users.find((u) => u.name === 'done')).toEqual({
    name: 'done',
    clients: 1,
    seeding: 1,
    leeching: 0,
    creditedUploaded: 0,
    creditedDownloaded: MiB,
    trueUploaded: 0,
    trueDownloaded: MiB,
    snatches: 1,
    finished: 1,
  });
  expect(users.find((u) => u.name === 'seeder')).toMatchObject({
    trueUploaded: 4 * MiB,
    creditedUploaded: 0,
  });
});

test('paused: listed but silent is a divergence; a BEP 21 event=paused client is listed as it asked', () => {
  const log = new SwarmLog().client('silent').client('bep21');
  log.announce('silent', { event: 'started' });
  log.announce('bep21', { event: 'started' });
  log.at(1000).state('silent', 'paused').state('bep21', 'paused');
  log.announce('bep21', { event: 'paused' });
  const rows = truthRows(log.model(), 2000);
  expect(rows[0]!.divergences.map((d) => d.text)).toEqual([
    'paused, but still listed: the tracker cannot tell',
  ]);
  expect(rows[1]).toMatchObject({ listedPaused: true, divergences: [] });
});

// Interop with real BitTorrent clients from Debian (issue 7): transmission-daemon 3.00 seeds, aria2c
// 1.36 leeches, on loopback, with DHT, PEX and local peer discovery off, so the only way they meet is
// the peer list this tracker hands out. What the tracker saw is asserted event by event, with the
// counts and scrapes at each point, and each client's wire quirks as observed.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toHex } from '../../shared/bytes';
import { peerEntriesOf } from '../../shared/tracker/entries';
import { compactPeers, decodeDict } from '../tracker/helpers';
import { clientEncoding, escapeRegExp } from './fixture';
import type { LiveTracker, SeenAnnounce } from './liveTracker';
import { ClientProcesses } from './processes';
import {
  ARIA2,
  eventRuns,
  FILE_SIZE,
  latin1,
  seedAndLeech,
  TRACKER_SETTINGS,
  TRANSMISSION,
  type Swarm,
} from './swarm';

let clients: ClientProcesses;
let live: LiveTracker | null = null;
let dir: string;

beforeEach(async () => {
  clients = new ClientProcesses();
  dir = await mkdtemp(path.join(os.tmpdir(), 'tracker-lab-interop-'));
});

afterEach(async () => {
  await clients.killAll();
  await live?.close();
  live = null;
  await rm(dir, { recursive: true, force: true });
});

const track = (tracker: LiveTracker): void => void (live = tracker);

/** Each announce's answer counts, for comparing with what the tracker must have said at that point. */
function counts(a: SeenAnnounce): { complete: number; incomplete: number; downloaded: number } {
  return { complete: a.answer.complete, incomplete: a.answer.incomplete, downloaded: a.answer.downloaded };
}

function only(announces: SeenAnnounce[], event: string): SeenAnnounce {
  const found = announces.filter((a) => a.announce.event === event);
  expect(found, `${event} announces`).toHaveLength(1);
  return found[0]!;
}

/** What both transports must show: the session, the counts at each point, and who got whom. */
function expectSession(s: Swarm): void {
  expect(s.live.events.filter((e) => e.type === 'requestFailed')).toEqual([]);
  const seeder = s.seederAnnounces();
  const leecher = s.leecherAnnounces();
  const seederStarted = only(seeder, 'started');
  const leecherStarted = only(leecher, 'started');
  const completed = only(leecher, 'completed');
  const leecherStopped = only(leecher, 'stopped');

  // aria2 announces every min interval while it downloads (a transfer shorter than that has none).
  expect(eventRuns(leecher)).toMatch(/^started (none )?completed none stopped$/);
  expect(seeder[0]).toBe(seederStarted);

  // Both honour min interval: a regular announce never comes sooner than that after the client's
  // previous one (event announces may; 250 ms for the clients' timer granularity).
  for (const announces of [seeder, leecher]) {
    const gaps = announces
      .slice(1)
      .flatMap((a, i) => (a.announce.event === 'none' ? [a.announce.t - announces[i]!.announce.t] : []));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(TRACKER_SETTINGS.minInterval * 1000 - 250);
  }

  // The counts at each point: the seeder alone, both, the snatch, the leecher gone.
  expect(counts(seederStarted)).toEqual({ complete: 1, incomplete: 0, downloaded: 0 });
  expect(counts(leecherStarted)).toEqual({ complete: 1, incomplete: 1, downloaded: 0 });
  expect(counts(completed)).toEqual({ complete: 2, incomplete: 0, downloaded: 1 });
  expect(counts(leecherStopped)).toEqual({ complete: 1, incomplete: 0, downloaded: 1 });
  expect(s.scrapes).toEqual({
    seederOnly: { complete: 1, incomplete: 0, downloaded: 0 },
    bothSeeding: { complete: 2, incomplete: 0, downloaded: 1 },
  });

  // What each reported: a seeder from the start, a leecher that downloaded every byte.
  expect(seederStarted.announce).toMatchObject({ left: 0, uploaded: 0, downloaded: 0, port: s.peerPort });
  expect(leecherStarted.announce).toMatchObject({ left: FILE_SIZE, uploaded: 0, downloaded: 0 });
  expect(completed.announce).toMatchObject({ left: 0, downloaded: FILE_SIZE, port: s.listenPort });
  const lastSeederReport = seeder.filter((a) => a.announce.event === 'none').at(-1)!;
  expect(lastSeederReport.announce.uploaded).toBeGreaterThanOrEqual(FILE_SIZE);

  // The leecher's first answer listed exactly the seeder; the seeder's next one listed the leecher.
  const entries = peerEntriesOf(s.live.events);
  const who = (a: SeenAnnounce): { peerId: string; ip: string; port: number }[] =>
    entries.returned(a.answer).map(({ peerId, ip, port }) => ({ peerId, ip, port }));
  expect(who(leecherStarted)).toEqual([
    { peerId: seederStarted.announce.peerId, ip: '127.0.0.1', port: s.peerPort },
  ]);
  const seederNext = seeder.find((a) => a.request.requestId > leecherStarted.request.requestId)!;
  expect(who(seederNext)).toEqual([
    { peerId: leecherStarted.announce.peerId, ip: '127.0.0.1', port: s.listenPort },
  ]);
  // …and those are the bytes that went out: BEP 23 compact peers over HTTP, BEP 15 after 20 bytes.
  const body = Buffer.from(leecherStarted.response.body!, 'base64');
  const peers = s.transport === 'http' ? decodeDict(body).peers : new Uint8Array(body.subarray(20));
  expect(compactPeers(peers)).toEqual([`127.0.0.1:${s.peerPort}`]);

  // peer_ids: Transmission's `-TR3000-` and 12 characters of [0-9a-z]; aria2's prefix and 10 random bytes.
  for (const a of seeder) expect(latin1(a.announce.peerId)).toMatch(/^-TR3000-[0-9a-z]{12}$/);
  for (const a of leecher) expect(latin1(a.announce.peerId).startsWith(ARIA2)).toBe(true);
  expect(new Set(seeder.map((a) => a.announce.peerId)).size).toBe(1);
  expect(new Set(leecher.map((a) => a.announce.peerId)).size).toBe(1);
  // numwant: Transmission always asks for 80, aria2 for 50, and both ask for none when stopping.
  for (const a of [...seeder, ...leecher]) {
    const asked =
      a.announce.event === 'stopped' ? 0 : latin1(a.announce.peerId).startsWith(TRANSMISSION) ? 80 : 50;
    expect(a.announce.numwant).toBe(asked);
  }
}

/**
 * The counts the tracker answered, change by change, in both sessions: the seeder alone, the leecher
 * joins, it completes (a snatch), it stops, the seeder leaves (stopped, or reaped as a ghost).
 */
const SESSION_COUNTS = [
  { complete: 1, incomplete: 0, downloaded: 0, downloaders: 0 },
  { complete: 1, incomplete: 1, downloaded: 0, downloaders: 1 },
  { complete: 2, incomplete: 0, downloaded: 1, downloaders: 0 },
  { complete: 1, incomplete: 0, downloaded: 1, downloaders: 0 },
  { complete: 0, incomplete: 0, downloaded: 1, downloaders: 0 },
];

describe('real clients from Debian against this tracker', () => {
  it('over HTTP: Transmission seeds, aria2 downloads from the peer list, completes and stops; the seeder quits without stopped', async () => {
    const s = await seedAndLeech('http', dir, clients, track);
    const hash = s.torrent.infoHash;

    // aria2 on SIGINT shuts down gracefully and announces stopped (SIGTERM is its emergency exit:
    // no announce at all).
    expect(await s.leecher.stop('SIGINT', 15_000)).toEqual({ code: 0, signal: null, killed: false });
    await s.seen(ARIA2, 'stopped', 5_000);
    expect(await s.scrape()).toEqual({ complete: 1, incomplete: 0, downloaded: 1 });

    // transmission-daemon on SIGTERM exits cleanly but never sends its HTTP stopped: 3.00 queues it
    // while the session is closing, and tr_webRunImpl drops web tasks once session->isClosing is set
    // (libtransmission/web.c; transmission/transmission#196). Over UDP it is sent: see below.
    expect(await s.seeder.stop('SIGTERM', 25_000)).toEqual({ code: 0, signal: null, killed: false });
    expect(s.seederAnnounces().filter((a) => a.announce.event === 'stopped')).toEqual([]);
    // So the seeder stays listed: a ghost until the peer timeout reaps it.
    expect(await s.scrape()).toEqual({ complete: 1, incomplete: 0, downloaded: 1 });
    const peerTimeoutMs = s.live.tracker.settings.peerTimeout * 1000;
    expect(s.live.tracker.sweep(Date.now() + peerTimeoutMs)).toBe(1);
    const removed = s.live.events.filter((e) => e.type === 'peerRemoved');
    expect(removed.map((e) => [latin1(e.peerId).slice(0, 8), e.reason])).toEqual([
      [ARIA2.slice(0, 8), 'stopped'],
      [TRANSMISSION, 'expired'],
    ]);
    expect(await s.scrape()).toEqual({ complete: 0, incomplete: 0, downloaded: 1 });

    expectSession(s);
    expect(eventRuns(s.seederAnnounces())).toBe('started none');
    expect(s.live.countChanges(hash)).toEqual(SESSION_COUNTS);

    // The raw queries. Transmission: lower-case %xx, unreserved bytes raw, numwant before key,
    // key as unpadded lower-case hex (%x of a random int), no `corrupt`, event last.
    const seeder = s.seederAnnounces();
    const leecher = s.leecherAnnounces();
    expect(seeder[0]!.request.target).toMatch(
      new RegExp(
        `^/announce\\?info_hash=${escapeRegExp(clientEncoding(hash, 'lower'))}&peer_id=-TR3000-[0-9a-z]{12}` +
          `&port=${s.peerPort}&uploaded=0&downloaded=0&left=0&numwant=80&key=[0-9a-f]{1,8}&compact=1` +
          `&supportcrypto=1&event=started$`,
      ),
    );
    expect(new Set(seeder.map((a) => a.announce.key)).size).toBe(1);
    // aria2: upper-case %XX, a binary peer_id and key (the key is the peer_id's last 8 bytes),
    // no_peer_id=1, port after numwant, event before supportcrypto.
    const byte = '(?:[A-Za-z0-9._~-]|%[0-9A-F]{2})';
    expect(leecher[0]!.request.target).toMatch(
      new RegExp(
        `^/announce\\?info_hash=${escapeRegExp(clientEncoding(hash, 'upper'))}&peer_id=A2-1-36-0-${byte}{10}` +
          `&uploaded=0&downloaded=0&left=${FILE_SIZE}&compact=1&key=${byte}{8}&numwant=50&no_peer_id=1` +
          `&port=${s.listenPort}&event=started&supportcrypto=1$`,
      ),
    );
    for (const a of leecher) expect(a.announce.key).toBe(a.announce.peerId.slice(24));
    // The info_hash has letters to escape, so the two cases really differ on the wire.
    expect(clientEncoding(hash, 'lower')).not.toBe(clientEncoding(hash, 'upper'));
  }, 60_000);

  it('over UDP: the same session through BEP 15, and Transmission does send stopped when it quits', async () => {
    const s = await seedAndLeech('udp', dir, clients, track);
    const hash = s.torrent.infoHash;

    expect(await s.leecher.stop('SIGINT', 15_000)).toEqual({ code: 0, signal: null, killed: false });
    await s.seen(ARIA2, 'stopped', 5_000);
    expect(await s.scrape()).toEqual({ complete: 1, incomplete: 0, downloaded: 1 });

    // Transmission's session close waits until its UDP announcer is idle, so stopped goes out.
    expect(await s.seeder.stop('SIGTERM', 25_000)).toEqual({ code: 0, signal: null, killed: false });
    const seederStopped = await s.seen(TRANSMISSION, 'stopped', 1_000);
    expect(counts(seederStopped)).toEqual({ complete: 0, incomplete: 0, downloaded: 1 });
    expect(await s.scrape()).toEqual({ complete: 0, incomplete: 0, downloaded: 1 });

    expectSession(s);
    expect(eventRuns(s.seederAnnounces())).toBe('started none stopped');
    expect(s.live.countChanges(hash)).toEqual(SESSION_COUNTS);

    const seeder = s.seederAnnounces();
    const leecher = s.leecherAnnounces();
    for (const a of [...seeder, ...leecher]) expect(a.request.transport).toBe('udp');
    // Transmission announces from its peer port's UDP socket, with one 4-byte key for the session.
    for (const a of seeder) expect(a.request.remotePort).toBe(s.peerPort);
    expect(new Set(seeder.map((a) => a.announce.key)).size).toBe(1);
    expect(seeder[0]!.announce.key).toHaveLength(8);
    // aria2 announces from its DHT socket (its only UDP socket) and draws a new key every time,
    // so a tracker that told peers apart by key would see a new peer at each announce.
    for (const a of leecher) {
      expect(a.request.remotePort).toBe(s.dhtPort);
      expect(a.announce.port).toBe(s.listenPort);
      expect(a.announce.key).toHaveLength(8);
    }
    expect(new Set(leecher.map((a) => a.announce.key)).size).toBeGreaterThan(1);
    expect(toHex(hash)).toBe(seeder[0]!.announce.infoHash);
  }, 60_000);
});

// Where one announce's time goes, without sockets: the router's stages timed one by one inside the
// tracker child after the HTTP load (so the JIT state is the server's own). Run on periodic
// announces (the bulk of the load) from peers of the population; a pass with numwant=0 isolates
// the cost of selecting and answering with 50 peers.
import { encodeAnnounce } from '../electron/tracker/encode';
import { parseAddress } from '../electron/tracker/address';
import { parseAnnounceQuery } from '../electron/tracker/http/announceParams';
import { handleHttp } from '../electron/tracker/http/router';
import type { AnnounceRequest } from '../electron/tracker/request';
import type { Tracker } from '../electron/tracker/tracker';
import { announceTarget, type Population } from './population';

export interface StageTimes {
  requests: number;
  /** Mean microseconds per request. */
  us: {
    /** handleHttp: the whole router (events, parse, core, encode) as TrackerHttpServer calls it. */
    router: number;
    /** parseAnnounceQuery (scan + decode what the tracker uses). */
    parse: number;
    /** tracker.announce with numwant=50. */
    announce: number;
    /** tracker.announce with numwant=0: lookup, update, no peers. */
    announceNoPeers: number;
    /** announce − announceNoPeers: choosing 50 peers and building their AnswerPeer objects. */
    selectAndAnswer50: number;
    /** encodeAnnounce of a 50-peer compact answer. */
    encode: number;
  };
}

function parse(query: string): AnnounceRequest {
  const request = parseAnnounceQuery(query, null);
  if (!request.ok) throw new Error(request.reason);
  return request.value;
}

export function timeStages(tracker: Tracker, population: Population, count: number): StageTimes {
  const targets = Array.from({ length: count }, (_, i) => {
    const peer = population.peers[(i * 7919) % population.peers.length]!; // a stride through all peers
    return announceTarget(population, peer, null);
  });
  const queries = targets.map((t) => t.slice(t.indexOf('?') + 1));
  const remote = parseAddress('127.0.0.1')!;
  const context = (now: number) => ({
    requestId: tracker.nextRequestId(),
    transport: 'http' as const,
    remote,
    remotePort: 40000,
    now,
  });

  let t = performance.now();
  for (const target of targets) {
    handleHttp(
      tracker,
      { method: 'GET', target, remoteIp: '127.0.0.1', remotePort: 40000, transport: 'http' },
      Date.now(),
    );
  }
  const router = performance.now() - t;

  let parseMs = 0;
  let announceMs = 0;
  let encodeMs = 0;
  const requests: AnnounceRequest[] = [];
  for (const query of queries) {
    t = performance.now();
    const request = parse(query);
    const t1 = performance.now();
    const result = tracker.announce(request, context(Date.now()));
    const t2 = performance.now();
    if (!result.ok) throw new Error(result.reason);
    encodeAnnounce(result.answer, result.compact, result.noPeerId);
    encodeMs += performance.now() - t2;
    announceMs += t2 - t1;
    parseMs += t1 - t;
    requests.push(request);
  }

  const noPeers = requests.map((r) => ({ ...r, numwant: 0 }));
  t = performance.now();
  for (const request of noPeers) tracker.announce(request, context(Date.now()));
  const announceNoPeersMs = performance.now() - t;

  const us = (ms: number): number => Math.round((ms * 1000 * 100) / count) / 100;
  return {
    requests: count,
    us: {
      router: us(router),
      parse: us(parseMs),
      announce: us(announceMs),
      announceNoPeers: us(announceNoPeersMs),
      selectAndAnswer50: us(announceMs - announceNoPeersMs),
      encode: us(encodeMs),
    },
  };
}

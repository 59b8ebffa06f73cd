// Where one UDP announce's time goes, without sockets: the UDP router's stages timed one by one
// inside the tracker child after the UDP load, on periodic announces of peers of the population
// (as bench/stages.ts does for HTTP).
import { parseAddress } from '../electron/tracker/address';
import type { AnnounceRequest, RequestContext } from '../electron/tracker/request';
import type { Tracker } from '../electron/tracker/tracker';
import { ConnectionIds } from '../electron/tracker/udp/connectionIds';
import { decodeAnnounce, encodeAnnounce } from '../electron/tracker/udp/packets';
import { handleUdp } from '../electron/tracker/udp/router';
import type { Population } from './population';
import { ANNOUNCE_PACKET_BYTES, announcePacket, binaryPopulation } from './udpPackets';

export interface UdpStageTimes {
  requests: number;
  /** Mean microseconds per request. */
  us: {
    /** handleUdp: the whole UDP router (events, connection id, decode, core, encode). */
    router: number;
    /** ConnectionIds.verify: one or two HMAC-SHA256 of 27 bytes. */
    verify: number;
    /** decodeAnnounce, BEP 41 URLData included. */
    decode: number;
    /** tracker.announce with num_want 50, IPv4 peers only. */
    announce: number;
    /** encodeAnnounce of the 50-peer answer. */
    encode: number;
  };
}

export function timeUdpStages(tracker: Tracker, population: Population, count: number): UdpStageTimes {
  const binary = binaryPopulation(population);
  const ids = new ConnectionIds();
  const remote = parseAddress('127.0.0.1')!;
  const remotePort = 40000;
  const now = Date.now();
  const connectionId = Buffer.from(ids.issue(remote, remotePort, now));
  const packets = Array.from({ length: count }, (_, i) => {
    const index = (i * 7919) % population.peers.length; // a stride through all peers
    const peer = population.peers[index]!;
    const out = Buffer.alloc(ANNOUNCE_PACKET_BYTES);
    return announcePacket(out, connectionId, i, binary, peer, index, peer, 'none');
  });

  let t = performance.now();
  for (const bytes of packets) handleUdp(tracker, ids, { bytes, remoteIp: '127.0.0.1', remotePort }, now);
  const router = performance.now() - t;

  t = performance.now();
  for (const bytes of packets) {
    if (!ids.verify(bytes.subarray(0, 8), remote, remotePort, now)) throw new Error('connection id refused');
  }
  const verify = performance.now() - t;

  const requests: AnnounceRequest[] = [];
  t = performance.now();
  for (const bytes of packets) {
    const decoded = decodeAnnounce(bytes);
    if (!decoded.ok) throw new Error(decoded.reason);
    requests.push(decoded.value.request);
  }
  const decode = performance.now() - t;

  let announce = 0;
  let encode = 0;
  for (const request of requests) {
    const ctx: RequestContext = {
      requestId: tracker.nextRequestId(),
      transport: 'udp',
      remote,
      remotePort,
      now,
      peerFamily: 4,
    };
    const t0 = performance.now();
    const result = tracker.announce(request, ctx);
    const t1 = performance.now();
    if (!result.ok) throw new Error(result.reason);
    const { peers } = result.answer;
    if ('dict' in peers) throw new Error('dictionary peers');
    const answer = { interval: result.answer.interval, leechers: 0, seeders: 0, peers };
    encodeAnnounce(request.numwant ?? 0, answer, 4);
    encode += performance.now() - t1;
    announce += t1 - t0;
  }
  const us = (ms: number): number => Math.round((ms * 1000 * 100) / count) / 100;
  return {
    requests: count,
    us: {
      router: us(router),
      verify: us(verify),
      decode: us(decode),
      announce: us(announce),
      encode: us(encode),
    },
  };
}

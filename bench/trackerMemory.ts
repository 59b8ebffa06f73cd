// Benchmark child (run with --expose-gc): memory per stored peer. A tracker with no event sink is
// given `peers` started announces through the core API (tracker.announce, as the HTTP router calls
// it), peer p joining torrent p mod `torrents`, each peer from its own IPv4 address. The figure is
// the growth of heapUsed + arrayBuffers, measured after full GCs, divided by the number of peers.
import { createPrng } from '../shared/prng';
import type { AnnounceRequest, RequestContext } from '../electron/tracker/request';
import { Tracker } from '../electron/tracker/tracker';
import { argValue, reply } from './childProtocol';

const peers = Number(argValue('peers', '1000000'));
const torrents = Number(argValue('torrents', '10000'));
const gc = globalThis.gc;
if (!gc) throw new Error('run with node --expose-gc');

function settledMemory(): { heapUsed: number; arrayBuffers: number; rss: number } {
  for (let i = 0; i < 3; i++) gc!();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, rss: m.rss };
}

const rng = createPrng(7);
const infoHashes = Array.from({ length: torrents }, () =>
  Uint8Array.from({ length: 20 }, () => rng.int(0, 255)),
);
const peerId = (p: number): Uint8Array => {
  const id = new TextEncoder().encode('-TR4060-000000000000');
  new DataView(id.buffer).setUint32(16, p); // unique per peer
  return id;
};

const tracker = new Tracker({ seed: 1 });
const before = settledMemory();
const start = performance.now();
const now = Date.UTC(2025, 0, 1);
for (let p = 0; p < peers; p++) {
  const ip = Uint8Array.of(10, (p >>> 16) & 0xff, (p >>> 8) & 0xff, p & 0xff);
  const seeder = rng.float() < 0.3;
  const request: AnnounceRequest = {
    infoHash: infoHashes[p % torrents]!,
    peerId: peerId(p),
    port: 1024 + (p % 64_000),
    uploaded: 0,
    downloaded: 0,
    left: seeder ? 0 : 1 + rng.int(0, 1 << 30),
    corrupt: 0,
    event: 'started',
    numwant: 0, // the answer's peers are garbage either way; skipping selection keeps the fill quick
    compact: true,
    noPeerId: false,
    key: Uint8Array.of(p & 0xff, (p >>> 8) & 0xff, 0x5a, 0xa5),
    trackerId: null,
    ip: null,
    passkey: null,
  };
  const context: RequestContext = {
    requestId: tracker.nextRequestId(),
    transport: 'http',
    remote: { family: 4, bytes: ip, text: `${ip[0]}.${ip[1]}.${ip[2]}.${ip[3]}` },
    remotePort: 50000,
    now: now + p,
  };
  const result = tracker.announce(request, context);
  if (!result.ok) throw new Error(`announce ${p} rejected: ${result.reason}`);
}
const fillMs = Math.round(performance.now() - start);
const after = settledMemory();
// Read after the measurement, so the tracker is certainly alive when `after` is taken.
const stored = tracker.peerCount;
if (stored !== peers) throw new Error(`${stored} peers stored, expected ${peers}`);
const grown = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
reply({
  peers: stored,
  torrents: tracker.torrentCount,
  fillMs,
  before,
  after,
  bytesPerPeer: grown / stored,
  storageBytes: tracker.storageBytes,
  storageBytesPerPeer: tracker.storageBytes / stored,
});

// The benchmark's swarm: torrents and peers with stable identities (peer_id, port, key) and
// plausible counters. It is written once to a file that both the wrk script (announce.lua) and the
// tracker child read, so the load announces exactly the peers the tracker was filled with.
import { readFile, writeFile } from 'node:fs/promises';
import { createPrng, type Prng } from '../shared/prng';

export interface PopulationSpec {
  torrents: number;
  peers: number;
  /** Share of peers that start as seeders (left = 0). */
  seederShare: number;
  seed: number;
}

export interface BenchPeer {
  torrent: number;
  /** Percent-encoded, as it appears in the query string. */
  peerId: string;
  port: number;
  key: string;
  size: number;
  left: number;
  uploaded: number;
  downloaded: number;
}

export interface Population {
  /** Percent-encoded 20-byte info_hashes. */
  infoHashes: string[];
  peers: BenchPeer[];
}

const PIECE = 16 * 1024;
const MiB = 1024 * 1024;
/** Real clients' Azureus-style prefixes; Transmission's random part is alphanumeric, the others' is raw bytes. */
const CLIENT_PREFIXES = ['-TR4060-', '-qB4650-', '-DE211s-', '-lt0D80-', '-UT360S-'];
const ALNUM = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const UNRESERVED = /[A-Za-z0-9._~-]/;

/** Percent-encodes raw bytes the way BitTorrent clients do: unreserved characters raw, the rest `%XX`. */
export function percentEncodeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    out += UNRESERVED.test(ch) ? ch : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function randomBytes(rng: Prng, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.int(0, 255);
  return out;
}

function peerIdBytes(rng: Prng): Uint8Array {
  const prefix = CLIENT_PREFIXES[rng.int(0, CLIENT_PREFIXES.length - 1)]!;
  const out = new Uint8Array(20);
  for (let i = 0; i < prefix.length; i++) out[i] = prefix.charCodeAt(i);
  for (let i = prefix.length; i < 20; i++) {
    out[i] = prefix.startsWith('-TR') ? ALNUM.charCodeAt(rng.int(0, ALNUM.length - 1)) : rng.int(0, 255);
  }
  return out;
}

/** Whole pieces, as clients report `left` and `downloaded`. */
function pieces(bytes: number): number {
  return Math.floor(bytes / PIECE) * PIECE;
}

/**
 * Peer i belongs to torrent i mod torrents, so the swarms are equal (100 peers each at the default
 * 100,000 / 1,000) and every announce can be answered with a full numwant of 50.
 */
export function createPopulation(spec: PopulationSpec): Population {
  const rng = createPrng(spec.seed);
  const infoHashes: string[] = [];
  const sizes: number[] = [];
  for (let t = 0; t < spec.torrents; t++) {
    infoHashes.push(percentEncodeBytes(randomBytes(rng, 20)));
    // Log-uniform between 100 MiB and 20 GiB: mostly mid-size torrents, a few large ones.
    sizes.push(pieces(100 * MiB * Math.pow(200, rng.float())));
  }
  const peers: BenchPeer[] = [];
  for (let i = 0; i < spec.peers; i++) {
    const torrent = i % spec.torrents;
    const size = sizes[torrent]!;
    const seeder = rng.float() < spec.seederShare;
    const left = seeder ? 0 : pieces(size * rng.float()) || PIECE;
    const downloaded = seeder && rng.float() < 0.5 ? 0 : size - left; // half the seeders are original uploaders
    peers.push({
      torrent,
      peerId: percentEncodeBytes(peerIdBytes(rng)),
      port: rng.int(1024, 65535),
      key: rng.int(0, 0x7fffffff).toString(16).toUpperCase().padStart(8, '0'),
      size,
      left,
      uploaded: pieces(size * 2 * rng.float()),
      downloaded,
    });
  }
  return { infoHashes, peers };
}

/**
 * One line per torrent (`T <info_hash>`), then one per peer
 * (`P <torrent> <peer_id> <port> <key> <size> <left> <uploaded> <downloaded>`); torrents count from 1
 * in the file because Lua arrays do.
 */
export async function writePopulation(path: string, population: Population): Promise<void> {
  const lines = population.infoHashes.map((h) => `T ${h}`);
  for (const p of population.peers) {
    lines.push(
      `P ${p.torrent + 1} ${p.peerId} ${p.port} ${p.key} ${p.size} ${p.left} ${p.uploaded} ${p.downloaded}`,
    );
  }
  await writeFile(path, lines.join('\n') + '\n');
}

export async function readPopulation(path: string): Promise<Population> {
  const infoHashes: string[] = [];
  const peers: BenchPeer[] = [];
  for (const line of (await readFile(path, 'utf8')).split('\n')) {
    const f = line.split(' ');
    if (f[0] === 'T') infoHashes.push(f[1]!);
    if (f[0] !== 'P') continue;
    const [torrent, peerId, port, key, size, left, uploaded, downloaded] = f.slice(1);
    peers.push({
      torrent: Number(torrent) - 1,
      peerId: peerId!,
      port: Number(port),
      key: key!,
      size: Number(size),
      left: Number(left),
      uploaded: Number(uploaded),
      downloaded: Number(downloaded),
    });
  }
  return { infoHashes, peers };
}

/** The announce a client sends: Transmission's parameter order, compact, numwant 50. */
export function announceTarget(population: Population, peer: BenchPeer, event: string | null): string {
  return (
    `/announce?info_hash=${population.infoHashes[peer.torrent]}&peer_id=${peer.peerId}&port=${peer.port}` +
    `&uploaded=${peer.uploaded}&downloaded=${peer.downloaded}&left=${peer.left}&corrupt=0` +
    `&key=${peer.key}&compact=1&numwant=50${event ? `&event=${event}` : ''}`
  );
}

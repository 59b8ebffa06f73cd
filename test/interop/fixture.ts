// The shared file and its .torrent: fixed bytes (so the info_hash, and so the exact percent-encoding
// each client sends, is the same on every run) and mktorrent for the metainfo.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import bencode from 'bencode';
import { run } from './processes';

/** `size` bytes that look random but are fixed by `label`: SHA-256 in counter mode. */
export function fixedBytes(size: number, label: string): Buffer {
  const out = Buffer.alloc(size);
  for (let offset = 0, block = 0; offset < size; offset += 32, block++) {
    createHash('sha256').update(`${label}/${block}`).digest().copy(out, offset);
  }
  return out;
}

export interface TorrentFixture {
  /** The directory holding the seeder's copy (`name` inside it). */
  seedDir: string;
  name: string;
  data: Buffer;
  torrentPath: string;
  infoHash: Uint8Array;
}

/**
 * Writes the file into `dir/seed/` and makes `dir/<name>.torrent` for `announceUrl`. The torrent is
 * private (BEP 27), so besides the clients' own settings nothing but the tracker's peer lists can
 * connect them: aria2 must have DHT on to speak UDP to trackers and leaves it off only for private
 * torrents. `-d`: no creation date, so the file is the same bytes on every run.
 */
export async function makeTorrent(
  dir: string,
  name: string,
  data: Buffer,
  announceUrl: string,
): Promise<TorrentFixture> {
  const seedDir = path.join(dir, 'seed');
  await mkdir(seedDir, { recursive: true });
  await writeFile(path.join(seedDir, name), data);
  const torrentPath = path.join(dir, `${name}.torrent`);
  await run('mktorrent', [
    '-d',
    '-p',
    '-l',
    '15',
    '-t',
    '1',
    '-a',
    announceUrl,
    '-o',
    torrentPath,
    path.join(seedDir, name),
  ]);
  const metainfo = bencode.decode(await readFile(torrentPath)) as { info: unknown };
  const infoHash = new Uint8Array(createHash('sha1').update(bencode.encode(metainfo.info)).digest());
  return { seedDir, name, data, torrentPath, infoHash };
}

const UNRESERVED = /^[A-Za-z0-9._~-]$/;

/**
 * Bytes as a client percent-encodes them: RFC 3986 unreserved characters raw, every other byte as
 * `%xx` in the client's hex case (Transmission 3.00 lower case, aria2 upper case).
 */
export function clientEncoding(bytes: Uint8Array, hexCase: 'lower' | 'upper'): string {
  let out = '';
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (UNRESERVED.test(ch)) out += ch;
    else {
      const hex = b.toString(16).padStart(2, '0');
      out += '%' + (hexCase === 'lower' ? hex : hex.toUpperCase());
    }
  }
  return out;
}

/** `text` matched literally inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

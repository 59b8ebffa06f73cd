// A .torrent for a file or a folder (BEP 3), so a class can start seeding from this tracker in a
// minute. The content is read once, as a stream, and hashed piece by piece across file boundaries.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import bencode from 'bencode';

export const MIN_PIECE_LENGTH = 16 * 1024;
export const MAX_PIECE_LENGTH = 16 * 1024 * 1024;
/** The automatic piece length keeps the piece count at or under this (and above half of it). */
const TARGET_MAX_PIECES = 2000;

export interface CreateTorrentOptions {
  /** A file or a folder. */
  path: string;
  announce: string;
  /** Where the .torrent is written. */
  out: string;
  /** Bytes, a power of two between 16 KiB and 16 MiB; omitted: automatic. */
  pieceLength?: number;
  /** Milliseconds since the epoch, for `creation date` (injected, so tests are exact). */
  now: () => number;
}

export interface ContentFile {
  /** Path components relative to the folder (for a single file: its name). */
  path: string[];
  length: number;
  /** Where it is on disk. */
  source: string;
}

export interface CreatedTorrent {
  file: string;
  name: string;
  infoHash: string;
  magnet: string;
  pieceLength: number;
  pieces: number;
  totalLength: number;
  files: { path: string[]; length: number }[];
  private: boolean;
}

export class TorrentError extends Error {}
/** The options themselves are wrong (the announce URL, the piece length). */
export class TorrentOptionError extends TorrentError {}

/** The smallest power of two from 16 KiB to 16 MiB that keeps the piece count at or under 2,000. */
export function autoPieceLength(totalLength: number): number {
  let length = MIN_PIECE_LENGTH;
  while (length < MAX_PIECE_LENGTH && Math.ceil(totalLength / length) > TARGET_MAX_PIECES) length *= 2;
  return length;
}

/** A passkey in the announce URL (`?passkey=` or `/<passkey>/announce`) makes the torrent private. */
export function hasPasskey(announce: string): boolean {
  let url: URL;
  try {
    url = new URL(announce);
  } catch {
    return false;
  }
  return url.searchParams.has('passkey') || /^\/[A-Za-z0-9_-]+\/announce$/.test(url.pathname);
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function comparePaths(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = byCodeUnits(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * Every file under `root`, sorted by path. Symbolic links to files are followed; anything else that
 * is not a plain file or folder (a link to a folder, a socket, a device) is refused, never skipped.
 */
export async function listContent(
  root: string,
): Promise<{ name: string; files: ContentFile[]; single: boolean }> {
  const top = await stat(root).catch(() => {
    throw new TorrentError(`no such file or folder: ${root}`);
  });
  const name = basename(root);
  if (top.isFile()) return { name, files: [{ path: [name], length: top.size, source: root }], single: true };
  if (!top.isDirectory()) throw new TorrentError(`not a file or a folder: ${root}`);
  const files: ContentFile[] = [];
  const walk = async (dir: string, prefix: string[]): Promise<void> => {
    for (const entry of await readdir(dir)) {
      const full = join(dir, entry);
      const link = await lstat(full);
      const info = link.isSymbolicLink() ? await stat(full).catch(() => null) : link;
      if (info?.isDirectory() && !link.isSymbolicLink()) await walk(full, [...prefix, entry]);
      else if (info?.isFile()) files.push({ path: [...prefix, entry], length: info.size, source: full });
      else throw new TorrentError(`cannot put this in a torrent (not a plain file or folder): ${full}`);
    }
  };
  await walk(root, []);
  if (files.length === 0) throw new TorrentError(`the folder has no files: ${root}`);
  files.sort((a, b) => comparePaths(a.path, b.path));
  return { name, files, single: false };
}

/** SHA-1 of each piece of the files taken end to end (BEP 3: pieces span file boundaries). */
export async function hashPieces(files: readonly ContentFile[], pieceLength: number): Promise<Uint8Array> {
  const digests: Buffer[] = [];
  let hash: Hash = createHash('sha1');
  let filled = 0;
  for (const file of files) {
    let read = 0;
    for await (const chunk of createReadStream(file.source, { highWaterMark: 1024 * 1024 })) {
      const bytes = chunk as Buffer;
      read += bytes.length;
      let offset = 0;
      while (offset < bytes.length) {
        const take = Math.min(pieceLength - filled, bytes.length - offset);
        hash.update(bytes.subarray(offset, offset + take));
        filled += take;
        offset += take;
        if (filled === pieceLength) {
          digests.push(hash.digest());
          hash = createHash('sha1');
          filled = 0;
        }
      }
    }
    if (read !== file.length) throw new TorrentError(`${file.source} changed while it was being read`);
  }
  if (filled > 0) digests.push(hash.digest());
  return new Uint8Array(Buffer.concat(digests));
}

export function magnetLink(infoHash: string, name: string, announce: string): string {
  return `magnet:?xt=urn:btih:${infoHash}&dn=${encodeURIComponent(name)}&tr=${encodeURIComponent(announce)}`;
}

export async function createTorrent(options: CreateTorrentOptions): Promise<CreatedTorrent> {
  let url: URL;
  try {
    url = new URL(options.announce);
  } catch {
    throw new TorrentOptionError(`not a URL: ${options.announce}`);
  }
  if (!['http:', 'https:', 'udp:'].includes(url.protocol))
    throw new TorrentOptionError(
      `the announce URL must be http://, https:// or udp://, got ${options.announce}`,
    );
  const pieceLength = options.pieceLength;
  if (
    pieceLength !== undefined &&
    (pieceLength < MIN_PIECE_LENGTH ||
      pieceLength > MAX_PIECE_LENGTH ||
      (pieceLength & (pieceLength - 1)) !== 0)
  ) {
    throw new TorrentOptionError('the piece length must be a power of two from 16 KiB to 16 MiB');
  }
  const { name, files, single } = await listContent(options.path);
  const totalLength = files.reduce((sum, f) => sum + f.length, 0);
  if (totalLength === 0) throw new TorrentError(`nothing to share: ${options.path} is empty`);
  const length = pieceLength ?? autoPieceLength(totalLength);
  const pieces = await hashPieces(files, length);
  const isPrivate = hasPasskey(options.announce);
  const info: Record<string, unknown> = {
    name,
    'piece length': length,
    pieces,
    ...(single ? { length: totalLength } : { files: files.map((f) => ({ length: f.length, path: f.path })) }),
    ...(isPrivate ? { private: 1 } : {}),
  };
  const torrent = {
    announce: options.announce,
    'created by': 'Tracker Lab',
    'creation date': Math.floor(options.now() / 1000),
    info,
  };
  await writeFile(options.out, bencode.encode(torrent));
  const infoHash = createHash('sha1').update(bencode.encode(info)).digest('hex');
  return {
    file: options.out,
    name,
    infoHash,
    magnet: magnetLink(infoHash, name, options.announce),
    pieceLength: length,
    pieces: pieces.length / 20,
    totalLength,
    files: files.map((f) => ({ path: f.path, length: f.length })),
    private: isPrivate,
  };
}

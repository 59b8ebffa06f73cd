// .torrent creation, checked by recomputing everything from the written file: its exact keys, each
// piece's SHA-1 against the content's own slices, the files' order, and the info_hash.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bencode from 'bencode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  autoPieceLength,
  createTorrent,
  hasPasskey,
  TorrentError,
  TorrentOptionError,
} from '../../electron/torrent/createTorrent';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const ANNOUNCE = 'http://127.0.0.1:6969/announce';
let dir: string;

/** Deterministic content: byte i is (i * 7 + seed) mod 251. */
function content(length: number, seed = 0): Buffer {
  return Buffer.from(Array.from({ length }, (_, i) => (i * 7 + seed) % 251));
}

const sha1 = (bytes: Uint8Array): Buffer => createHash('sha1').update(bytes).digest();

/** The raw info dictionary's bytes: `info` is the last key of the (sorted) top-level dictionary. */
function rawInfo(torrent: Buffer): Buffer {
  const at = torrent.indexOf('4:infod');
  return torrent.subarray(at + '4:info'.length, torrent.length - 1);
}

function expectedPieces(data: Buffer, pieceLength: number): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += pieceLength) out.push(sha1(data.subarray(i, i + pieceLength)));
  return Buffer.concat(out);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tracker-lab-torrent-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createTorrent', () => {
  it('a single file: exact keys, one SHA-1 per 16 KiB slice, and the info_hash of the info bytes', async () => {
    const data = content(100_000);
    await writeFile(join(dir, 'lecture.bin'), data);
    const out = join(dir, 'lecture.torrent');
    const made = await createTorrent({
      path: join(dir, 'lecture.bin'),
      announce: ANNOUNCE,
      out,
      pieceLength: 16_384,
      now: () => NOW,
    });
    const raw = await readFile(out);
    const torrent = bencode.decode(raw);
    expect(Object.keys(torrent)).toEqual(['announce', 'created by', 'creation date', 'info']);
    expect(Buffer.from(torrent.announce).toString()).toBe(ANNOUNCE);
    expect(Buffer.from(torrent['created by']).toString()).toBe('Tracker Lab');
    expect(torrent['creation date']).toBe(Math.floor(NOW / 1000));
    expect(Object.keys(torrent.info)).toEqual(['length', 'name', 'piece length', 'pieces']);
    expect(torrent.info.length).toBe(100_000);
    expect(Buffer.from(torrent.info.name).toString()).toBe('lecture.bin');
    expect(torrent.info['piece length']).toBe(16_384);
    // 100,000 bytes = 6 full pieces and one of 1,696 bytes.
    expect(Buffer.from(torrent.info.pieces)).toEqual(expectedPieces(data, 16_384));
    expect(torrent.info.pieces.length).toBe(7 * 20);
    const infoHash = sha1(rawInfo(raw)).toString('hex');
    expect(made).toEqual({
      file: out,
      name: 'lecture.bin',
      infoHash,
      magnet: `magnet:?xt=urn:btih:${infoHash}&dn=lecture.bin&tr=http%3A%2F%2F127.0.0.1%3A6969%2Fannounce`,
      pieceLength: 16_384,
      pieces: 7,
      totalLength: 100_000,
      files: [{ path: ['lecture.bin'], length: 100_000 }],
      private: false,
    });
    // The info dictionary re-encodes to the same bytes (it was written canonically).
    expect(Buffer.from(bencode.encode(torrent.info))).toEqual(rawInfo(raw));
  });

  it('a folder: files sorted by path, pieces spanning file boundaries, nothing skipped', async () => {
    const root = join(dir, 'Course');
    await mkdir(join(root, 'week 1'), { recursive: true });
    await mkdir(join(root, 'a'), { recursive: true });
    const files: [string[], Buffer][] = [
      [['b.txt'], content(20_000, 1)],
      [['week 1', 'slides.pdf'], content(40_000, 2)],
      [['a', 'z.bin'], content(5_000, 3)],
      [['B.txt'], content(0)],
      [['.hidden'], content(10, 4)],
      [['a', 'c.txt'], content(16_384, 5)],
    ];
    for (const [path, data] of files) await writeFile(join(root, ...path), data);
    const out = join(dir, 'course.torrent');
    const made = await createTorrent({
      path: root,
      announce: ANNOUNCE,
      out,
      pieceLength: 16_384,
      now: () => NOW,
    });
    const raw = await readFile(out);
    const info = bencode.decode(raw).info;
    expect(Object.keys(info)).toEqual(['files', 'name', 'piece length', 'pieces']);
    expect(Buffer.from(info.name).toString()).toBe('Course');
    const order = [
      ['.hidden'],
      ['B.txt'],
      ['a', 'c.txt'],
      ['a', 'z.bin'],
      ['b.txt'],
      ['week 1', 'slides.pdf'],
    ];
    const listed = info.files.map((f: { length: number; path: Uint8Array[] }) => ({
      length: f.length,
      path: f.path.map((p) => Buffer.from(p).toString()),
    }));
    const byPath = new Map(files.map(([p, d]) => [p.join('/'), d]));
    expect(listed).toEqual(order.map((path) => ({ path, length: byPath.get(path.join('/'))!.length })));
    const joined = Buffer.concat(order.map((path) => byPath.get(path.join('/'))!));
    expect(joined.length).toBe(81_394);
    expect(Buffer.from(info.pieces)).toEqual(expectedPieces(joined, 16_384));
    expect(made.pieces).toBe(5);
    expect(made.infoHash).toBe(sha1(rawInfo(raw)).toString('hex'));
    expect(made.files.map((f) => f.path)).toEqual(order);
  });

  it('a passkey in the announce URL makes the torrent private', async () => {
    await writeFile(join(dir, 'p.bin'), content(1000));
    for (const announce of [
      'http://127.0.0.1:6969/announce?passkey=abc',
      'udp://127.0.0.1:6969/abc/announce',
    ]) {
      const out = join(dir, 'p.torrent');
      const made = await createTorrent({ path: join(dir, 'p.bin'), announce, out, now: () => NOW });
      const info = bencode.decode(await readFile(out)).info;
      expect(Object.keys(info)).toEqual(['length', 'name', 'piece length', 'pieces', 'private']);
      expect(info.private).toBe(1);
      expect(made.private).toBe(true);
    }
    expect(hasPasskey('http://127.0.0.1:6969/announce')).toBe(false);
    expect(hasPasskey('http://127.0.0.1:6969/a/b/announce')).toBe(false);
    expect(hasPasskey('not a url')).toBe(false);
  });

  it('the automatic piece length keeps 1,000 to 2,000 pieces, as a power of two from 16 KiB to 16 MiB', () => {
    const KiB = 1024;
    const MiB = 1024 * KiB;
    expect(autoPieceLength(1)).toBe(16 * KiB);
    expect(autoPieceLength(2000 * 16 * KiB)).toBe(16 * KiB);
    expect(autoPieceLength(2000 * 16 * KiB + 1)).toBe(32 * KiB);
    expect(autoPieceLength(100 * MiB)).toBe(64 * KiB); // 1,600 pieces
    expect(autoPieceLength(4 * 1024 * MiB)).toBe(4 * MiB); // 1,024 pieces
    expect(autoPieceLength(100 * 1024 * MiB)).toBe(16 * MiB); // capped: 6,400 pieces
  });

  it('refuses what it cannot make, saying why', async () => {
    const base = { announce: ANNOUNCE, out: join(dir, 'x.torrent'), now: () => NOW };
    await expect(createTorrent({ ...base, path: join(dir, 'missing') })).rejects.toThrow(
      `no such file or folder: ${join(dir, 'missing')}`,
    );
    await mkdir(join(dir, 'empty'));
    await expect(createTorrent({ ...base, path: join(dir, 'empty') })).rejects.toThrow(
      'the folder has no files',
    );
    await writeFile(join(dir, 'zero.bin'), '');
    await expect(createTorrent({ ...base, path: join(dir, 'zero.bin') })).rejects.toThrow('nothing to share');
    await writeFile(join(dir, 'one.bin'), 'x');
    const bad = createTorrent({ ...base, path: join(dir, 'one.bin'), pieceLength: 20_000 });
    await expect(bad).rejects.toBeInstanceOf(TorrentOptionError);
    await expect(
      createTorrent({ ...base, path: join(dir, 'one.bin'), announce: 'ftp://x/announce' }),
    ).rejects.toThrow('the announce URL must be http://, https:// or udp://');
    await mkdir(join(dir, 'linked'));
    await writeFile(join(dir, 'linked', 'f'), 'x');
    await symlink(join(dir, 'empty'), join(dir, 'linked', 'dir-link'));
    const linked = createTorrent({ ...base, path: join(dir, 'linked') });
    await expect(linked).rejects.toBeInstanceOf(TorrentError);
    await expect(linked).rejects.toThrow('not a plain file or folder');
  });
});

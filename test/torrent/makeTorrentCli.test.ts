// `npm run tracker -- make-torrent …` as a user runs it: the .torrent it writes, and its exit codes.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bencode from 'bencode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTorrentCommand } from '../../electron/cli/makeTorrent';

const ROOT = new URL('../../', import.meta.url).pathname;
let dir: string;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(`${ROOT}node_modules/.bin/tsx`, ['electron/cli/tracker.ts', ...args], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/** The subcommand in-process, its lines collected. */
async function command(args: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  let err = '';
  const code = await makeTorrentCommand(args, {
    out: (line) => out.push(line),
    err: (text) => (err += text),
    now: () => 1_700_000_000_000,
  });
  return { code, out, err };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tracker-lab-make-'));
  await writeFile(join(dir, 'notes.txt'), 'tracker lab '.repeat(3000));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('make-torrent', () => {
  it('writes the .torrent with the given announce URL and prints its info_hash and magnet', async () => {
    const out = join(dir, 'notes.torrent');
    const result = await run([
      'make-torrent',
      join(dir, 'notes.txt'),
      '--announce',
      'http://127.0.0.1:7000/announce',
      '--out',
      out,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const raw = await readFile(out);
    const torrent = bencode.decode(raw);
    expect(Buffer.from(torrent.announce).toString()).toBe('http://127.0.0.1:7000/announce');
    expect(torrent.info['piece length']).toBe(16_384);
    const infoHash = createHash('sha1').update(bencode.encode(torrent.info)).digest('hex');
    expect(result.stdout.split('\n')).toEqual([
      `wrote ${out}`,
      'name: notes.txt (1 file, 36000 bytes)',
      'pieces: 3 × 16384 bytes',
      `info_hash: ${infoHash}`,
      `magnet: magnet:?xt=urn:btih:${infoHash}&dn=notes.txt&tr=http%3A%2F%2F127.0.0.1%3A7000%2Fannounce`,
      '',
    ]);
  });

  it('exits 2 with the usage on a usage error', async () => {
    const result = await run(['make-torrent']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('make-torrent takes exactly one file or folder');
    expect(result.stderr).toContain('Usage: npm run tracker -- make-torrent');
  });

  it('names each problem: usage errors give 2, a missing file 1', async () => {
    const notes = join(dir, 'notes.txt');
    expect(await command([notes, '--piece-length', 'big'])).toMatchObject({ code: 2 });
    expect((await command([notes, '--piece-length', 'big'])).err).toContain(
      '--piece-length must be a whole number, got "big"',
    );
    expect((await command([notes, '--piece-length', '1000', '--out', join(dir, 'y.torrent')])).err).toContain(
      'the piece length must be a power of two from 16 KiB to 16 MiB',
    );
    expect((await command([notes, '--announce', 'nope'])).code).toBe(2);
    expect((await command([notes, '--frobnicate'])).code).toBe(2);
    expect((await command([notes, join(dir, 'other')])).code).toBe(2);
    const missing = await command([join(dir, 'missing.bin')]);
    expect(missing).toEqual({
      code: 1,
      out: [],
      err: `no such file or folder: ${join(dir, 'missing.bin')}\n`,
    });
  });

  it('defaults to this tracker’s announce URL and <name>.torrent, and marks a passkey URL private', async () => {
    const out = join(dir, 'p.torrent');
    const made = await command([
      join(dir, 'notes.txt'),
      '--out',
      out,
      '--announce',
      'http://127.0.0.1:6969/k1/announce',
    ]);
    expect(made.code).toBe(0);
    expect(made.out[2]).toBe('pieces: 3 × 16384 bytes, private');
    const plain = await command([join(dir, 'notes.txt'), '--out', join(dir, 'q.torrent')]);
    expect(Buffer.from(bencode.decode(await readFile(join(dir, 'q.torrent'))).announce).toString()).toBe(
      'http://127.0.0.1:6969/announce',
    );
    expect(plain.out[0]).toBe(`wrote ${join(dir, 'q.torrent')}`);
  });
});

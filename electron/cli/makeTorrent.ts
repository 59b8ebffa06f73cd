// `npm run tracker -- make-torrent <path> [--announce URL] [--out file.torrent] [--piece-length N]`:
// a .torrent for a file or a folder, announcing to this tracker (its default URL unless told).
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createTorrent, TorrentError, TorrentOptionError } from '../torrent/createTorrent';

export const makeTorrentUsage = `Usage: npm run tracker -- make-torrent <file or folder> [options]

  --announce URL        the tracker's announce URL (default http://127.0.0.1:6969/announce);
                        a passkey in it (?passkey= or /<passkey>/announce) makes the torrent private
  --out FILE            where to write the .torrent (default: <name>.torrent here)
  --piece-length N      bytes per piece, a power of two from 16384 to 16777216 (default: automatic,
                        1,000 to 2,000 pieces)
  --help`;

export const DEFAULT_ANNOUNCE = 'http://127.0.0.1:6969/announce';

interface Io {
  out(line: string): void;
  err(text: string): void;
  now(): number;
}

/** Runs the subcommand; returns the exit code (2: usage, 1: the torrent could not be made). */
export async function makeTorrentCommand(argv: string[], io: Io): Promise<number> {
  const usageError = (message: string): number => {
    io.err(`${message}\n\n${makeTorrentUsage}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        announce: { type: 'string', default: DEFAULT_ANNOUNCE },
        out: { type: 'string' },
        'piece-length': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (err) {
    return usageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(makeTorrentUsage);
    return 0;
  }
  if (positionals.length !== 1) return usageError('make-torrent takes exactly one file or folder');
  const pieceText = values['piece-length'];
  if (pieceText !== undefined && !/^\d+$/.test(pieceText))
    return usageError(`--piece-length must be a whole number, got ${JSON.stringify(pieceText)}`);
  const path = resolve(positionals[0]!);
  const out = resolve(values.out ?? `${basename(path)}.torrent`);
  try {
    const made = await createTorrent({
      path,
      announce: values.announce,
      out,
      ...(pieceText === undefined ? {} : { pieceLength: Number(pieceText) }),
      now: io.now,
    });
    io.out(`wrote ${made.file}`);
    io.out(
      `name: ${made.name} (${made.files.length} ${made.files.length === 1 ? 'file' : 'files'}, ${made.totalLength} bytes)`,
    );
    io.out(`pieces: ${made.pieces} × ${made.pieceLength} bytes${made.private ? ', private' : ''}`);
    io.out(`info_hash: ${made.infoHash}`);
    io.out(`magnet: ${made.magnet}`);
    return 0;
  } catch (err) {
    if (err instanceof TorrentError) {
      // A bad option is a usage error; a missing path or an unreadable file is not.
      if (err instanceof TorrentOptionError) return usageError(err.message);
      io.err(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

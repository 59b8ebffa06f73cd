// How a torrent's bytes divide into pieces: every piece is pieceSize long except the last, which
// holds the remainder. Bitfields are stored as 32-bit words, bit p & 31 of word p >>> 5.
import type { TorrentShape } from './types';

export interface PieceLayout {
  readonly size: number;
  readonly pieceSize: number;
  readonly pieces: number;
  readonly lastPieceSize: number;
  /** 32-bit words per bitfield. */
  readonly words: number;
}

export function pieceLayout(torrent: TorrentShape): PieceLayout {
  const { size, pieceSize } = torrent;
  if (!Number.isSafeInteger(size) || size <= 0)
    throw new RangeError(`torrent size ${size}: a positive integer`);
  if (!Number.isSafeInteger(pieceSize) || pieceSize <= 0 || pieceSize > 0x7fff_ffff) {
    throw new RangeError(`piece size ${pieceSize}: a positive 31-bit integer`);
  }
  const pieces = Math.ceil(size / pieceSize);
  return {
    size,
    pieceSize,
    pieces,
    lastPieceSize: size - (pieces - 1) * pieceSize,
    words: (pieces + 31) >>> 5,
  };
}

export function pieceLength(layout: PieceLayout, piece: number): number {
  return piece === layout.pieces - 1 ? layout.lastPieceSize : layout.pieceSize;
}

/** Bytes of `count` complete pieces, one of which is the (shorter) last piece when `holdsLast`. */
export function bytesOfPieces(layout: PieceLayout, count: number, holdsLast: boolean): number {
  return holdsLast ? (count - 1) * layout.pieceSize + layout.lastPieceSize : count * layout.pieceSize;
}

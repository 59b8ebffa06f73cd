// Piece bitfields as runs of 32-bit words inside one shared Uint32Array (a peer's run starts at
// slot * words). Bits past the last piece are always zero, so word-wise tests need no end mask.

export function holdsPiece(bits: Uint32Array, base: number, piece: number): boolean {
  return (bits[base + (piece >>> 5)]! & (1 << (piece & 31))) !== 0;
}

export function addPiece(bits: Uint32Array, base: number, piece: number): void {
  bits[base + (piece >>> 5)]! |= 1 << (piece & 31);
}

export function dropPiece(bits: Uint32Array, base: number, piece: number): void {
  bits[base + (piece >>> 5)]! &= ~(1 << (piece & 31));
}

export function fillPieces(bits: Uint32Array, base: number, pieces: number): void {
  const full = pieces >>> 5;
  bits.fill(0xffff_ffff, base, base + full);
  if ((pieces & 31) !== 0) bits[base + full] = (1 << (pieces & 31)) - 1;
}

/**
 * Whether the uploader holds a piece the downloader lacks (the downloader is then interested).
 * Counts first (nothing to offer, nothing wanted, or the pigeonhole: holding more pieces means
 * holding one the other lacks); otherwise scan the words of U ∧ ¬D up to the first non-zero one.
 */
export function holdsPieceLackedBy(
  bits: Uint32Array,
  uploaderBase: number,
  uploaderCount: number,
  downloaderBase: number,
  downloaderCount: number,
  words: number,
  pieces: number,
): boolean {
  if (uploaderCount === 0 || downloaderCount === pieces) return false;
  if (uploaderCount > downloaderCount) return true;
  for (let w = 0; w < words; w++) {
    if ((bits[uploaderBase + w]! & ~bits[downloaderBase + w]!) !== 0) return true;
  }
  return false;
}

/** Index (0..31) of the lowest set bit of a non-zero word. */
export function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}

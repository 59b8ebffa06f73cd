// How many present peers hold each piece, for rarest-first. Counted over the whole torrent
// (every peer added and not removed, active or not) rather than per neighbourhood: a per-peer view
// would cost pieces × peers counters and O(degree) updates per completed piece, which at 10,000
// peers would be the bulk of the model's time; the global count is one O(1) update per piece.
//
// Pieces are also kept sorted by count in `order`, in buckets: order[bucketStart[c] ..
// bucketStart[c + 1]) are the pieces held by exactly c peers. A count changes by one at a time,
// so a piece moves to its bucket's edge and the boundary shifts past it (O(1)), and a pick can walk
// pieces from the rarest without scanning the whole bitfield.

export interface AvailabilityData {
  counts: Uint32Array;
  order: Uint32Array;
}

export class PieceAvailability {
  /** Peers holding each piece. */
  readonly counts: Uint32Array;
  /** Pieces by ascending count; `position` is its inverse. */
  readonly order: Uint32Array;
  private readonly position: Uint32Array;
  bucketStart: Uint32Array;

  constructor(pieces: number, data?: AvailabilityData) {
    this.counts = data ? data.counts.slice() : new Uint32Array(pieces);
    this.order = data ? data.order.slice() : Uint32Array.from({ length: pieces }, (_, p) => p);
    this.position = new Uint32Array(pieces);
    for (let i = 0; i < pieces; i++) this.position[this.order[i]!] = i;
    let highest = 0;
    for (const c of this.counts) if (c > highest) highest = c;
    // bucketStart[c] = pieces held by fewer than c peers: a histogram, then its prefix sums.
    this.bucketStart = new Uint32Array(Math.max(16, highest + 3));
    for (const c of this.counts) this.bucketStart[c + 1]!++;
    for (let k = 1; k < this.bucketStart.length; k++) this.bucketStart[k]! += this.bucketStart[k - 1]!;
  }

  data(): AvailabilityData {
    return { counts: this.counts.slice(), order: this.order.slice() };
  }

  gain(piece: number): void {
    const c = this.counts[piece]!;
    if (c + 3 > this.bucketStart.length) this.growBuckets(c + 3);
    // Move to the end of bucket c, which then becomes the start of bucket c + 1.
    const edge = --this.bucketStart[c + 1]!;
    this.swap(piece, edge);
    this.counts[piece] = c + 1;
  }

  lose(piece: number): void {
    const c = this.counts[piece]!;
    // Move to the start of bucket c, which then becomes the end of bucket c - 1.
    const edge = this.bucketStart[c]!++;
    this.swap(piece, edge);
    this.counts[piece] = c - 1;
  }

  /** Applies every piece of one bitfield (a peer arriving with pieces, or leaving). */
  applyBitfield(bits: Uint32Array, base: number, words: number, sign: 1 | -1): void {
    for (let w = 0; w < words; w++) {
      let word = bits[base + w]!;
      while (word !== 0) {
        const piece = (w << 5) + (31 - Math.clz32(word & -word));
        if (sign === 1) this.gain(piece);
        else this.lose(piece);
        word &= word - 1;
      }
    }
  }

  private swap(piece: number, at: number): void {
    const from = this.position[piece]!;
    const other = this.order[at]!;
    this.order[from] = other;
    this.position[other] = from;
    this.order[at] = piece;
    this.position[piece] = at;
  }

  private growBuckets(length: number): void {
    const next = new Uint32Array(Math.max(length, 2 * this.bucketStart.length));
    next.set(this.bucketStart);
    // Buckets past the highest count are empty: they all start at the end.
    next.fill(this.order.length, this.bucketStart.length);
    this.bucketStart = next;
  }
}

// The contract between the client layer (announces, lifecycle) and the transfer model (pieces,
// choking, bytes). Client ids are the simulation's; every method is deterministic given the PRNG.

export interface TorrentShape {
  size: number;
  pieceSize: number;
}

export interface TransferPeerInit {
  id: number;
  /** Bytes per second. */
  uploadCapacity: number;
  downloadCapacity: number;
  maxConnections: number;
  /** Pieces held at the start: all, none, or a fraction (chosen at random). */
  have: 'all' | 'none' | number;
}

export type ConnectOutcome = 'connected' | 'already-connected' | 'full' | 'self' | 'unknown';

export interface TickResult {
  /** Peers that moved bytes this tick, ascending id, with the bytes each sent and received. */
  clients: number[];
  uploaded: number[];
  downloaded: number[];
  /** Peers whose download finished during this tick (they now hold every piece), ascending. */
  completed: number[];
  /** Connections closed by the model itself (both ends seeding), as [a, b] with a < b. */
  closedBothSeeding: [number, number][];
}

export interface TransferOptions {
  /** Virtual milliseconds between recomputations of who unchokes whom (BEP 3: 10 s). */
  rechokeEveryMs?: number;
  /** Virtual milliseconds between rotations of the optimistic unchoke (BEP 3: 30 s). */
  optimisticEveryMs?: number;
  /** Peers a peer uploads to at once, one of them the optimistic unchoke. */
  uploadSlots?: number;
}

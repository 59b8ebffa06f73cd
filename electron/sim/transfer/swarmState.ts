// The parts of one torrent's transfer model, shared by the choker, the picker and the flows.
import type { Prng } from '../../../shared/prng';
import type { PieceAvailability } from './availability';
import type { ConnectionTable } from './connectionTable';
import type { InflightPieces } from './inflightPieces';
import type { PieceLayout } from './layout';
import type { PeerTable } from './peerTable';
import type { UnchokeTable } from './unchokeTable';

export interface SwarmState {
  readonly layout: PieceLayout;
  readonly rng: Prng;
  readonly peers: PeerTable;
  readonly links: ConnectionTable;
  readonly inflight: InflightPieces;
  readonly availability: PieceAvailability;
  readonly unchokes: UnchokeTable;
}

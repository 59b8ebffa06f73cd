// Saving and restoring a transfer model as plain data (numbers, arrays, typed arrays), so it
// survives structuredClone and postMessage. Slots, record positions and free lists are kept as
// they were, so a restored model walks its state in the same order and draws the same numbers.
import type { Prng } from '../../../shared/prng';
import { PieceAvailability, type AvailabilityData } from './availability';
import type { ChokeScheduleData } from './chokeSchedule';
import { ConnectionTable, type ConnectionTableData } from './connectionTable';
import { InflightPieces, type InflightPiecesData } from './inflightPieces';
import { pieceLayout } from './layout';
import { PeerTable, type PeerTableData } from './peerTable';
import type { SwarmState } from './swarmState';
import type { TorrentShape, TransferOptions } from './types';
import { UnchokeTable, type UnchokeTableData } from './unchokeTable';

export interface TransfersSnapshot {
  version: 1;
  torrent: TorrentShape;
  options: Required<TransferOptions>;
  schedule: ChokeScheduleData;
  peers: PeerTableData;
  connections: ConnectionTableData;
  inflight: InflightPiecesData;
  availability: AvailabilityData;
  unchokes: UnchokeTableData;
  /** Connections made between two seeders, closed at the next tick. */
  seedingPairs: [number, number][];
}

export type SwarmStateData = Pick<
  TransfersSnapshot,
  'torrent' | 'peers' | 'connections' | 'inflight' | 'availability' | 'unchokes'
>;

export function captureState(state: SwarmState): SwarmStateData {
  const { layout, peers, links, inflight, availability, unchokes } = state;
  return {
    torrent: { size: layout.size, pieceSize: layout.pieceSize },
    peers: peers.data(),
    connections: links.data(peers.slots),
    inflight: inflight.data(peers.slots),
    availability: availability.data(),
    unchokes: unchokes.data(peers.slots),
  };
}

export function restoreState(data: SwarmStateData, rng: Prng): SwarmState {
  const layout = pieceLayout(data.torrent);
  return {
    layout,
    rng,
    peers: new PeerTable(layout.words, data.peers),
    links: new ConnectionTable(data.connections),
    inflight: new InflightPieces(data.inflight),
    availability: new PieceAvailability(layout.pieces, data.availability),
    unchokes: new UnchokeTable(data.unchokes.slotsPerPeer, data.unchokes),
  };
}

export function emptyState(torrent: TorrentShape, rng: Prng, uploadSlots: number): SwarmState {
  const layout = pieceLayout(torrent);
  return {
    layout,
    rng,
    peers: new PeerTable(layout.words),
    links: new ConnectionTable(),
    inflight: new InflightPieces(),
    availability: new PieceAvailability(layout.pieces),
    unchokes: new UnchokeTable(uploadSlots),
  };
}

// Small builders so each transfer-model test shows only what matters.
import { createPrng, type Prng } from '../../../shared/prng';
import { SwarmTransfers } from '../../../electron/sim/transfer/swarmTransfers';
import type { TickResult, TransferOptions, TransferPeerInit } from '../../../electron/sim/transfer/types';

export const KiB = 1024;
export const MiB = 1024 * KiB;

export interface SwarmSpec {
  size: number;
  pieceSize: number;
  seed?: number;
  options?: TransferOptions;
}

export function swarm({ size, pieceSize, seed = 1, options }: SwarmSpec): SwarmTransfers {
  return new SwarmTransfers({ size, pieceSize }, createPrng(seed), options);
}

/** A peer with generous defaults: 1 MiB/s up, 100 MiB/s down, 50 connections, nothing held. */
export function peer(id: number, init: Partial<Omit<TransferPeerInit, 'id'>> = {}): TransferPeerInit {
  return {
    id,
    uploadCapacity: MiB,
    downloadCapacity: 100 * MiB,
    maxConnections: 50,
    have: 'none',
    ...init,
  };
}

/** Runs ticks of dtMs from `from` (the end of the first tick is from + dtMs). */
export function run(model: SwarmTransfers, ticks: number, dtMs = 5_000, from = 0): TickResult[] {
  const results: TickResult[] = [];
  for (let t = 1; t <= ticks; t++) results.push(model.tick(from + t * dtMs, dtMs));
  return results;
}

/** Bytes a peer sent and received in one tick (0 when it is not listed). */
export function moved(result: TickResult, id: number): { up: number; down: number } {
  const i = result.clients.indexOf(id);
  return i < 0 ? { up: 0, down: 0 } : { up: result.uploaded[i]!, down: result.downloaded[i]! };
}

export function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export interface RandomSwarm {
  model: SwarmTransfers;
  ids: number[];
  /** Bytes per second each peer may send and receive. */
  capacity: Map<number, { up: number; down: number }>;
}

/**
 * A mixed swarm: `peers` peers with random capacities, a few seeders, the rest holding a random
 * fraction, each connected to up to 8 random others (ascending, drawn from `setup`).
 */
export function randomSwarm(rng: Prng, setup: Prng, peers = 40): RandomSwarm {
  const model = new SwarmTransfers({ size: 40 * MiB + 123_457, pieceSize: MiB }, rng);
  const ids: number[] = [];
  const capacity = new Map<number, { up: number; down: number }>();
  for (let i = 0; i < peers; i++) {
    const id = 1000 + 3 * i;
    ids.push(id);
    const up = setup.int(20 * KiB, 2 * MiB);
    const down = setup.int(up, 4 * up);
    capacity.set(id, { up, down });
    model.addPeer(
      peer(id, {
        uploadCapacity: up,
        downloadCapacity: down,
        maxConnections: setup.int(4, 12),
        have: i < 3 ? 'all' : setup.int(0, 3) === 0 ? setup.float() : 'none',
      }),
    );
  }
  for (const id of ids) for (let k = 0; k < 8; k++) model.connect(id, ids[setup.int(0, peers - 1)]!);
  return { model, ids, capacity };
}

// Checking a new peer's description, and drawing the pieces of a peer that starts part-way.
import type { Prng } from '../../../shared/prng';
import { addPiece, holdsPiece } from './bitfield';
import type { TransferPeerInit } from './types';

export function validatePeer(init: TransferPeerInit, duplicate: boolean): void {
  const { id, uploadCapacity, downloadCapacity, maxConnections, have } = init;
  if (!Number.isFinite(id)) throw new RangeError(`peer id ${id}: a finite number`);
  if (duplicate) throw new RangeError(`peer ${id} is already present`);
  for (const [name, rate] of [
    ['uploadCapacity', uploadCapacity],
    ['downloadCapacity', downloadCapacity],
  ] as const) {
    if (!Number.isFinite(rate) || rate < 0) throw new RangeError(`peer ${id}: ${name} ${rate}`);
  }
  if (!Number.isInteger(maxConnections) || maxConnections < 0) {
    throw new RangeError(`peer ${id}: maxConnections ${maxConnections}`);
  }
  if (typeof have === 'number' && !(have >= 0 && have <= 1)) {
    throw new RangeError(`peer ${id}: have ${have} is not a fraction in [0, 1]`);
  }
}

/**
 * Sets round(fraction × pieces) distinct pieces, chosen uniformly with the PRNG, in a cleared
 * bitfield; returns how many. Floyd's sampling: one draw per piece, the bitfield is the set.
 */
export function drawPieces(
  bits: Uint32Array,
  base: number,
  pieces: number,
  fraction: number,
  rng: Prng,
): number {
  const count = Math.round(fraction * pieces);
  for (let j = pieces - count; j < pieces; j++) {
    const t = rng.int(0, j);
    addPiece(bits, base, holdsPiece(bits, base, t) ? j : t);
  }
  return count;
}

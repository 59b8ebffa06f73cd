// Random changes a client layer makes between ticks — pauses, disconnections, departures,
// arrivals, new connections — drawn from their own PRNG so a test can replay them exactly.
import type { Prng } from '../../../shared/prng';
import type { SwarmTransfers } from '../../../electron/sim/transfer/swarmTransfers';
import { MiB, peer, type RandomSwarm } from './helpers';

export class Churn {
  constructor(
    readonly model: SwarmTransfers,
    readonly ids: number[],
    readonly capacity: RandomSwarm['capacity'],
    private readonly ops: Prng,
    private nextId = 5000,
  ) {}

  /** The same churn, from here on, applied to another model (with its PRNG in the same state). */
  replay(model: SwarmTransfers, ops: Prng): Churn {
    return new Churn(model, [...this.ids], new Map(this.capacity), ops, this.nextId);
  }

  /** Zero to three random changes. */
  apply(): void {
    for (let k = this.ops.int(0, 3); k > 0; k--) this.change();
  }

  private change(): void {
    const { model, ids, ops } = this;
    const id = ids[ops.int(0, ids.length - 1)]!;
    const other = ids[ops.int(0, ids.length - 1)]!;
    switch (ops.int(0, 9)) {
      case 0:
        model.setActive(id, ops.int(0, 1) === 0);
        break;
      case 1:
        model.disconnect(id, other);
        break;
      case 2:
        if (ops.int(0, 3) === 0 && ids.length > 10) {
          model.removePeer(id);
          ids.splice(ids.indexOf(id), 1);
        }
        break;
      case 3:
        if (ops.int(0, 3) === 0) this.arrive(ops.int(1, 3) * 300_000, ops.float());
        break;
      default:
        model.connect(id, other);
    }
  }

  private arrive(up: number, have: number): void {
    const id = this.nextId++;
    this.capacity.set(id, { up, down: 100 * MiB });
    this.model.addPeer(peer(id, { uploadCapacity: up, downloadCapacity: 100 * MiB, have }));
    this.ids.push(id);
    for (let k = 0; k < 4; k++) this.model.connect(id, this.ids[this.ops.int(0, this.ids.length - 1)]!);
  }
}

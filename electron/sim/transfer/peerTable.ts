// Per-peer state in typed arrays indexed by slot. Ids are the simulation's and may be sparse, so
// each present peer gets a slot (freed slots are reused last-in first-out); `order` lists the
// present slots by ascending id, the order every per-tick loop follows.
import { widened } from '../../../shared/typedArrays';

export interface PeerTableData {
  words: number;
  slots: number;
  ids: Float64Array;
  upload: Float64Array;
  download: Float64Array;
  active: Uint8Array;
  haveCount: Int32Array;
  bits: Uint32Array;
  order: Int32Array;
  freeSlots: number[];
}

export class PeerTable {
  readonly words: number;
  /** Slots handed out so far (the high-water mark); arrays are sized by `capacity`. */
  slots = 0;
  capacity = 0;
  ids = new Float64Array(0);
  /** Bytes per second. */
  upload = new Float64Array(0);
  download = new Float64Array(0);
  active = new Uint8Array(0);
  haveCount = new Int32Array(0);
  /** Bitfields: slot s owns words [s * words, (s + 1) * words). */
  bits = new Uint32Array(0);
  /** Present slots by ascending id; `size` of them are valid. */
  order = new Int32Array(0);
  size = 0;
  private freeSlots: number[] = [];
  private readonly slotById = new Map<number, number>();

  constructor(words: number, data?: PeerTableData) {
    this.words = words;
    if (!data) return;
    this.slots = data.slots;
    this.capacity = data.slots;
    this.ids = data.ids.slice();
    this.upload = data.upload.slice();
    this.download = data.download.slice();
    this.active = data.active.slice();
    this.haveCount = data.haveCount.slice();
    this.bits = data.bits.slice();
    this.order = new Int32Array(this.capacity); // room for every slot, present or free
    this.order.set(data.order);
    this.size = data.order.length;
    this.freeSlots = [...data.freeSlots];
    for (const slot of this.order) this.slotById.set(this.ids[slot]!, slot);
  }

  data(): PeerTableData {
    const n = this.slots;
    return {
      words: this.words,
      slots: n,
      ids: this.ids.slice(0, n),
      upload: this.upload.slice(0, n),
      download: this.download.slice(0, n),
      active: this.active.slice(0, n),
      haveCount: this.haveCount.slice(0, n),
      bits: this.bits.slice(0, n * this.words),
      order: this.order.slice(0, this.size),
      freeSlots: [...this.freeSlots],
    };
  }

  slotOf(id: number): number | undefined {
    return this.slotById.get(id);
  }

  /** A cleared slot for a new peer, placed in `order` by its id. */
  allocate(id: number): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.slots++;
      if (slot >= this.capacity) this.grow(Math.max(64, this.capacity * 2));
    }
    this.slotById.set(id, slot);
    this.ids[slot] = id;
    this.upload[slot] = 0;
    this.download[slot] = 0;
    this.active[slot] = 1;
    this.haveCount[slot] = 0;
    this.bits.fill(0, slot * this.words, (slot + 1) * this.words);
    const at = this.orderIndex(id);
    this.order.copyWithin(at + 1, at, this.size);
    this.order[at] = slot;
    this.size++;
    return slot;
  }

  release(slot: number): void {
    const id = this.ids[slot]!;
    const at = this.orderIndex(id);
    this.order.copyWithin(at, at + 1, this.size);
    this.size--;
    this.slotById.delete(id);
    this.freeSlots.push(slot);
  }

  /** Where `id` is, or would be inserted, in `order`. */
  private orderIndex(id: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[this.order[mid]!]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(capacity: number): void {
    this.ids = widened(this.ids, capacity, (n) => new Float64Array(n));
    this.upload = widened(this.upload, capacity, (n) => new Float64Array(n));
    this.download = widened(this.download, capacity, (n) => new Float64Array(n));
    this.active = widened(this.active, capacity, (n) => new Uint8Array(n));
    this.haveCount = widened(this.haveCount, capacity, (n) => new Int32Array(n));
    this.bits = widened(this.bits, capacity * this.words, (n) => new Uint32Array(n));
    this.order = widened(this.order, capacity, (n) => new Int32Array(n));
    this.capacity = capacity;
  }
}

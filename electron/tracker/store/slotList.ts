// A growable list of peer slots with O(1) swap-removal. The table remembers each peer's position
// so removal needs no search; order is not preserved (selection never relies on it).

export class SlotList {
  private items = new Int32Array(8);
  length = 0;

  /** Appends and returns the position. */
  push(slot: number): number {
    if (this.length === this.items.length) {
      const next = new Int32Array(this.items.length * 2);
      next.set(this.items);
      this.items = next;
    }
    this.items[this.length] = slot;
    return this.length++;
  }

  at(position: number): number {
    return this.items[position]!;
  }

  /** Removes the item at `position`; returns the slot moved into it, or -1 when none moved. */
  removeAt(position: number): number {
    const last = --this.length;
    if (position === last) return -1;
    const moved = this.items[last]!;
    this.items[position] = moved;
    return moved;
  }

  clear(): void {
    this.length = 0;
  }

  /** Copies the items into `target` from `offset`, leaving out the one at `skip` (-1: none); returns the count. */
  copyInto(target: Int32Array, offset: number, skip: number): number {
    const items = this.items;
    let o = offset;
    for (let i = 0; i < this.length; i++) if (i !== skip) target[o++] = items[i]!;
    return o - offset;
  }

  /** A view of the live items (valid until the next push). */
  view(): Int32Array {
    return this.items.subarray(0, this.length);
  }

  get byteLength(): number {
    return this.items.byteLength;
  }

  snapshot(): Int32Array {
    return this.items.slice(0, this.length);
  }

  static restore(items: Int32Array): SlotList {
    const list = new SlotList();
    list.items = new Int32Array(Math.max(8, items.length));
    list.items.set(items);
    list.length = items.length;
    return list;
  }
}

// The discrete-event queue: tasks ordered by (virtual time, insertion number), so two tasks at the
// same millisecond always run in the order they were scheduled. Tasks are plain data, which makes
// the queue trivially copyable for snapshots.

export interface Scheduled<T> {
  at: number;
  seq: number;
  task: T;
}

export class EventQueue<T> {
  private heap: Scheduled<T>[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(at: number, task: T): void {
    const item = { at, seq: this.counter++, task };
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = item;
  }

  /** Time of the next task, or Infinity when the queue is empty. */
  peekTime(): number {
    return this.heap.length === 0 ? Infinity : this.heap[0]!.at;
  }

  pop(): Scheduled<T> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const r = l + 1;
      const child = r < heap.length && before(heap[r]!, heap[l]!) ? r : l;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }

  /** A copy of the queue's contents (tasks must be structured-clone-able). */
  snapshot(): { heap: Scheduled<T>[]; counter: number } {
    return structuredClone({ heap: this.heap, counter: this.counter });
  }

  static restore<T>(snapshot: { heap: Scheduled<T>[]; counter: number }): EventQueue<T> {
    const queue = new EventQueue<T>();
    const copy = structuredClone(snapshot);
    queue.heap = copy.heap;
    queue.counter = copy.counter;
    return queue;
  }
}

function before<T>(a: Scheduled<T>, b: Scheduled<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

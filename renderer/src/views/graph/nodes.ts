// The graph's structure from the model: who is drawn, in which look, and which peers have a data
// connection. Recomputed when the model's version changes, not every frame.
import type { ClientRow } from '../../../../shared/views/types';
import { lookOf, type NodeLook } from '../../theme';

/** Looks in drawing order (the gone ones underneath, the live ones on top). */
export const looks: readonly NodeLook[] = [
  'stopped',
  'crashed',
  'idle',
  'offline',
  'paused',
  'ghost',
  'leeching',
  'seeding',
];

/** The looks the legend explains (idle clients have not arrived and are not drawn). */
export const legendLooks: readonly NodeLook[] = [
  'leeching',
  'seeding',
  'paused',
  'offline',
  'ghost',
  'crashed',
  'stopped',
];

const lookIndex = new Map(looks.map((l, i) => [l, i]));
export const NO_NODE = 255;

/** A client that is gone and no longer listed is drawn faded. */
export function isGone(look: NodeLook): boolean {
  return look === 'crashed' || look === 'stopped';
}

export function lookOfClient(c: ClientRow): NodeLook {
  return lookOf(c.state, c.listedEntries.size > 0);
}

export interface NodeSet {
  /** Clients drawn (present in the model). */
  count: number;
  /** Highest client id + 1. */
  span: number;
  /** Per client id: index into `looks`, or NO_NODE. */
  look: Uint8Array;
  /** Client ids per look, in id order. */
  byLook: number[][];
}

interface ClientSource {
  readonly clients: readonly (ClientRow | undefined)[];
}

export function nodeSet(model: ClientSource): NodeSet {
  const span = model.clients.length;
  const look = new Uint8Array(span).fill(NO_NODE);
  const byLook: number[][] = looks.map(() => []);
  let count = 0;
  for (let id = 0; id < span; id++) {
    const c = model.clients[id];
    if (!c) continue;
    const i = lookIndex.get(lookOfClient(c))!;
    look[id] = i;
    byLook[i]!.push(id);
    count++;
  }
  return { count, span, look, byLook };
}

/** Every data connection once, as pairs (a, b) with a < b, flattened. */
export function connectionPairs(model: ClientSource): Int32Array {
  let n = 0;
  for (const c of model.clients) if (c) for (const p of c.connections) if (p > c.id) n++;
  const out = new Int32Array(n * 2);
  let i = 0;
  for (const c of model.clients) {
    if (!c) continue;
    for (const p of c.connections) {
      if (p <= c.id) continue;
      out[i++] = c.id;
      out[i++] = p;
    }
  }
  return out;
}

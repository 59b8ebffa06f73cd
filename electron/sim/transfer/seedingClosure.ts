// Closing connections: both directions are choked first (a partial piece stays with its
// downloader), then the records go. Two seeders have nothing to exchange, so the model closes
// every connection whose ends both seed — a real client drops such a peer once bitfields show it.
import { NBR, REV } from './connectionTable';
import type { SwarmState } from './swarmState';

export function isSeeding(state: SwarmState, slot: number): boolean {
  return state.peers.haveCount[slot] === state.layout.pieces;
}

/** Closes the connection of record q in owner's block. */
export function closeConnection(state: SwarmState, owner: number, q: number): void {
  const { unchokes, links } = state;
  unchokes.choke(state, owner, q);
  unchokes.choke(state, links.ints[2 * q + NBR]!, links.ints[2 * q + REV]!);
  links.unlink(owner, q);
}

/**
 * Closes the connections between seeders: those of peers that finished this tick (slots), and
 * pairs connected while both were seeding (ids). Returns them as [a, b], a < b, ascending.
 */
export function closeBothSeeding(
  state: SwarmState,
  finished: number[],
  pairs: [number, number][],
): [number, number][] {
  const { peers, links } = state;
  const closed: [number, number][] = [];
  const closeIfSeeding = (sa: number, sb: number): void => {
    const q = links.find(sa, sb);
    if (q < 0 || !isSeeding(state, sa) || !isSeeding(state, sb)) return;
    const a = peers.ids[sa]!;
    const b = peers.ids[sb]!;
    closed.push(a < b ? [a, b] : [b, a]);
    closeConnection(state, sa, q);
  };
  for (const slot of finished) {
    const base = links.base[slot]!;
    const records = links.ints.slice(2 * base, 2 * (base + links.degree[slot]!));
    for (let i = NBR; i < records.length; i += 2) closeIfSeeding(slot, records[i]!);
  }
  for (const [a, b] of pairs) {
    const sa = peers.slotOf(a);
    const sb = peers.slotOf(b);
    if (sa !== undefined && sb !== undefined) closeIfSeeding(sa, sb);
  }
  return closed.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

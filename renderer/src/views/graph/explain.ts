// The words of the graph's tooltip: who a peer is, what the tracker believes about it, and — for a
// peer lit by an answer — why the tracker put it in that peer list (the request's selection reasons).
import { selectionReasonText, selectionStrategyDescriptions } from '../../../../shared/tracker/explain';
import type { SelectionStrategyName } from '../../../../shared/tracker/settings';
import type { AnnounceFlight, ClientRow, RequestRow } from '../../../../shared/views/types';
import { lookLabel } from '../../theme';
import { lookOfClient } from './nodes';

export interface ExplainSource {
  client(id: number): ClientRow | undefined;
  request(requestId: number): RequestRow | undefined;
  readonly entryOwner: ReadonlyMap<number, number | null>;
}

export interface Tooltip {
  title: string;
  lines: string[];
}

/** Why `clientId` is in the answer to `flight`, in words; null when it is not in it. */
export function whyChosen(model: ExplainSource, flight: AnnounceFlight, clientId: number): string | null {
  if (flight.requestId === null) return null;
  const row = model.request(flight.requestId);
  if (!row) return null;
  for (let i = 0; i < row.peers.length; i++) {
    if (model.entryOwner.get(row.peers[i]!) !== clientId) continue;
    const reason = row.reasons[i];
    const requester = model.client(flight.clientId)?.name ?? `client ${flight.clientId}`;
    const why = reason === undefined ? 'chosen' : selectionReasonText[reason];
    const of = row.eligible !== null ? ` (${row.peers.length} of ${row.eligible} eligible` : ' (';
    const strategy = row.strategy ? `, ${row.strategy}` : '';
    return `in the peer list sent to ${requester}: ${why}${of}${strategy})`;
  }
  return null;
}

/** The strategy's description, for a tooltip's second line. */
export function strategyText(strategy: string | null): string | null {
  if (strategy === null) return null;
  return selectionStrategyDescriptions[strategy as SelectionStrategyName] ?? null;
}

/** Tooltip lines for a peer: its name and look, the tracker's view, and why it is lit (if it is). */
export function peerTooltip(
  model: ExplainSource,
  clientId: number,
  litBy: readonly AnnounceFlight[],
): Tooltip | null {
  const c = model.client(clientId);
  if (!c) return null;
  const look = lookOfClient(c);
  const lines = [lookLabel[look]];
  if (c.real)
    lines.push(`a real client (${c.clientLabel ?? 'unknown client'}): its state is what it reported`);
  if (c.listedAs) lines.push(`the tracker lists it as a ${c.listedAs}`);
  else lines.push('not in the tracker’s peer list');
  for (const flight of litBy) {
    const why = whyChosen(model, flight, clientId);
    if (why) lines.push(why);
  }
  return { title: c.name, lines };
}

/** Tooltip lines for the tracker: what it lists (its own counts, which may be stale). */
export function trackerTooltip(model: {
  readonly trackerUp: boolean;
  readonly torrents: ReadonlyMap<string, { complete: number; incomplete: number }>;
}): Tooltip {
  let complete = 0;
  let incomplete = 0;
  for (const t of model.torrents.values()) {
    complete += t.complete;
    incomplete += t.incomplete;
  }
  return {
    title: model.trackerUp ? 'Tracker' : 'Tracker (down)',
    lines: [`lists ${complete} seeders and ${incomplete} leechers`],
  };
}

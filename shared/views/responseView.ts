// A request's answer, for the request log: the recorded body decoded into a readable tree, the
// peers it returned with the reason each was chosen (entry numbers resolved to client names through
// the model), and the raw bytes as a hex dump.
import { selectionReasonText } from '../tracker/explain';
import type { SelectionReason } from '../tracker/events';
import { decodeBencode, readableTree, type CompactPeer, type ReadableNode } from './bencodeTree';
import type { SwarmModel } from './model';
import type { RequestRow } from './types';
import { decodeUdpResponse } from './udpPacket';

export interface ReturnedPeerView {
  /** Position in the answer (1-based). */
  position: number;
  entry: number;
  ip: string;
  port: number;
  /** Where the entry is listed now, when it has moved since this answer (an IP change). */
  movedTo: string | null;
  /** The simulated client that owns the entry, or null (a real client, or unknown). */
  client: string | null;
  seeder: boolean | null;
  reason: SelectionReason | null;
  reasonText: string;
}

export interface ResponseView {
  status: number | null;
  bytes: number | null;
  /** Whether the tracker recorded the body (it does for bencoded answers). */
  recorded: boolean;
  tree: ReadableNode | null;
  decodeError: string | null;
  failure: string | null;
  warning: string | null;
  peers: ReturnedPeerView[];
  /** How many peers could have been returned, and how many were asked for (after default and cap). */
  eligible: number | null;
  numwant: number | null;
  strategy: string | null;
  statsUpdated: boolean | null;
  hexLines: string[];
}

export function base64Bytes(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const HEX = '0123456789abcdef';

/** Classic hex dump: offset, 16 bytes in two groups of 8, and the printable characters. */
export function hexDump(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  for (let at = 0; at < bytes.length; at += 16) {
    const row = bytes.subarray(at, at + 16);
    let hex = '';
    for (let i = 0; i < 16; i++) {
      if (i === 8) hex += ' ';
      hex += i < row.length ? HEX[row[i]! >> 4]! + HEX[row[i]! & 15]! + ' ' : '   ';
    }
    let ascii = '';
    for (const b of row) ascii += b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.';
    lines.push(`${at.toString(16).padStart(4, '0')}  ${hex} |${ascii}|`);
  }
  return lines;
}

type ModelView = Pick<SwarmModel, 'entries' | 'entryOwner' | 'clients'>;

/** The compact peer lists of an answer (BEP 23 `peers`, BEP 7 `peers6`), in order. */
function compactLists(tree: ReadableNode | null): { v4: CompactPeer[]; v6: CompactPeer[] } {
  const find = (label: string) => tree?.children.find((c) => c.label === label)?.peers ?? [];
  return { v4: find('peers'), v6: find('peers6') };
}

/**
 * The peers an answer returned, in order, with the reason each was chosen. The address is the one
 * the answer carried (from its bytes when recorded); the entry may have moved since.
 */
export function returnedPeers(
  model: ModelView,
  row: Pick<RequestRow, 'peers' | 'reasons'>,
  tree: ReadableNode | null = null,
): ReturnedPeerView[] {
  const lists = compactLists(tree);
  let next4 = 0;
  let next6 = 0;
  return row.peers.map((entry, i) => {
    const e = model.entries.get(entry);
    const owner = model.entryOwner.get(entry);
    const reason = row.reasons[i] ?? null;
    const sent = e?.ip.includes(':') ? lists.v6[next6++] : lists.v4[next4++];
    const ip = sent?.ip ?? e?.ip ?? '?';
    const port = sent?.port ?? e?.port ?? 0;
    const moved = e !== undefined && (e.ip !== ip || e.port !== port);
    return {
      position: i + 1,
      entry,
      ip,
      port,
      movedTo: moved ? `${e.ip}:${e.port}` : null,
      client: owner === undefined || owner === null ? null : (model.clients[owner]?.name ?? null),
      seeder: e?.seeder ?? null,
      reason,
      reasonText: reason === null ? 'no reason recorded' : selectionReasonText[reason],
    };
  });
}

export function describeResponse(model: ModelView, row: RequestRow): ResponseView {
  let tree: ReadableNode | null = null;
  let decodeError: string | null = null;
  let hexLines: string[] = [];
  if (row.body !== null) {
    const bytes = base64Bytes(row.body);
    hexLines = hexDump(bytes);
    if (row.transport === 'udp') {
      const decoded = decodeUdpResponse(bytes, row.remoteIp.includes(':') ? 6 : 4);
      if (decoded.ok) tree = decoded.tree;
      else decodeError = `not a BEP 15 answer: ${decoded.error}`;
    } else {
      const decoded = decodeBencode(bytes);
      if (decoded.ok) tree = readableTree(decoded.value);
      else decodeError = `not bencode: ${decoded.error} at byte ${decoded.offset}`;
    }
  }
  return {
    status: row.status,
    bytes: row.bytes,
    recorded: row.body !== null,
    tree,
    decodeError,
    failure: row.failure,
    warning: row.warning,
    peers: returnedPeers(model, row, tree),
    eligible: row.eligible,
    numwant: row.numwant,
    strategy: row.strategy,
    statsUpdated: row.statsUpdated,
    hexLines,
  };
}

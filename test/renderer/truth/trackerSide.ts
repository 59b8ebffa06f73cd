// The tracker's events for one announce, in the order the tracker emits them: announceReceived,
// creditApplied (private), the peer-list change, announceAnswered, responseSent (with a compact
// bencoded body built byte by byte).
import { asciiBytes, toHex } from '../../../shared/bytes';
import type { SimEvent } from '../../../shared/events';
import type { AnnounceEventName, SelectionReason } from '../../../shared/tracker/events';

export const SEED_INFO_HASH = 'd9a57bb40e1e5af971530d38b0bf269f740f92f3';

export interface Client {
  id: number;
  name: string;
  ip: string;
  port: number;
  peerId: string;
  key: string;
  user: string | null;
  passkey: string | null;
  left: number;
  entry: number | null;
  baseline: { up: number; down: number } | null;
}

export interface AnnounceOptions {
  event: AnnounceEventName;
  uploaded?: number;
  downloaded?: number;
  left?: number;
  target?: string;
  /** Clients whose entries the answer returns, with the reason for each. */
  returns?: { name: string; reason: SelectionReason }[];
}

type Sent = Required<Pick<AnnounceOptions, 'event' | 'uploaded' | 'downloaded' | 'left'>>;

function bstr(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return `${bytes.length}:${s}`;
}

/** Baseline at `started` (or first sight), then the deltas between announces. */
function credit(
  at: { t: number; requestId: number },
  c: Client,
  o: Sent,
  totals: Map<string, { up: number; down: number }>,
): SimEvent[] {
  if (c.user === null) return [];
  const first = o.event === 'started' || c.baseline === null;
  const up = first ? 0 : o.uploaded - c.baseline!.up;
  const down = first ? 0 : o.downloaded - c.baseline!.down;
  c.baseline = { up: o.uploaded, down: o.downloaded };
  const total = totals.get(c.user) ?? { up: 0, down: 0 };
  total.up += up;
  total.down += down;
  totals.set(c.user, total);
  return [
    {
      ...at,
      type: 'creditApplied',
      infoHash: SEED_INFO_HASH,
      peerId: c.peerId,
      user: c.user,
      rule: first ? 'baseline' : 'delta',
      uploaded: up,
      downloaded: down,
      reportedUploaded: o.uploaded,
      reportedDownloaded: o.downloaded,
      totalUploaded: total.up,
      totalDownloaded: total.down,
    },
  ];
}

function peerList(
  at: { t: number; requestId: number },
  c: Client,
  o: Sent,
  nextEntry: () => number,
): SimEvent[] {
  const peer = {
    ...at,
    infoHash: SEED_INFO_HASH,
    peerId: c.peerId,
    ip: c.ip,
    port: c.port,
    seeder: o.left === 0,
  };
  if (o.event === 'stopped' && c.entry !== null) {
    const entry = c.entry;
    c.entry = null;
    return [{ ...peer, type: 'peerRemoved', entry, reason: 'stopped', lastSeen: at.t }];
  }
  if (c.entry === null) {
    c.entry = nextEntry();
    return [{ ...peer, type: 'peerAdded', entry: c.entry, user: c.user }];
  }
  if (o.event === 'paused')
    return [{ ...peer, type: 'peerChanged', entry: c.entry, paused: true, change: 'paused' }];
  if (o.event === 'completed') {
    return [
      { ...peer, type: 'peerChanged', entry: c.entry, paused: false, change: 'seeding' },
      {
        ...at,
        type: 'snatchCounted',
        infoHash: SEED_INFO_HASH,
        peerId: c.peerId,
        user: c.user,
        downloaded: 1,
      },
    ];
  }
  return [];
}

export function trackerSide(
  at: { t: number; requestId: number },
  c: Client,
  o: Sent,
  returns: { client: Client; reason: SelectionReason }[],
  totals: Map<string, { up: number; down: number }>,
  nextEntry: () => number,
): SimEvent[] {
  const ids = { ...at, infoHash: SEED_INFO_HASH, peerId: c.peerId };
  const received: SimEvent = {
    ...ids,
    type: 'announceReceived',
    ip: c.ip,
    port: c.port,
    event: o.event,
    uploaded: o.uploaded,
    downloaded: o.downloaded,
    left: o.left,
    corrupt: 0,
    numwant: 80,
    compact: true,
    noPeerId: false,
    key: toHex(asciiBytes(c.key)),
    trackerId: null,
    passkey: c.passkey,
    user: c.user,
  };
  const peers: number[] = [];
  for (const { client: p } of returns) peers.push(...p.ip.split('.').map(Number), p.port >> 8, p.port & 255);
  // BEP 3 keys in byte order; BEP 23 compact peers.
  const body =
    'd8:completei0e10:downloadedi0e10:incompletei1e8:intervali900e12:min intervali300e' +
    `5:peers${bstr(Uint8Array.from(peers))}e`;
  return [
    received,
    ...credit(at, c, o, totals),
    ...peerList(at, c, o, nextEntry),
    {
      ...ids,
      type: 'announceAnswered',
      interval: 900,
      minInterval: 300,
      complete: 0,
      incomplete: 1,
      downloaded: 0,
      strategy: 'random',
      numwant: 80,
      eligible: returns.length,
      seedersWithheld: 0,
      peers: returns.map((r) => r.client.entry!),
      reasons: returns.map((r) => r.reason),
      compact: true,
      warning: null,
      statsUpdated: true,
    },
    {
      type: 'responseSent',
      t: at.t,
      requestId: at.requestId,
      status: 200,
      bytes: body.length,
      body: btoa(body),
    },
  ];
}

// Words for every announce parameter and event, for the request log's decoder and its tooltips.
// Where each comes from: BEP 3 (the base protocol), BEP 7 (IPv6), BEP 21 (partial seeds, `paused`),
// BEP 23 (compact peer lists); key, trackerid and no_peer_id are in no BEP but in the community
// protocol description (wiki.theory.org) every tracker follows; passkeys and `corrupt` are private
// tracker and client conventions.
import type { AnnounceEventName } from '../tracker/events';

export interface ParamInfo {
  /** What the parameter is, one or two sentences. */
  what: string;
  /** Where it is specified. */
  source: string;
}

export const paramInfo: Record<string, ParamInfo> = {
  passkey: {
    what: 'A private tracker’s secret per-user token, here taken from the URL. It tells the tracker whose account to credit, so anyone who sees it can announce as that user.',
    source: 'private-tracker convention (no BEP)',
  },
  info_hash: {
    what: 'The SHA-1 of the torrent’s bencoded `info` dictionary: 20 raw bytes, percent-encoded. It names the swarm the client wants to join. Decode it byte by byte; it is not text.',
    source: 'BEP 3',
  },
  peer_id: {
    what: 'Twenty bytes the client chose when it started, to tell its own sessions apart. Most clients begin with a readable tag such as -TR1320- (Transmission 1.32) and fill the rest at random.',
    source: 'BEP 3 (client tags: BEP 20)',
  },
  port: {
    what: 'The TCP port on which the client accepts connections from other peers. The address itself is taken from the connection.',
    source: 'BEP 3',
  },
  uploaded: {
    what: 'Bytes this client has sent to other peers since its `started` announce for this torrent. A private tracker credits the growth since the previous announce.',
    source: 'BEP 3',
  },
  downloaded: {
    what: 'Bytes this client has received since its `started` announce. Like uploaded, it is a running total that restarts from 0 when the client does.',
    source: 'BEP 3',
  },
  left: {
    what: 'Bytes the client still needs before it has the whole torrent. 0 means it is a seeder; the tracker lists it as `complete`.',
    source: 'BEP 3',
  },
  corrupt: {
    what: 'Bytes the client downloaded and threw away because a piece failed its hash check. Informational; trackers rarely use it.',
    source: 'client extension (Transmission, libtorrent; no BEP)',
  },
  compact: {
    what: '1: the client can read the peer list packed as 6 bytes per peer (4 of IPv4 address, 2 of port). 0: it wants a list of dictionaries.',
    source: 'BEP 23',
  },
  numwant: {
    what: 'How many peers the client would like in the answer. Optional; trackers use a default (often 50) and cap it.',
    source: 'BEP 3 (optional)',
  },
  no_peer_id: {
    what: '1: the tracker may leave `peer id` out of each peer dictionary. Meaningless with compact=1, which carries no peer ids.',
    source: 'community protocol description (no BEP)',
  },
  key: {
    what: 'A random value the client keeps private (it is never handed to other peers), so it can prove it is the same client after its IP address changes.',
    source: 'community protocol description (no BEP)',
  },
  event: {
    what: 'Why the client is announcing now. Left out for the regular, periodic announce.',
    source: 'BEP 3 (paused: BEP 21)',
  },
  trackerid: {
    what: 'The `tracker id` a previous answer carried, sent back as it was. Lets one tracker tell its own sessions apart.',
    source: 'community protocol description (no BEP)',
  },
  ip: {
    what: 'An address the client claims for itself. Trackers normally ignore it and use the connection’s address: trusting it lets anyone point a swarm at someone else.',
    source: 'BEP 3 (optional; BEP 7 discourages it)',
  },
  ipv4: { what: 'An extra IPv4 address to announce (discouraged by BEP 7 since 2020).', source: 'BEP 7' },
  ipv6: { what: 'An extra IPv6 address to announce (discouraged by BEP 7 since 2020).', source: 'BEP 7' },
};

export const unknownParamInfo: ParamInfo = {
  what: 'A parameter this tracker does not read (a client extension); it is ignored.',
  source: 'not part of the announce protocol this tracker implements',
};

/** Every field a tracker's answer can carry: what it is, and where it is specified. */
export const responseFieldInfo: Record<string, ParamInfo> = {
  interval: {
    what: 'Seconds the client should wait before its next regular announce.',
    source: 'BEP 3',
  },
  'min interval': {
    what: 'Seconds the client must wait before announcing again, even when the user forces an announce. Clients that ignore it get a warning and no stats update.',
    source: 'community protocol description (no BEP)',
  },
  complete: {
    what: 'Seeders in the swarm (peers the tracker lists with left=0).',
    source: 'BEP 3 (as in BEP 48 scrape)',
  },
  incomplete: {
    what: 'Leechers in the swarm (peers still downloading).',
    source: 'BEP 3 (as in BEP 48 scrape)',
  },
  downloaded: { what: 'Completed downloads the tracker has counted (snatches).', source: 'BEP 48' },
  downloaders: { what: 'Peers currently downloading, apart from partial seeds (BEP 21).', source: 'BEP 21' },
  peers: {
    what: 'The peers handed out for the client to connect to: 6 bytes each (4 address, 2 port) when compact, or a list of dictionaries.',
    source: 'BEP 3; compact form BEP 23',
  },
  peers6: { what: 'IPv6 peers, 18 bytes each (16 address, 2 port).', source: 'BEP 7' },
  'peer id': {
    what: 'The peer’s 20-byte peer_id (only in the non-compact list, and not with no_peer_id).',
    source: 'BEP 3',
  },
  ip: { what: 'The peer’s address (non-compact list).', source: 'BEP 3' },
  port: { what: 'The peer’s listening port (non-compact list).', source: 'BEP 3' },
  'failure reason': {
    what: 'The tracker refused the request; nothing else is in the answer. Sent with HTTP 200, as clients expect.',
    source: 'BEP 3',
  },
  'warning message': {
    what: 'A message the client should show; the answer is otherwise normal.',
    source: 'community protocol description (no BEP)',
  },
  'tracker id': {
    what: 'An id the client should send back as trackerid in its next announces.',
    source: 'community protocol description (no BEP)',
  },
  files: { what: 'Scrape: the counts per info hash, keyed by the raw 20-byte hash.', source: 'BEP 48' },
  name: { what: 'The torrent’s name (scrape, optional).', source: 'BEP 48' },
};

/** The event values as they appear on the wire, and what each means. */
export const eventMeaning: Record<AnnounceEventName, string> = {
  started:
    'The first announce of a session: the tracker adds the peer to the swarm, and a private tracker remembers its counters as the baseline for later credit.',
  completed:
    'Sent once, when the download finishes (left reaches 0), per BEP 3; the tracker counts a snatch and lists the peer as a seeder. Not sent when a client starts out complete. Seed 002 claims it is sent when the client is closed: a misconception — closing sends `stopped`.',
  stopped:
    'The client is shutting down or stopping the torrent cleanly: the tracker removes the peer at once and credits its last bytes. A crash sends nothing, leaving a ghost.',
  paused:
    'BEP 21: the client is a partial seed (it wants nothing more, but still uploads) and says so in every announce. The tracker counts it apart from downloaders.',
  none: 'No event: the regular announce sent every `interval` (BEP 3’s empty event), or one forced by the user.',
};

/** The label for an event in lists and filters. */
export const eventLabel: Record<AnnounceEventName, string> = {
  started: 'started',
  completed: 'completed',
  stopped: 'stopped',
  paused: 'paused',
  none: 'regular',
};

export function isAnnounceEvent(value: string): value is AnnounceEventName {
  return (
    value === 'started' ||
    value === 'completed' ||
    value === 'stopped' ||
    value === 'paused' ||
    value === 'none'
  );
}

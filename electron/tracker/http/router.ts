// HTTP semantics on top of the protocol core, still without sockets: route the request target,
// parse the query, call the core, encode the answer. The node:http adapter and the in-process
// transport both go through here, so both see the same bytes and produce the same events.
import type { TrackerTransport } from '../../../shared/tracker/events';
import { isLoopback, parseAddress, type PeerAddress } from '../address';
import { encodeAnnounce, encodeFailure, encodeScrape } from '../encode';
import type { RequestContext } from '../request';
import type { Tracker } from '../tracker';
import { parseAnnounceQuery, parseScrapeQuery } from './announceParams';

export interface HttpRequestLike {
  method: string;
  /** The request target as received (path and query), e.g. `/announce?info_hash=…`. */
  target: string;
  remoteIp: string;
  remotePort: number;
  transport: TrackerTransport;
}

export interface HttpReply {
  /** The tracker's number for this request (events carry it). */
  requestId: number;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** Longer targets get 414; a scrape of 100 hashes needs about 6,100 bytes. */
export const MAX_TARGET_LENGTH = 8192;

const BENCODE_TYPE = 'text/plain';
const PASSKEY_SEGMENT = /^\/([A-Za-z0-9_-]{1,64})\/(announce|scrape)$/;
const UNKNOWN_REMOTE: PeerAddress = { family: 4, bytes: new Uint8Array(4), text: '0.0.0.0' };

export function handleHttp(tracker: Tracker, req: HttpRequestLike, now: number): HttpReply {
  const requestId = tracker.nextRequestId();
  const observed = tracker.observed;
  if (observed) {
    tracker.emit({
      type: 'requestReceived',
      t: now,
      requestId,
      transport: req.transport,
      remoteIp: req.remoteIp,
      remotePort: req.remotePort,
      method: req.method,
      target:
        req.target.length > MAX_TARGET_LENGTH ? req.target.slice(0, MAX_TARGET_LENGTH) + '…' : req.target,
    });
  }
  const routed = route(tracker, req, requestId, now);
  if (observed) {
    const recordBody = routed.headers['content-type'] === BENCODE_TYPE;
    tracker.emit({
      type: 'responseSent',
      t: now,
      requestId,
      status: routed.status,
      bytes: routed.body.length,
      body: recordBody
        ? Buffer.from(routed.body.buffer, routed.body.byteOffset, routed.body.length).toString('base64')
        : null,
    });
  }
  return { requestId, status: routed.status, headers: routed.headers, body: routed.body };
}

type Routed = Omit<HttpReply, 'requestId'>;

function route(tracker: Tracker, req: HttpRequestLike, requestId: number, now: number): Routed {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return plain(tracker, requestId, now, 405, 'method not allowed: use GET', { allow: 'GET, HEAD' });
  }
  if (req.target.length > MAX_TARGET_LENGTH) {
    return plain(tracker, requestId, now, 414, `request target longer than ${MAX_TARGET_LENGTH} bytes`);
  }
  const q = req.target.indexOf('?');
  const path = q === -1 ? req.target : req.target.slice(0, q);
  const query = q === -1 ? '' : req.target.slice(q + 1);
  const remote = remoteAddress(req.remoteIp);

  let kind: 'announce' | 'scrape' | null = null;
  let pathPasskey: string | null = null;
  if (path === '/announce' || path === '/scrape') {
    kind = path === '/announce' ? 'announce' : 'scrape';
  } else if (path === '/stats.json') {
    return statsReply(tracker, requestId, now, remote, query);
  } else {
    const m = PASSKEY_SEGMENT.exec(path);
    if (m && tracker.settings.private) {
      pathPasskey = m[1]!;
      kind = m[2] as 'announce' | 'scrape';
    }
  }
  if (kind === null) return plain(tracker, requestId, now, 404, `not found: ${path.slice(0, 200)}`);

  const ctx: RequestContext = {
    requestId,
    transport: req.transport,
    remote,
    remotePort: req.remotePort,
    now,
  };

  if (kind === 'announce') {
    const params = parseAnnounceQuery(query, pathPasskey);
    if (!params.ok) return failure(tracker, requestId, now, params.reason, params.field);
    const result = tracker.announce(params.value, ctx);
    if (!result.ok) return failure(tracker, requestId, now, result.reason, result.field);
    return bencoded(encodeAnnounce(result.answer, result.compact, result.noPeerId));
  }
  const params = parseScrapeQuery(query, pathPasskey);
  if (!params.ok) return failure(tracker, requestId, now, params.reason, params.field);
  const result = tracker.scrape(params.value, ctx);
  if (!result.ok) return failure(tracker, requestId, now, result.reason, result.field);
  return bencoded(encodeScrape(result.files));
}

const BENCODE_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': BENCODE_TYPE });

function bencoded(body: Uint8Array): Routed {
  return { status: 200, headers: BENCODE_HEADERS, body };
}

/** Parsed socket addresses, remembered: the same clients come back every interval. */
const addressCache = new Map<string, PeerAddress>();
const ADDRESS_CACHE_SIZE = 4096;

function remoteAddress(ip: string): PeerAddress {
  let address = addressCache.get(ip);
  if (address === undefined) {
    address = parseAddress(ip) ?? UNKNOWN_REMOTE;
    if (addressCache.size >= ADDRESS_CACHE_SIZE) addressCache.clear();
    addressCache.set(ip, address);
  }
  return address;
}

/** Tracker-level failures are HTTP 200 with a bencoded `failure reason`, which is what clients show. */
function failure(
  tracker: Tracker,
  requestId: number,
  now: number,
  reason: string,
  field: string | null,
): Routed {
  tracker.emit({ type: 'requestFailed', t: now, requestId, status: 200, reason, field });
  return bencoded(encodeFailure(reason));
}

function plain(
  tracker: Tracker,
  requestId: number,
  now: number,
  status: number,
  reason: string,
  headers: Record<string, string> = {},
): Routed {
  if (tracker.observed)
    tracker.emit({ type: 'requestFailed', t: now, requestId, status, reason, field: null });
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
    body: new TextEncoder().encode(reason + '\n'),
  };
}

function statsReply(
  tracker: Tracker,
  requestId: number,
  now: number,
  remote: PeerAddress,
  query: string,
): Routed {
  if (tracker.settings.statsAccess === 'loopback' && !isLoopback(remote)) {
    return plain(tracker, requestId, now, 403, 'stats are served to loopback clients only');
  }
  const includePeers = !/(^|&)peers=0(&|$)/.test(query);
  const body = new TextEncoder().encode(JSON.stringify(tracker.stats(includePeers)));
  return { status: 200, headers: { 'content-type': 'application/json' }, body };
}

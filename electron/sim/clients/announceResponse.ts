// What a client makes of the tracker's answer: it decodes the bencoded bytes itself, as a real
// client does, so a malformed or unexpected answer is the client's problem, not the tracker's.
import bencode from 'bencode';

export interface ReturnedPeer {
  ip: string;
  port: number;
}

export interface DecodedAnnounce {
  failureReason: string | null;
  warning: string | null;
  interval: number | null;
  minInterval: number | null;
  trackerId: string | null;
  peers: ReturnedPeer[];
}

const utf8 = new TextDecoder();

function field(dict: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : undefined;
}

function asText(value: unknown): string | null {
  return value instanceof Uint8Array ? utf8.decode(value) : null;
}

function asInt(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function compactPeers(bytes: Uint8Array, size: 6 | 18): ReturnedPeer[] {
  const out: ReturnedPeer[] = [];
  for (let i = 0; i + size <= bytes.length; i += size) {
    const ip =
      size === 6
        ? `${bytes[i]}.${bytes[i + 1]}.${bytes[i + 2]}.${bytes[i + 3]}`
        : Array.from({ length: 8 }, (_, k) =>
            ((bytes[i + 2 * k]! << 8) | bytes[i + 2 * k + 1]!).toString(16),
          ).join(':');
    out.push({ ip, port: (bytes[i + size - 2]! << 8) | bytes[i + size - 1]! });
  }
  return out;
}

function dictPeers(list: unknown[]): ReturnedPeer[] {
  const out: ReturnedPeer[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null || entry instanceof Uint8Array) continue;
    const ip = asText(field(entry as Record<string, unknown>, 'ip'));
    const port = asInt(field(entry as Record<string, unknown>, 'port'));
    if (ip !== null && port !== null) out.push({ ip, port });
  }
  return out;
}

export function decodeAnnounce(body: Uint8Array): DecodedAnnounce {
  let value: unknown;
  try {
    value = bencode.decode(body);
  } catch {
    return {
      failureReason: 'unreadable tracker response',
      warning: null,
      interval: null,
      minInterval: null,
      trackerId: null,
      peers: [],
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) {
    return {
      failureReason: 'tracker response is not a dictionary',
      warning: null,
      interval: null,
      minInterval: null,
      trackerId: null,
      peers: [],
    };
  }
  const dict = value as Record<string, unknown>;
  const peersField = field(dict, 'peers');
  const peers6 = field(dict, 'peers6');
  const peers = [
    ...(peersField instanceof Uint8Array
      ? compactPeers(peersField, 6)
      : Array.isArray(peersField)
        ? dictPeers(peersField)
        : []),
    ...(peers6 instanceof Uint8Array ? compactPeers(peers6, 18) : []),
  ];
  return {
    failureReason: asText(field(dict, 'failure reason')),
    warning: asText(field(dict, 'warning message')),
    interval: asInt(field(dict, 'interval')),
    minInterval: asInt(field(dict, 'min interval')),
    trackerId: asText(field(dict, 'tracker id')),
    peers,
  };
}

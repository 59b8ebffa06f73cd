// A UDP tracker answer (BEP 15) as a readable tree for the request log, like a bencoded one:
// connect → connection_id; announce → interval, leechers, seeders and the compact peers (6-byte
// over IPv4, 18-byte over IPv6); scrape → per-torrent counts; error → the message.
import { toHex } from '../bytes';
import { compactPeers, readableText, type ReadableNode } from './bencodeTree';

const ACTIONS = ['connect', 'announce', 'scrape', 'error'] as const;

function leaf(
  label: string,
  kind: 'int' | 'text' | 'hex',
  value: string,
  length: number | null = null,
): ReadableNode {
  return { label, labelIsHex: false, kind, value, length, children: [], peers: null };
}

function u32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at);
}

export type UdpDecodeResult = { ok: true; tree: ReadableNode } | { ok: false; error: string };

/** `family`: the address family the request came over (it decides the peers' size, BEP 15). */
export function decodeUdpResponse(bytes: Uint8Array, family: 4 | 6): UdpDecodeResult {
  if (bytes.length < 8)
    return { ok: false, error: `a UDP answer has at least 8 bytes, this one ${bytes.length}` };
  const action = u32(bytes, 0);
  const name = ACTIONS[action];
  if (name === undefined) return { ok: false, error: `unknown action ${action}` };
  const children: ReadableNode[] = [
    leaf('action', 'int', `${action} (${name})`),
    leaf('transaction_id', 'hex', toHex(bytes.subarray(4, 8)), 4),
  ];
  if (name === 'connect') {
    if (bytes.length < 16) return { ok: false, error: 'a connect answer has 16 bytes' };
    children.push(leaf('connection_id', 'hex', toHex(bytes.subarray(8, 16)), 8));
  } else if (name === 'announce') {
    if (bytes.length < 20) return { ok: false, error: 'an announce answer has at least 20 bytes' };
    children.push(
      leaf('interval', 'int', String(u32(bytes, 8))),
      leaf('leechers', 'int', String(u32(bytes, 12))),
      leaf('seeders', 'int', String(u32(bytes, 16))),
    );
    const raw = bytes.subarray(20);
    const label = family === 6 ? 'peers6' : 'peers';
    const peers = compactPeers(raw, family);
    if (peers === null)
      return {
        ok: false,
        error: `${raw.length} bytes of peers is not a whole number of ${family === 6 ? 18 : 6}-byte entries`,
      };
    children.push({
      label,
      labelIsHex: false,
      kind: 'peers',
      value: toHex(raw),
      length: raw.length,
      children: [],
      peers,
    });
  } else if (name === 'scrape') {
    const files = bytes.subarray(8);
    if (files.length % 12 !== 0) return { ok: false, error: 'a scrape answer has 12 bytes per torrent' };
    for (let i = 0; i < files.length / 12; i++) {
      children.push({
        label: `[${i}]`,
        labelIsHex: false,
        kind: 'dict',
        value: '',
        length: null,
        peers: null,
        children: [
          leaf('seeders', 'int', String(u32(files, i * 12))),
          leaf('completed', 'int', String(u32(files, i * 12 + 4))),
          leaf('leechers', 'int', String(u32(files, i * 12 + 8))),
        ],
      });
    }
  } else {
    const message = bytes.subarray(8);
    children.push(leaf('message', 'text', readableText(message) ?? toHex(message), message.length));
  }
  return {
    ok: true,
    tree: { label: '', labelIsHex: false, kind: 'dict', value: '', length: null, children, peers: null },
  };
}

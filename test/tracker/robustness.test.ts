// Random and hostile query strings: the router never throws, always answers with a status a client
// understands, every bencoded body decodes, and the swarm's counts stay consistent with its peers.
import bencode from 'bencode';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../shared/prng';
import type { TrackerSettings } from '../../shared/tracker/settings';
import { testTracker } from './helpers';

const NAMES = [
  'info_hash',
  'peer_id',
  'port',
  'uploaded',
  'downloaded',
  'left',
  'corrupt',
  'event',
  'numwant',
].concat(['compact', 'no_peer_id', 'key', 'trackerid', 'ip', 'passkey', 'x']);
const CHARS = 'aZ09%&=+-_.~!*()[]:#/?\u00e9\u0100\u0000 ';
const PATHS = ['/announce', '/scrape', '/k/announce', '/k/scrape', '/stats.json', '/zz/announce', '/'];
const IPS = ['127.0.0.1', '10.0.0.1', '10.0.0.2', '::1', '2001:db8::5', 'not an address'];

const settingsCases: [string, Partial<TrackerSettings>][] = [
  ['public defaults', {}],
  ['private', { private: true }],
  [
    'ip:port, trusted ip, same-subnet-first',
    { peerIdentity: 'ip:port', trustIpParam: true, selection: 'same-subnet-first' },
  ],
  ['paused and early announces refused', { pausedHandling: 'reject', minIntervalEnforcement: 'reject' }],
];

function plausible(rng: ReturnType<typeof createPrng>, name: string): string {
  if (name === 'info_hash') return '%AA'.repeat(19) + '%A' + rng.int(0, 3);
  if (name === 'peer_id') return 'peer-' + rng.int(0, 9) + 'x'.repeat(14);
  if (name === 'port') return String(rng.int(1, 3));
  return String(rng.int(0, 2) * 1000);
}

function randomValue(rng: ReturnType<typeof createPrng>, name: string): string {
  if (name === 'event' && rng.float() < 0.7)
    return ['started', 'stopped', 'completed', 'paused', '', 'empty'][rng.int(0, 5)]!;
  if (name === 'ip' && rng.float() < 0.7)
    return ['1.2.3.4', '::1', '::ffff:1.2.3.4', '999.1.1.1'][rng.int(0, 3)]!;
  let value = '';
  const mode = rng.int(0, 2);
  for (let k = rng.int(0, 24); k > 0; k--) {
    if (mode === 0) value += CHARS[rng.int(0, CHARS.length - 1)];
    else if (mode === 1) value += '%' + rng.int(0, 255).toString(16).padStart(2, '0');
    else value += String(rng.int(0, 9));
  }
  return value;
}

describe('random queries', () => {
  it.each(settingsCases)('never break the tracker: %s', (_name, settings) => {
    const rng = createPrng(5);
    const t = testTracker(settings, [{ passkey: 'k', name: 'kim' }]);
    for (let i = 0; i < 2500; i++) {
      // The required parameters, usually present and plausible, then a few random ones.
      const parts = ['info_hash', 'peer_id', 'port', 'uploaded', 'downloaded', 'left']
        .filter(() => rng.float() < 0.97)
        .map((name) => `${name}=${rng.float() < 0.9 ? plausible(rng, name) : randomValue(rng, name)}`);
      for (let k = rng.int(0, 3); k > 0; k--) {
        const name = NAMES[rng.int(0, NAMES.length - 1)]!;
        parts.push(`${name}=${randomValue(rng, name)}`);
      }
      const query = parts.join('&');
      const path =
        rng.float() < 0.6
          ? ['/announce', '/k/announce'][rng.int(0, 1)]!
          : PATHS[rng.int(0, PATHS.length - 1)]!;
      const target = `${path}?${query}`;
      const reply = t.get(target, { ip: IPS[rng.int(0, IPS.length - 1)], now: i * 1000 });
      expect([200, 403, 404]).toContain(reply.status);
      if (reply.headers['content-type'] === 'text/plain') {
        const decoded: unknown = bencode.decode(reply.body);
        expect(decoded, target).toBeTypeOf('object');
      }
      if (i % 500 === 499) t.tracker.sweep(i * 1000);
    }
    expect(t.eventsOf('announceAnswered').length).toBeGreaterThan(50); // enough got through to the core
    for (const torrent of t.tracker.stats().torrents) {
      const peers = torrent.peers!;
      expect(peers.filter((p) => p.seeder)).toHaveLength(torrent.complete);
      expect(peers.filter((p) => !p.seeder)).toHaveLength(torrent.incomplete);
      expect(peers.filter((p) => !p.seeder && !p.paused)).toHaveLength(torrent.downloaders);
    }
  });
});

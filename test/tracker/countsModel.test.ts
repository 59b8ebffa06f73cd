// Counts against a model over long random sequences: whatever the order of started, regular, paused
// (BEP 21), completed and stopped announces, left changes and expiry sweeps, the scrape and stats()
// report exactly the model's complete / incomplete / downloaders / downloaded.
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../shared/prng';
import { id20, scrapeCounts, testTracker } from './helpers';

interface ModelPeer {
  seeder: boolean;
  paused: boolean;
  snatched: boolean;
  lastSeen: number;
}

const EVENTS = ['none', 'none', 'started', 'completed', 'stopped', 'paused'] as const;
const PEERS = 8;
const TIMEOUT_S = 30;

describe('counts over random announce sequences', () => {
  it.each([1, 2, 3])('match a model of the swarm (sequence %i)', (seed) => {
    const rng = createPrng(seed);
    const t = testTracker({ peerTimeout: TIMEOUT_S, pausedHandling: 'bep21' });
    const model = new Map<number, ModelPeer>();
    let downloaded = 0;
    let now = 0;
    for (let step = 0; step < 1000; step++) {
      now += rng.int(0, 3) * 1000;
      if (rng.float() < 0.05) {
        // BEP 3 peers time out: the sweep removes every peer silent for peerTimeout or longer.
        t.tracker.sweep(now);
        for (const [n, p] of model) if (p.lastSeen <= now - TIMEOUT_S * 1000) model.delete(n);
      } else {
        const n = rng.int(0, PEERS - 1);
        const event = EVENTS[rng.int(0, EVENTS.length - 1)]!;
        const left = rng.float() < 0.5 ? 0 : 100;
        t.announce(
          { peerId: id20(`peer${n}`), left, event: event === 'none' ? undefined : event },
          { ip: `10.0.0.${n + 1}`, now },
        );
        const known = model.get(n);
        if (event === 'stopped') {
          model.delete(n);
        } else {
          const p = known ?? { seeder: false, paused: false, snatched: false, lastSeen: now };
          p.seeder = left === 0;
          p.paused = event === 'paused';
          p.lastSeen = now;
          // Public tracker: a snatch counts once per listed peer, and only with left=0.
          if (event === 'completed' && left === 0 && !p.snatched) {
            p.snatched = true;
            downloaded++;
          }
          model.set(n, p);
        }
      }
      const peers = [...model.values()];
      const complete = peers.filter((p) => p.seeder).length;
      const incomplete = peers.length - complete;
      const downloaders = peers.filter((p) => !p.seeder && !p.paused).length;
      const expected = { complete, incomplete, downloaded, downloaders };
      expect(scrapeCounts(t), `step ${step}`).toEqual(expected);
      const torrent = t.tracker.stats().torrents[0];
      if (torrent) expect({ ...torrent, infoHash: undefined, peers: undefined }).toMatchObject(expected);
      else expect(expected).toEqual({ complete: 0, incomplete: 0, downloaded: 0, downloaders: 0 });
    }
  });
});

// One torrent's swarm: its seeders and leechers (as peer slots) and its counters. The counts the
// tracker reports are the list lengths, so they cannot drift from the peers actually listed.
import { SlotList } from './slotList';

export class Swarm {
  /** Completed downloads counted (the `downloaded` field); survives restarts like a tracker's DB. */
  snatches = 0;
  /** Leechers that announced `event=paused` (BEP 21 partial seeds): incomplete but not downloading. */
  pausedLeechers = 0;

  constructor(
    readonly index: number,
    readonly infoHash: Uint8Array,
    readonly infoHashHex: string,
    readonly seeders = new SlotList(),
    readonly leechers = new SlotList(),
  ) {}

  get complete(): number {
    return this.seeders.length;
  }

  get incomplete(): number {
    return this.leechers.length;
  }

  get downloaders(): number {
    return this.leechers.length - this.pausedLeechers;
  }

  get size(): number {
    return this.seeders.length + this.leechers.length;
  }
}

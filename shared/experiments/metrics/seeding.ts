// Seeder upload utilisation: bytes uploaded while seeding over what the seeders could have uploaded,
// Σ uploadCapacity × time in the `seeding` state. Initial seeders and finished leechers both count.
// A progress report's bytes count as seeding bytes when the client's `left` was already 0 before
// it: the simulation flushes progress at the tick a download completes, so no report mixes the two.
import type { LoggedEvent } from '../../events';

export class SeedingTracker {
  private readonly capacity = new Map<number, number>();
  private readonly left = new Map<number, number>();
  private readonly seedingSince = new Map<number, number>();
  /** Σ capacity (bytes/s) × seeding milliseconds. */
  private capacityByteMs = 0;
  private seedingUploaded = 0;

  observe(e: LoggedEvent): void {
    switch (e.type) {
      case 'clientCreated':
        this.capacity.set(e.clientId, e.uploadCapacity);
        this.left.set(e.clientId, e.left);
        break;
      case 'clientStateChanged':
        if (e.state === 'seeding') this.seedingSince.set(e.clientId, e.t);
        else if (e.previous === 'seeding') this.close(e.clientId, e.t);
        break;
      case 'transfersProgressed':
        for (let i = 0; i < e.clients.length; i++) {
          const id = e.clients[i]!;
          if (this.left.get(id) === 0) this.seedingUploaded += e.uploaded[i]!;
          this.left.set(id, e.left[i]!);
        }
        break;
      default:
        break;
    }
  }

  private close(id: number, t: number): void {
    const since = this.seedingSince.get(id);
    if (since === undefined) return;
    this.capacityByteMs += this.capacity.get(id)! * (t - since);
    this.seedingSince.delete(id);
  }

  /** Uploaded while seeding / (capacity × seeding time); null when nobody seeded. */
  finish(endMs: number): { seederUtilisation: number | null; seedingUploaded: number } {
    for (const id of [...this.seedingSince.keys()]) this.close(id, endMs);
    const capacityBytes = this.capacityByteMs / 1000;
    return {
      seederUtilisation: capacityBytes > 0 ? this.seedingUploaded / capacityBytes : null,
      seedingUploaded: this.seedingUploaded,
    };
  }
}

// Accounting error of a private tracker: per user, |credited − true| for upload and for download,
// summed over users, over the true bytes moved (upload + download). True bytes are what the
// clients' progress reports say they moved; credits are the tracker's creditApplied. It includes the
// lag since each client's last announce (the tracker only learns at announce time). Null for a
// public swarm (no client announces as a user).
import type { LoggedEvent } from '../../events';

interface Totals {
  up: number;
  down: number;
}

export class AccountingTracker {
  private readonly userOf = new Map<number, string>();
  private readonly truth = new Map<string, Totals>();
  private readonly credited = new Map<string, Totals>();

  private totals(map: Map<string, Totals>, user: string): Totals {
    let t = map.get(user);
    if (!t) map.set(user, (t = { up: 0, down: 0 }));
    return t;
  }

  observe(e: LoggedEvent): void {
    switch (e.type) {
      case 'clientCreated':
        if (e.user !== null) {
          this.userOf.set(e.clientId, e.user);
          this.totals(this.truth, e.user);
        }
        break;
      case 'transfersProgressed':
        for (let i = 0; i < e.clients.length; i++) {
          const user = this.userOf.get(e.clients[i]!);
          if (user === undefined) continue;
          const t = this.totals(this.truth, user);
          t.up += e.uploaded[i]!;
          t.down += e.downloaded[i]!;
        }
        break;
      case 'creditApplied': {
        const t = this.totals(this.credited, e.user);
        t.up += e.uploaded;
        t.down += e.downloaded;
        break;
      }
      default:
        break;
    }
  }

  finish(): { accountingError: number | null } {
    if (this.userOf.size === 0) return { accountingError: null };
    let error = 0;
    let moved = 0;
    for (const user of new Set([...this.truth.keys(), ...this.credited.keys()])) {
      const truth = this.truth.get(user) ?? { up: 0, down: 0 };
      const credit = this.credited.get(user) ?? { up: 0, down: 0 };
      error += Math.abs(credit.up - truth.up) + Math.abs(credit.down - truth.down);
      moved += truth.up + truth.down;
    }
    return { accountingError: moved > 0 ? error / moved : null };
  }
}

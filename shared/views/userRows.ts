// Per user, for private trackers: what the tracker credited (its totals and snatch count) beside
// what the user's clients really moved and really finished.
import type { SwarmModel } from './model';

export interface UserTruthRow {
  name: string;
  clients: number;
  /** Clients the tracker lists now (seeding, leeching). */
  seeding: number;
  leeching: number;
  creditedUploaded: number;
  creditedDownloaded: number;
  trueUploaded: number;
  trueDownloaded: number;
  /** Snatches the tracker counted (event=completed, by its snatch rule). */
  snatches: number;
  /** Downloads the user's clients really finished (downloaded something, nothing left). */
  finished: number;
}

type ModelView = Pick<SwarmModel, 'clients' | 'users'>;

export function userRows(model: ModelView): UserTruthRow[] {
  const rows = new Map<string, UserTruthRow>();
  const row = (name: string): UserTruthRow => {
    let r = rows.get(name);
    if (!r) {
      const u = model.users.get(name);
      r = {
        name,
        clients: 0,
        seeding: 0,
        leeching: 0,
        creditedUploaded: u?.creditedUploaded ?? 0,
        creditedDownloaded: u?.creditedDownloaded ?? 0,
        trueUploaded: 0,
        trueDownloaded: 0,
        snatches: u?.snatches ?? 0,
        finished: 0,
      };
      rows.set(name, r);
    }
    return r;
  };
  for (const name of model.users.keys()) row(name);
  for (const c of model.clients) {
    if (!c || c.user === null) continue;
    const r = row(c.user);
    r.clients++;
    if (c.listedAs === 'seeder') r.seeding++;
    else if (c.listedAs === 'leecher') r.leeching++;
    r.trueUploaded += c.trueUploaded;
    r.trueDownloaded += c.trueDownloaded;
    if (c.left === 0 && c.trueDownloaded > 0) r.finished++;
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
}

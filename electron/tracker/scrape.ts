// Scrape (BEP 48): counts for each requested torrent; unknown torrents are reported as zeros.
import type { ScrapeCounts } from './encode';
import type { Rejection, RequestContext, ScrapeRequest } from './request';
import { reject } from './request';
import { hex, type TrackerState } from './state';

/** A scrape may not list more torrents than this (opentracker allows 64, aquatic 100). */
export const MAX_SCRAPE_HASHES = 100;

export type ScrapeResult = { ok: true; files: ScrapeCounts[] } | ({ ok: false } & Rejection);

export function scrape(state: TrackerState, req: ScrapeRequest, ctx: RequestContext): ScrapeResult {
  let user: string | null = null;
  if (state.settings.private) {
    if (req.passkey === null) return reject('this tracker is private: scrape with your passkey', 'passkey');
    const account = state.users.byKey(req.passkey);
    if (!account) return reject('unknown passkey', 'passkey');
    user = account.name;
  }
  if (req.infoHashes.length === 0)
    return reject('missing info_hash (full scrapes are not offered)', 'info_hash');
  if (req.infoHashes.length > MAX_SCRAPE_HASHES) {
    return reject(`too many info_hash values (at most ${MAX_SCRAPE_HASHES})`, 'info_hash');
  }
  const unique = new Map<string, Uint8Array>();
  for (const infoHash of req.infoHashes) unique.set(hex(infoHash), infoHash);
  if (state.observed) {
    state.emit({
      type: 'scrapeReceived',
      t: ctx.now,
      requestId: ctx.requestId,
      infoHashes: [...unique.keys()],
      passkey: req.passkey,
      user,
    });
  }
  const files: ScrapeCounts[] = [];
  for (const [infoHashHex, infoHash] of unique) {
    const swarm = state.store.swarm(infoHashHex);
    files.push({
      infoHash,
      complete: swarm?.complete ?? 0,
      incomplete: swarm?.incomplete ?? 0,
      downloaded: swarm?.snatches ?? 0,
      downloaders: swarm?.downloaders ?? 0,
    });
  }
  if (state.observed) {
    state.emit({
      type: 'scrapeAnswered',
      t: ctx.now,
      requestId: ctx.requestId,
      files: files.map((f) => ({
        infoHash: hex(f.infoHash),
        complete: f.complete,
        incomplete: f.incomplete,
        downloaded: f.downloaded,
        downloaders: f.downloaders,
      })),
    });
  }
  return { ok: true, files };
}

// The event → view-state reducer (shared/views) that the renderer's store applies: everything the
// views show must follow from the log alone and agree with the engine's own truth and tracker.
import { describe, expect, it } from 'vitest';
import { divergences } from '../../shared/views/divergence';
import { SwarmModel } from '../../shared/views/model';
import { run } from '../engine/helpers';

async function modelOf(preset: string, until?: number) {
  const r = await run(preset, until === undefined ? {} : { until });
  const model = new SwarmModel();
  model.apply(r.events);
  return { r, model };
}

describe('SwarmModel', () => {
  it('truth per client equals the simulation’s, credit equals the engine report’s', async () => {
    const { r, model } = await modelOf('lost-final-credit');
    const report = r.engine.report();
    for (const c of report.clients) {
      const row = model.clients[model.clientsByName.get(c.name)!]!;
      expect([row.trueUploaded, row.trueDownloaded], c.name).toEqual([c.trueUploaded, c.trueDownloaded]);
      expect([row.creditedUploaded, row.creditedDownloaded], c.name).toEqual([
        c.creditedUploaded,
        c.creditedDownloaded,
      ]);
      expect(row.state, c.name).toBe(c.state);
    }
  });

  it('lists exactly the peers the tracker lists, with the same counts', async () => {
    const { r, model } = await modelOf('ip-change-key', 30 * 60_000);
    const stats = r.engine.trackerCore.stats().torrents[0]!;
    const listed = model.clients.flatMap((c) => [...c.listedEntries]);
    expect(listed.length).toBe(stats.peers!.length);
    const torrent = [...model.torrents.values()][0]!;
    expect([torrent.complete, torrent.incomplete, torrent.downloaded]).toEqual([
      stats.complete,
      stats.incomplete,
      stats.downloaded,
    ]);
    // The keyless client moved and is listed twice at this point (its old entry has not expired yet).
    expect(model.clients[model.clientsByName.get('keyless')!]!.listedEntries.size).toBe(2);
  });

  it('every request row carries the target as on the wire, the client, the event and the answer', async () => {
    const { model } = await modelOf('anatomy-of-a-session', 20 * 60_000);
    const you = model.clientsByName.get('you')!;
    const rows = model.requests.filter((row) => row.clientId === you);
    expect(rows.map((row) => row.event)).toEqual(['started', 'none']);
    expect(rows[0]!.target.startsWith('/3bfa64edd509add1c7516d7a62700366/announce?info_hash=%D9%A5')).toBe(
      true,
    );
    expect(rows[0]!).toMatchObject({
      kind: 'announce',
      status: 200,
      failure: null,
      numwant: 80,
      strategy: 'random',
    });
    expect(rows[0]!.peers.map((entry) => model.entryOwner.get(entry))).toEqual([
      model.clientsByName.get('seeder'),
    ]);
    expect(rows[0]!.body).not.toBeNull();
  });

  it('a crashed client the tracker still lists reads as a ghost, then not', async () => {
    const during = await modelOf('crash-ghost', 30 * 60_000);
    const crasher = during.model.clients[during.model.clientsByName.get('crasher')!]!;
    expect(divergences(crasher, 30 * 60_000).map((d) => d.kind)).toContain('ghost');
    const after = await modelOf('crash-ghost', 60 * 60_000);
    const gone = after.model.clients[after.model.clientsByName.get('crasher')!]!;
    expect(gone.listedEntries.size).toBe(0);
    expect(divergences(gone, 60 * 60_000).map((d) => d.kind)).not.toContain('ghost');
  });

  it('truncating rebuilds exactly the state of the shorter log', async () => {
    const { r, model } = await modelOf('steady-swarm', 20 * 60_000);
    const cut = Math.floor(r.events.length / 2);
    model.truncate(cut);
    const fresh = new SwarmModel();
    fresh.apply(r.events.slice(0, cut));
    expect(model.events.length).toBe(cut);
    expect(model.clients).toEqual(fresh.clients);
    expect(model.requests).toEqual(fresh.requests);
    expect(model.counts).toEqual(fresh.counts);
  });

  it('ignores events it has already applied (a replay after reconnecting)', async () => {
    const { r, model } = await modelOf('crash-ghost', 10 * 60_000);
    const before = structuredClone(model.clients);
    model.apply(r.events.slice(0, 50));
    expect(model.clients).toEqual(before);
  });
});

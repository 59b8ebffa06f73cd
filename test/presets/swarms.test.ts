import { describe, expect, it } from 'vitest';
import { run } from '../engine/helpers';

describe('steady-swarm', () => {
  it('every leecher completes, announces completed once and stopped once, and the tracker ends with exact counts', async () => {
    const r = await run('steady-swarm');
    const report = r.engine.report();
    const peers = report.clients.filter((c) => c.name.startsWith('peer-'));
    expect(peers).toHaveLength(60);
    const finished = peers.filter((c) => c.completionMs !== null);
    expect(finished.length).toBeGreaterThan(50);
    for (const c of finished) {
      const sent = r.of('announceSent').filter((e) => e.clientId === r.id(c.name));
      expect(sent.filter((e) => e.event === 'completed')).toHaveLength(1);
      expect(sent.filter((e) => e.event === 'stopped').length).toBe(c.state === 'stopped' ? 1 : 0);
    }
    const stats = r.engine.trackerCore.stats(false).torrents[0]!;
    const running = r.engine.simulation.ctx.clients.filter((c) => c.lifecycle === 'running');
    expect(stats.complete).toBe(running.filter((c) => c.state === 'seeding').length);
    expect(stats.incomplete).toBe(running.filter((c) => c.state === 'leeching').length);
    expect(stats.downloaded).toBe(finished.length);
  });
});

describe('flash-crowd', () => {
  it('200 started announces arrive within the two-minute burst', async () => {
    const r = await run('flash-crowd');
    const started = r.of('announceReceived').filter((e) => e.event === 'started');
    expect(started).toHaveLength(201);
    const crowd = started.slice(1);
    expect(crowd.every((e) => e.t >= 60_000 && e.t <= 180_050)).toBe(true);
    const perMinute = new Map<number, number>();
    for (const e of r.of('requestReceived'))
      perMinute.set(Math.floor(e.t / 60_000), (perMinute.get(Math.floor(e.t / 60_000)) ?? 0) + 1);
    const peak = Math.max(...perMinute.values());
    expect(peak).toBeGreaterThanOrEqual(100);
    expect(perMinute.get(50) ?? 0).toBeLessThan(peak / 4);
  });
});

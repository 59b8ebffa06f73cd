import { describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { peerIdsOf, preset } from '../engine/helpers';

describe('stats-at-announce (pitfall 1)', () => {
  it('between announces the credited total is frozen while the true total grows; each announce catches up exactly', async () => {
    const engine = await Engine.create({ scenario: preset('stats-at-announce') });
    const samples: { t: number; truth: number; credited: number; lastReport: number; announces: number }[] =
      [];
    for (let t = 5 * 60_000; t <= 110 * 60_000; t += 5 * 60_000) {
      await engine.advanceTo(t);
      const alice = engine.simulation.client('alice')!;
      const ids = peerIdsOf({ events: engine.events() } as never, alice.id);
      const events = engine.events();
      const credited = events
        .filter((e) => e.type === 'creditApplied' && ids.has(e.peerId))
        .reduce((sum, e) => sum + (e.type === 'creditApplied' ? e.downloaded : 0), 0);
      const reports = events.filter((e) => e.type === 'announceReceived' && ids.has(e.peerId));
      const lastReport =
        reports.length === 0 ? 0 : (reports[reports.length - 1] as { downloaded: number }).downloaded;
      samples.push({ t, truth: alice.trueDownloaded, credited, lastReport, announces: reports.length });
    }
    // What the tracker credits is exactly what alice reported at her last announce, never more …
    for (const s of samples) expect(s.credited).toBe(s.lastReport);
    // … and while she downloads, the truth runs ahead of it between announces.
    const stale = samples.filter((s) => s.truth > s.credited);
    expect(stale.length).toBeGreaterThan(samples.length / 2);
    // The credited total changes exactly in the samples that span an announce, and in no other.
    for (let i = 1; i < samples.length; i++) {
      const announced = samples[i]!.announces > samples[i - 1]!.announces;
      const moved = samples[i]!.credited !== samples[i - 1]!.credited;
      if (!announced) expect(moved).toBe(false);
      if (moved) expect(announced).toBe(true);
    }
    // Regular announces every 30 min (and one `completed`): few changes in almost two hours.
    expect(
      samples.filter((s, i) => i > 0 && s.credited !== samples[i - 1]!.credited).length,
    ).toBeLessThanOrEqual(4);
  });
});

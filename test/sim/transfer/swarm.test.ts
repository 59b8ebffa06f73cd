import { describe, expect, it } from 'vitest';
import { createPrng, prngFromState } from '../../../shared/prng';
import { SwarmTransfers } from '../../../electron/sim/transfer/swarmTransfers';
import type { TickResult } from '../../../electron/sim/transfer/types';
import { Churn } from './churn';
import { checkInvariants } from './invariants';
import { peer, randomSwarm, sum } from './helpers';

type Check = (result: TickResult, dtMs: number, churn: Churn) => void;

/** Ticks of 0.1 to 60 s with churn before each; `check` sees every tick. */
function simulate(seed: number, ticks: number, check?: Check): TickResult[] {
  const { model, ids, capacity } = randomSwarm(createPrng(seed), createPrng(seed + 1000));
  const churn = new Churn(model, ids, capacity, createPrng(seed + 2000));
  const steps = createPrng(seed + 3000);
  const results: TickResult[] = [];
  let now = 0;
  for (let t = 0; t < ticks; t++) {
    churn.apply();
    const dt = [100, 1_000, 5_000, 60_000][steps.int(0, 3)]!;
    now += dt;
    results.push(model.tick(now, dt));
    check?.(results.at(-1)!, dt, churn);
  }
  return results;
}

describe('a random swarm with churn', () => {
  it.each([11, 12, 13])('conserves bytes, keeps its books and stays within capacities (seed %i)', (seed) => {
    let total = 0;
    simulate(seed, 150, (r, dtMs, { model, capacity }) => {
      checkInvariants(model);
      expect(sum(r.uploaded)).toBe(sum(r.downloaded));
      expect(r.clients).toEqual([...r.clients].sort((a, b) => a - b));
      r.clients.forEach((id, i) => {
        // Each of a peer's flows may carry less than a byte owed from earlier ticks.
        expect(r.uploaded[i]).toBeLessThanOrEqual((capacity.get(id)!.up * dtMs) / 1000 + 4);
        expect(r.downloaded[i]).toBeLessThanOrEqual((capacity.get(id)!.down * dtMs) / 1000 + 50);
      });
      total += sum(r.uploaded);
    });
    expect(total).toBeGreaterThan(0);
  });

  it('moves bytes only within connected groups', () => {
    const model = new SwarmTransfers({ size: 20_000_000, pieceSize: 65_536 }, createPrng(3));
    const groups = [
      [1, 2, 3, 4],
      [10, 11, 12],
    ];
    for (const group of groups) {
      for (const id of group) model.addPeer(peer(id, { have: id === group[0] ? 'all' : 0.3 }));
      for (const a of group) for (const b of group) model.connect(a, b);
    }
    for (let t = 1; t <= 30; t++) {
      const r = model.tick(t * 5_000, 5_000);
      for (const group of groups) {
        const within = r.clients.map((id, i) => (group.includes(id) ? i : -1)).filter((i) => i >= 0);
        expect(sum(within.map((i) => r.uploaded[i]!))).toBe(sum(within.map((i) => r.downloaded[i]!)));
      }
    }
  });

  it('inactive peers move no bytes', () => {
    const { model, ids } = randomSwarm(createPrng(5), createPrng(6));
    const paused = ids.filter((_, i) => i % 3 === 0);
    for (const id of paused) model.setActive(id, false);
    let moving = 0;
    for (let t = 1; t <= 40; t++) {
      const r = model.tick(t * 5_000, 5_000);
      expect(r.clients.filter((id) => paused.includes(id))).toEqual([]);
      moving += r.clients.length;
    }
    expect(moving).toBeGreaterThan(0);
  });

  it('the same seed gives the same ticks; another seed does not', () => {
    const a = simulate(21, 120);
    expect(simulate(21, 120)).toEqual(a);
    expect(simulate(22, 120)).not.toEqual(a);
    expect(sum(a.map((r) => r.completed.length))).toBeGreaterThan(0);
  });

  it('a model restored from a snapshot ticks exactly like the original', () => {
    const rng = createPrng(31);
    const { model, ids, capacity } = randomSwarm(rng, createPrng(1031));
    const ops = createPrng(2031);
    const churn = new Churn(model, ids, capacity, ops);
    for (let t = 1; t <= 40; t++) {
      churn.apply();
      model.tick(t * 5_000, 5_000);
    }
    // Free slots at the snapshot: the restored model must reuse them the same way.
    for (const id of ids.splice(5, 2)) model.removePeer(id);
    const saved = structuredClone({ model: model.snapshot(), rng: rng.state(), ops: ops.state() });
    const restored = SwarmTransfers.restore(saved.model, prngFromState(saved.rng));
    const replay = churn.replay(restored, prngFromState(saved.ops));
    checkInvariants(restored);
    for (const c of [churn, replay]) {
      c.model.addPeer(peer(4000, { have: 0.5 }));
      c.model.connect(4000, c.ids[0]!);
      c.ids.push(4000);
    }
    for (let t = 41; t <= 200; t++) {
      churn.apply();
      replay.apply();
      expect(restored.tick(t * 5_000, 5_000)).toEqual(model.tick(t * 5_000, 5_000));
    }
    expect(restored.snapshot()).toEqual(model.snapshot());
  });
});

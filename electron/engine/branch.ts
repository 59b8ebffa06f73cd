// Runs a branch of a session to its end, headless, and sums it up as series: what a fork is
// compared against.
import type { BranchSeries } from '../../shared/bridge';
import type { SessionFile } from '../../shared/session';
import { branchSeries, completionTimes } from '../../shared/views/branchSeries';
import { SwarmModel } from '../../shared/views/model';
import { Engine } from './engine';

export async function runBranch(
  session: SessionFile,
  transport: 'inproc' | 'http' = 'inproc',
): Promise<BranchSeries> {
  const model = new SwarmModel();
  const batch: Parameters<SwarmModel['apply']>[0][number][] = [];
  const engine = await Engine.create({
    scenario: session.scenario,
    seed: session.seed,
    transport,
    commands: session.commands,
    retainEvents: false,
    snapshotEveryMs: Infinity,
    listeners: [(e) => void batch.push(e)],
  });
  await engine.advanceTo(engine.endMs);
  await engine.close();
  model.apply(batch);
  return branchSeries(model, engine.endMs, completionTimes(model));
}

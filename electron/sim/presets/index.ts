// The preset scenarios: the seed's session, one per pitfall in PRODUCT.md, and two general swarms.
import type { ScenarioInput } from '../../../shared/sim/scenario';
import { anatomy } from './anatomy';
import {
  completedVsStopped,
  ipChangeKey,
  minIntervalSpam,
  smallSwarmSelection,
  trackerRestart,
} from './pitfallsProtocol';
import {
  counterReset,
  crashGhost,
  lostFinalCredit,
  pauseSendsNothing,
  statsAtAnnounce,
} from './pitfallsStats';
import { flashCrowd, steadySwarm } from './swarms';

export const scenarioPresets: readonly ScenarioInput[] = [
  anatomy,
  statsAtAnnounce,
  pauseSendsNothing,
  crashGhost,
  lostFinalCredit,
  counterReset,
  completedVsStopped,
  minIntervalSpam,
  ipChangeKey,
  trackerRestart,
  smallSwarmSelection,
  steadySwarm,
  flashCrowd,
];

export function findPreset(name: string): ScenarioInput | undefined {
  return scenarioPresets.find((p) => p.name === name);
}

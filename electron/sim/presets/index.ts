// The preset scenarios: one per pitfall in PRODUCT.md, the seed's session, and two general swarms.
import type { ScenarioInput } from '../../../shared/sim/scenario';
import { anatomy } from './anatomy';
import { flashCrowd, steadySwarm } from './swarms';

export const scenarioPresets: readonly ScenarioInput[] = [anatomy, steadySwarm, flashCrowd];

export function findPreset(name: string): ScenarioInput | undefined {
  return scenarioPresets.find((p) => p.name === name);
}

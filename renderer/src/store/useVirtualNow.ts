// The virtual time the panels measure ages against: the moment the timeline shows when scrubbing,
// else the engine's clock as last reported, or the time of the latest event when no status has
// arrived yet (a loaded log, a test).
import { useAppState } from './context';
import { shownTime } from './store';

export function useVirtualNow(): number {
  // Every model change sets the store's version, so this selector re-runs as events arrive.
  return useAppState(shownTime);
}

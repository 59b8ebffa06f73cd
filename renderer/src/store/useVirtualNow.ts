// The virtual time the panels measure ages against: the engine's clock as last reported, or the
// time of the latest event when no status has arrived yet (a loaded log, a test).
import { useAppState } from './context';

export function useVirtualNow(): number {
  const status = useAppState((s) => s.status?.now ?? null);
  // Every model change sets the store's version, so this selector re-runs as events arrive.
  const latest = useAppState((s) => s.model.lastEventAt);
  return status ?? latest;
}

// The model's version and the engine's time, for panels that rebuild big tables: immediate for
// classroom swarms, at most a few times a second for large ones (thousands of rows per rebuild
// would otherwise take the frame budget the graph needs).
import { useEffect, useState } from 'react';
import { useApp } from './context';
import { shownTime } from './store';

const LARGE_SWARM = 500;
const LARGE_SWARM_INTERVAL_MS = 400;

export function useThrottledVersion(): { version: number; now: number } {
  const { store } = useApp();
  const read = () => {
    const s = store.getState();
    return { version: s.version, now: shownTime(s) };
  };
  const [value, setValue] = useState(read);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const update = (): void => {
      timer = null;
      last = performance.now();
      setValue(read());
    };
    const off = store.subscribe((s, prev) => {
      if (s.version === prev.version && shownTime(s) === shownTime(prev)) return;
      const large = s.model.clients.length > LARGE_SWARM;
      if (!large) return update();
      if (timer !== null) return;
      timer = setTimeout(update, Math.max(0, LARGE_SWARM_INTERVAL_MS - (performance.now() - last)));
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store]);
  return value;
}

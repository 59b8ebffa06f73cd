// Keyboard: space plays/pauses, → steps, + and − change speed. Ignored while typing in a field.
import { useEffect } from 'react';
import { useApp, useCommand } from '../../store/context';
import { speeds } from './Toolbar';

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))
  );
}

export function useShortcuts(): void {
  const { store } = useApp();
  const command = useCommand();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const status = store.getState().status;
      if (e.key === ' ') {
        e.preventDefault();
        void command({ type: status?.playing ? 'pause' : 'play' });
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        void command({ type: 'step' });
      } else if (e.key === '+' || e.key === '=' || e.key === '-' || e.key === '_') {
        const current = speeds.indexOf(status?.speed ?? 60);
        const next = Math.max(
          0,
          Math.min(
            speeds.length - 1,
            (current === -1 ? 2 : current) + (e.key === '-' || e.key === '_' ? -1 : 1),
          ),
        );
        void command({ type: 'setSpeed', speed: speeds[next]! });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, command]);
}

// React access to the store and the bridge.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { CommandInput } from '../../../shared/commands';
import type { EngineBridge, EngineReply } from '../../../shared/bridge';
import { setCursor, type AppState, type AppStore } from './store';

export interface AppContext {
  store: AppStore;
  bridge: EngineBridge;
}

export const AppContextValue = createContext<AppContext | null>(null);

export function useApp(): AppContext {
  const ctx = useContext(AppContextValue);
  if (!ctx) throw new Error('useApp outside <AppContextValue.Provider>');
  return ctx;
}

export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useApp().store, selector);
}

export function useAppShallow<T extends object>(selector: (state: AppState) => T): T {
  return useStore(useApp().store, useShallow(selector));
}

/** Commands that only drive the clock: they change nothing in the run, so they never fork it. */
const clockCommands = new Set(['play', 'pause', 'step', 'setSpeed', 'seek']);

/**
 * Sends a command; a rejected request (not a rejected command: those are events) becomes a notice.
 * While the user looks at a past moment (the timeline's cursor), acting there forks the run at that
 * moment (the engine keeps the original to compare with), and playing or stepping runs on from it.
 */
export function useCommand(): (command: CommandInput) => Promise<EngineReply> {
  const { bridge, store } = useApp();
  return async (command) => {
    const fail = (reply: EngineReply) => {
      if (!reply.ok) store.setState({ notice: { text: reply.error, kind: 'error' } });
      return reply;
    };
    const cursor = store.getState().cursor;
    const type = command.type;
    if (cursor !== null && type !== 'pause' && type !== 'setSpeed') {
      const moved = clockCommands.has(type)
        ? await bridge.request({ kind: 'command', command: { type: 'seek', to: `${cursor}ms` } })
        : await bridge.request({ kind: 'fork', at: cursor });
      if (!moved.ok) return fail(moved);
      setCursor(store, null);
      if (type === 'seek') return moved;
    }
    return fail(await bridge.request({ kind: 'command', command }));
  };
}

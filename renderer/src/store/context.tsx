// React access to the store and the bridge.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { CommandInput } from '../../../shared/commands';
import type { EngineBridge, EngineReply } from '../../../shared/bridge';
import type { AppState, AppStore } from './store';

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

/** Sends a command; a rejected request (not a rejected command: those are events) becomes a notice. */
export function useCommand(): (command: CommandInput) => Promise<EngineReply> {
  const { bridge, store } = useApp();
  return async (command) => {
    const reply = await bridge.request({ kind: 'command', command });
    if (!reply.ok) store.setState({ notice: { text: reply.error, kind: 'error' } });
    return reply;
  };
}

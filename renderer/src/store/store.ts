// The renderer's one store. It applies the engine's messages to the view model (shared/views) and
// holds what only the UI cares about (selection, display options). High-frequency readers (the
// graph's animation loop) read `model` directly and subscribe to `version`; panels select slices.
import { createStore } from 'zustand/vanilla';
import type { EngineBridge, EngineMessage, EngineStatus, SessionInfo } from '../../../shared/bridge';
import { SwarmModel } from '../../../shared/views/model';

export interface DisplayOptions {
  largeText: boolean;
  showConnections: boolean;
}

export interface AppState {
  model: SwarmModel;
  /** Bumps whenever the model changes. */
  version: number;
  session: SessionInfo | null;
  status: EngineStatus | null;
  /** performance.now() when the last status arrived (to run the clock between updates). */
  statusAt: number;
  connection: 'connecting' | 'open' | 'closed';
  selectedClient: number | null;
  selectedRequest: number | null;
  display: DisplayOptions;
  /** The last error from a request (a rejected scenario, a lost connection). */
  notice: { text: string; kind: 'error' | 'info' } | null;
}

export const initialDisplay: DisplayOptions = { largeText: false, showConnections: true };

export function createAppStore() {
  return createStore<AppState>()(() => ({
    model: new SwarmModel(),
    version: 0,
    session: null,
    status: null,
    statusAt: 0,
    connection: 'connecting',
    selectedClient: null,
    selectedRequest: null,
    display: initialDisplay,
    notice: null,
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** Applies one message from the engine. */
export function receive(store: AppStore, message: EngineMessage, now: number): void {
  const { model } = store.getState();
  switch (message.kind) {
    case 'session':
      model.reset(message.session);
      store.setState({
        session: message.session,
        version: model.version,
        selectedClient: null,
        selectedRequest: null,
      });
      return;
    case 'events': {
      model.apply(message.events);
      // A command the engine refused is an event; the user who sent it should see why.
      const rejected = message.events.findLast((e) => e.type === 'commandRejected');
      store.setState({
        version: model.version,
        ...(rejected?.type === 'commandRejected'
          ? {
              notice: {
                text: `${rejected.commandType ?? 'command'} refused: ${rejected.error}`,
                kind: 'error' as const,
              },
            }
          : {}),
      });
      return;
    }
    case 'truncated':
      model.truncate(message.length);
      store.setState({ version: model.version });
      return;
    case 'status':
      store.setState({ status: message.status, statusAt: now });
      return;
  }
}

/** Virtual time now, running the clock forward between status updates while playing. */
export function virtualNow(state: Pick<AppState, 'status' | 'statusAt'>, now: number): number {
  const s = state.status;
  if (!s) return 0;
  if (!s.playing || s.speed === 'max') return s.now;
  // Never run more than one frame's worth ahead of what the engine has confirmed.
  const ahead = Math.min(now - state.statusAt, 100) * s.speed;
  return Math.min(s.endMs, s.now + Math.max(0, ahead));
}

/** Wires a bridge to a store: messages in, and a hello to get the session and the log so far. */
export function attach(store: AppStore, bridge: EngineBridge, clock: () => number): () => void {
  const off = bridge.subscribe((message) => receive(store, message, clock()));
  void bridge.request({ kind: 'hello' });
  return off;
}

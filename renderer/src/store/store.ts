// The renderer's one store. It applies the engine's messages to the view model (shared/views) and
// holds what only the UI cares about (selection, display options). High-frequency readers (the
// graph's animation loop) read `model` directly and subscribe to `version`; panels select slices.
import { createStore } from 'zustand/vanilla';
import type {
  BranchComparison,
  EngineBridge,
  EngineMessage,
  EngineStatus,
  SessionInfo,
} from '../../../shared/bridge';
import { gatherProgress, type ExperimentView } from '../../../shared/experiments/progress';
import { formatDuration } from '../../../shared/units';
import { SwarmModel } from '../../../shared/views/model';
import { ModelTimeline } from '../../../shared/views/timeline';

export interface DisplayOptions {
  largeText: boolean;
  showConnections: boolean;
}

export interface AppState {
  /** The model of the whole log so far (the live state). */
  head: SwarmModel;
  /** The model the views show: `head` when live, the state at `cursor` when scrubbing. */
  model: SwarmModel;
  /** Bumps whenever the shown model changes. */
  version: number;
  /** The virtual time being looked at, or null to follow the engine live. */
  cursor: number | null;
  /** Checkpoints of `head` for scrubbing (not reactive). */
  timeline: ModelTimeline;
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
  /** After a fork: the original run, to compare with. */
  comparison: BranchComparison | null;
  /** The side panel's tab (a lesson step may ask for one). */
  tab: string;
  /** The last sweep the engine ran (or is running), with every run gathered so far. */
  experiment: ExperimentView | null;
}

export const initialDisplay: DisplayOptions = { largeText: false, showConnections: true };

export function createAppStore() {
  const head = new SwarmModel();
  return createStore<AppState>()(() => ({
    head,
    model: head,
    version: 0,
    cursor: null,
    timeline: new ModelTimeline(),
    session: null,
    status: null,
    statusAt: 0,
    connection: 'connecting',
    selectedClient: null,
    selectedRequest: null,
    display: initialDisplay,
    notice: null,
    comparison: null,
    experiment: null,
    tab: 'truth',
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

let versions = 0;

/** Applies one message from the engine. */
export function receive(store: AppStore, message: EngineMessage, now: number): void {
  const { head, timeline, cursor } = store.getState();
  switch (message.kind) {
    case 'session': {
      head.reset(message.session);
      timeline.reset();
      store.setState({
        session: message.session,
        model: head,
        cursor: null,
        version: ++versions,
        selectedClient: null,
        selectedRequest: null,
        comparison: null,
      });
      return;
    }
    case 'events': {
      head.apply(message.events);
      timeline.grew(head);
      // A command the engine refused is an event; the user who sent it should see why.
      const rejected = message.events.findLast((e) => e.type === 'commandRejected');
      store.setState({
        ...(cursor === null ? { model: head, version: ++versions } : {}),
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
    case 'truncated': {
      // Rebuild the head from the nearest checkpoint rather than from the start.
      const cut = timeline.modelAt(head, message.length);
      if (cut !== head) {
        Object.assign(head, cut);
        head.events = cut.events;
      }
      timeline.truncated(message.length);
      store.setState({ model: cursor === null ? head : store.getState().model, version: ++versions });
      return;
    }
    case 'status':
      store.setState({ status: message.status, statusAt: now });
      return;
    case 'comparison':
      store.setState({
        comparison: message.comparison,
        notice: {
          text: `Forked at ${formatDuration(message.comparison.forkAt)}: the Compare tab shows your change beside the original run.`,
          kind: 'info',
        },
      });
      return;
    case 'experiment':
      store.setState({ experiment: gatherProgress(store.getState().experiment, message.experiment) });
      return;
  }
}

/** Shows virtual time `t` (scrubbing), or follows the engine live again with null. */
export function setCursor(store: AppStore, t: number | null): void {
  const { head, timeline, model, status } = store.getState();
  if (t === null) {
    store.setState({ cursor: null, model: head, version: ++versions });
    return;
  }
  const end = status?.now ?? head.lastEventAt;
  const at = Math.max(0, Math.min(Math.round(t), end));
  store.setState({ cursor: at, model: timeline.modelAtTime(head, at, model), version: ++versions });
}

/** The virtual time the views show: the cursor when scrubbing, else the engine's clock (or the last event). */
export function shownTime(state: Pick<AppState, 'cursor' | 'status' | 'model'>): number {
  return state.cursor ?? state.status?.now ?? state.model.lastEventAt;
}

/** Virtual time now, running the clock forward between status updates while playing (or the cursor). */
export function virtualNow(
  state: Pick<AppState, 'status' | 'statusAt'> & { cursor?: number | null },
  now: number,
): number {
  if (state.cursor !== undefined && state.cursor !== null) return state.cursor;
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

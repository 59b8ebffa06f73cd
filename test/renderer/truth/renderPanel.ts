// Renders a panel against a store holding a model, as the app does (no engine: a silent bridge).
import { createElement, type ComponentType } from 'react';
import { render } from '@testing-library/react';
import type { EngineBridge } from '../../../shared/bridge';
import type { SwarmModel } from '../../../shared/views/model';
import { AppContextValue } from '../../../renderer/src/store/context';
import { createAppStore, type AppState } from '../../../renderer/src/store/store';

export function renderPanel(panel: ComponentType, model: SwarmModel, state: Partial<AppState> = {}) {
  const store = createAppStore();
  store.setState({ model, version: model.version, ...state });
  const bridge: EngineBridge = {
    request: async () => ({ ok: true, value: null }),
    subscribe: () => () => {},
  };
  const result = render(
    createElement(AppContextValue.Provider, { value: { store, bridge } }, createElement(panel)),
  );
  return { store, ...result };
}

/** An engine status at virtual time `now` (ms), paused. */
export function statusAt(now: number): Partial<AppState> {
  return { status: { now, endMs: 3_600_000, playing: false, speed: 1, events: 0 } };
}

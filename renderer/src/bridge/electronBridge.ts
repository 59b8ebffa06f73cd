// The Electron transport: the preload's narrow API (`window.trackerLab`), nothing else.
import type { EngineBridge, PreloadApi } from '../../../shared/bridge';

declare global {
  interface Window {
    trackerLab?: PreloadApi;
  }
}

export function electronBridge(api: PreloadApi): EngineBridge {
  return {
    request: (request) => api.request(request),
    subscribe: (listener) => api.onMessage(listener),
  };
}

// The sandboxed preload: exposes exactly `window.trackerLab` (PreloadApi) and nothing else — no
// ipcRenderer, no channel names, no IpcRendererEvent. A sandboxed preload can only require 'electron',
// so everything from shared/ is imported as types; the channel names are repeated here and the
// compiler checks they match shared/bridge.ts.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  EngineMessage,
  EngineRequest,
  IPC_MESSAGE_CHANNEL,
  IPC_REQUEST_CHANNEL,
  PreloadApi,
} from '../../shared/bridge';

const REQUEST_CHANNEL: typeof IPC_REQUEST_CHANNEL = 'tracker-lab:request';
const MESSAGE_CHANNEL: typeof IPC_MESSAGE_CHANNEL = 'tracker-lab:message';

const api: PreloadApi = {
  request: (request: EngineRequest) => ipcRenderer.invoke(REQUEST_CHANNEL, request),
  onMessage: (listener: (message: EngineMessage) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onMessage expects a function');
    const handler = (_event: IpcRendererEvent, message: EngineMessage): void => listener(message);
    ipcRenderer.on(MESSAGE_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(MESSAGE_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('trackerLab', api);

// The sandboxed preload: exposes exactly `window.trackerLab` (PreloadApi) and nothing else — no
// ipcRenderer, no channel names, no IpcRendererEvent. A sandboxed preload can only require 'electron'
// at run time: shared/bridge.ts is imported for types only, and the channel names come from a
// dependency-free module that the bundler inlines.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EngineMessage, EngineRequest, PreloadApi } from '../../shared/bridge';
import {
  IPC_MESSAGE_CHANNEL as MESSAGE_CHANNEL,
  IPC_REQUEST_CHANNEL as REQUEST_CHANNEL,
} from '../../shared/ipcChannels';

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

// The preload against a fake contextBridge and ipcRenderer: exactly two functions cross into the page.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_MESSAGE_CHANNEL, IPC_REQUEST_CHANNEL, type PreloadApi } from '../../shared/bridge';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (_channel: string, request: unknown) => ({ ok: true, value: request })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

let api: PreloadApi;

beforeAll(async () => {
  await import('../../electron/main/preload');
  api = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as PreloadApi;
});

describe('the preload', () => {
  it('exposes exactly request and onMessage, once, under trackerLab', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]![0]).toBe('trackerLab');
    expect(Object.keys(api).sort()).toEqual(['onMessage', 'request']);
    expect(typeof api.request).toBe('function');
    expect(typeof api.onMessage).toBe('function');
  });

  it('sends a request on the request channel and returns the reply', async () => {
    expect(await api.request({ kind: 'getReport' })).toEqual({ ok: true, value: { kind: 'getReport' } });
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([['tracker-lab:request', { kind: 'getReport' }]]);
    expect(IPC_REQUEST_CHANNEL).toBe('tracker-lab:request');
  });

  it('delivers messages to the listener without the IpcRendererEvent', () => {
    const listener = vi.fn();
    api.onMessage(listener);
    const [channel, handler] = electron.ipcRenderer.on.mock.calls[0] as [
      string,
      (...args: unknown[]) => void,
    ];
    expect(channel).toBe('tracker-lab:message');
    expect(IPC_MESSAGE_CHANNEL).toBe('tracker-lab:message');
    handler({ sender: 'the ipcRenderer', ports: [] }, { kind: 'truncated', length: 3 });
    expect(listener.mock.calls).toEqual([[{ kind: 'truncated', length: 3 }]]);
  });

  it('unsubscribe removes exactly the handler it added', () => {
    electron.ipcRenderer.on.mockClear();
    const first = api.onMessage(vi.fn());
    api.onMessage(vi.fn());
    const [firstHandler, secondHandler] = electron.ipcRenderer.on.mock.calls.map((call) => call[1]);
    first();
    expect(electron.ipcRenderer.removeListener.mock.calls).toEqual([['tracker-lab:message', firstHandler]]);
    expect(firstHandler).not.toBe(secondHandler);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => api.onMessage('not a function' as unknown as () => void)).toThrow(
      new TypeError('onMessage expects a function'),
    );
  });

  it("needs nothing at run time but 'electron' (a sandboxed preload can require nothing else)", () => {
    const source = readFileSync(
      fileURLToPath(new URL('../../electron/main/preload.ts', import.meta.url)),
      'utf8',
    );
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map(
      (m) => m[1],
    );
    // 'electron', and the channel names from a module that itself imports nothing (so it is inlined).
    expect(runtimeImports).toEqual(['electron', '../../shared/ipcChannels']);
    const channels = readFileSync(
      fileURLToPath(new URL('../../shared/ipcChannels.ts', import.meta.url)),
      'utf8',
    );
    expect(channels).not.toMatch(/^\s*import\b/m);
  });
});

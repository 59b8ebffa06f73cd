// The IPC glue with fake ipcMain, webContents, frames and host: who may ask, what may be asked, and
// where the host's messages go.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';

// ipc.ts only needs Electron's types; the real module must never load.
vi.mock('electron', () => ({}));

import {
  IPC_MESSAGE_CHANNEL,
  IPC_REQUEST_CHANNEL,
  type EngineMessage,
  engineRequestSchema,
  type EngineReply,
} from '../../shared/bridge';
import { registerIpc, type ConnectableHost } from '../../electron/main/ipc';
import { appUrlPolicy } from '../../electron/main/origin';

/** Every request kind the bridge accepts, in the schema's order (the error lists them all). */
const requestKinds = engineRequestSchema.options.map((option) => option.shape.kind.value);

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<EngineReply>;

/** A host whose connections are recorded: each answers every request with `{ ok: true, value: request }`. */
function fakeHost() {
  const connections: {
    send(message: EngineMessage): void;
    request: ReturnType<typeof vi.fn>;
    close: ReturnType<typeof vi.fn>;
  }[] = [];
  const host: ConnectableHost = {
    connect: ({ send }) => {
      const connection = {
        send,
        request: vi.fn(async (request: unknown): Promise<EngineReply> => ({ ok: true, value: request })),
        close: vi.fn(),
      };
      connections.push(connection);
      return connection;
    },
  };
  return { host, connections };
}

function fakeWindow(url = 'app://tracker-lab/index.html') {
  const emitter = new EventEmitter();
  let destroyed = false;
  const top: { url: string; parent: unknown; top: unknown } = { url, parent: null, top: null };
  top.top = top;
  const contents = {
    send: vi.fn(),
    isDestroyed: () => destroyed,
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    once: (event: string, listener: (...args: unknown[]) => void) => emitter.once(event, listener),
  };
  return {
    contents: contents as unknown as WebContents & { send: ReturnType<typeof vi.fn> },
    top,
    subframe: (subUrl = url) => ({ url: subUrl, parent: top, top }),
    destroy() {
      destroyed = true;
      emitter.emit('destroyed');
    },
    reload() {
      emitter.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    },
    emit: (event: string, ...args: unknown[]) => emitter.emit(event, ...args),
  };
}

function register(target: ConnectableHost, policy = appUrlPolicy()) {
  const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
  const registration = registerIpc(ipcMain as unknown as IpcMain, target, policy);
  const handler = ipcMain.handle.mock.calls[0]![1] as Handler;
  /** Invokes the handler as Electron would, from `frame` of `win`. */
  const invoke = (win: ReturnType<typeof fakeWindow>, frame: unknown, ...args: unknown[]) =>
    handler({ sender: win.contents, senderFrame: frame } as unknown as IpcMainInvokeEvent, ...args);
  return { ipcMain, registration, invoke };
}

let host: ReturnType<typeof fakeHost>;
let ipc: ReturnType<typeof register>;
const invoke: ReturnType<typeof register>['invoke'] = (...args) => ipc.invoke(...args);

beforeEach(() => {
  host = fakeHost();
  ipc = register(host.host);
});

describe('registerIpc', () => {
  it('handles exactly the request channel', () => {
    expect(ipc.ipcMain.handle.mock.calls.map((call) => call[0])).toEqual([IPC_REQUEST_CHANNEL]);
  });

  it("forwards a request from the app's own top frame and returns the host's reply", async () => {
    const win = fakeWindow();
    expect(await invoke(win, win.top, { kind: 'getReport' })).toEqual({
      ok: true,
      value: { kind: 'getReport' },
    });
    expect(host.connections).toHaveLength(1);
    expect(host.connections[0]!.request.mock.calls).toEqual([[{ kind: 'getReport' }]]);
  });

  it('forwards a request from the dev server when running in development', async () => {
    const dev = register(host.host, appUrlPolicy('http://localhost:5173'));
    const win = fakeWindow('http://localhost:5173/');
    expect(await dev.invoke(win, win.top, { kind: 'hello' })).toEqual({ ok: true, value: { kind: 'hello' } });
  });

  it('refuses a request from another origin without calling the host', async () => {
    const win = fakeWindow('https://evil.example/');
    expect(await invoke(win, win.top, { kind: 'hello' })).toEqual({
      ok: false,
      error: 'request refused: requests from "https://evil.example/" are refused',
    });
    expect(host.connections).toEqual([]);
  });

  it('refuses a request from a subframe, even one on the app origin', async () => {
    const win = fakeWindow();
    expect(await invoke(win, win.subframe(), { kind: 'hello' })).toEqual({
      ok: false,
      error: 'request refused: requests from subframes are refused',
    });
    expect(host.connections).toEqual([]);
  });

  it('refuses a request whose sender frame is gone', async () => {
    const win = fakeWindow();
    expect(await invoke(win, null, { kind: 'hello' })).toEqual({
      ok: false,
      error: 'request refused: the sender frame is gone',
    });
    expect(host.connections).toEqual([]);
  });

  it.each([
    ['not an object', 42, 'request: Invalid input: expected object, received number'],
    ['null', null, 'request: Invalid input: expected object, received null'],
    ['an array', [], 'request: Invalid input: expected object, received array'],
    [
      'an unknown kind',
      { kind: 'format-disk' },
      `request.kind: Invalid discriminator value. Expected ${requestKinds.map((kind) => `'${kind}'`).join(' | ')}`,
    ],
    ['extra keys', { kind: 'hello', extra: 1 }, 'request: Unrecognized key: "extra"'],
    [
      'a missing field',
      { kind: 'loadPreset' },
      'request.name: Invalid input: expected string, received undefined',
    ],
  ])('answers %s with an error naming the problem', async (_name, request, error) => {
    const win = fakeWindow();
    expect(await invoke(win, win.top, request)).toEqual({ ok: false, error });
    expect(host.connections).toEqual([]);
  });

  it('answers a wrong number of arguments with an error', async () => {
    const win = fakeWindow();
    expect(await invoke(win, win.top)).toEqual({ ok: false, error: 'request: expected one argument, got 0' });
    expect(await invoke(win, win.top, { kind: 'hello' }, { kind: 'hello' })).toEqual({
      ok: false,
      error: 'request: expected one argument, got 2',
    });
  });

  it('turns a host failure into an error reply instead of a rejection', async () => {
    const win = fakeWindow();
    const throwing: ConnectableHost = {
      connect: () => ({ request: async () => Promise.reject(new Error('engine exploded')), close: vi.fn() }),
    };
    const reply = await register(throwing).invoke(win, win.top, { kind: 'hello' });
    expect(reply).toEqual({ ok: false, error: 'engine exploded' });
  });
});

describe('host connections', () => {
  it('opens one connection per window, reused by later requests and by the menu', async () => {
    const a = fakeWindow();
    const b = fakeWindow();
    await invoke(a, a.top, { kind: 'hello' });
    await invoke(a, a.top, { kind: 'getReport' });
    await ipc.registration.request(a.contents, { kind: 'getScenario' });
    await invoke(b, b.top, { kind: 'hello' });
    expect(host.connections).toHaveLength(2);
    expect(host.connections[0]!.request.mock.calls).toEqual([
      [{ kind: 'hello' }],
      [{ kind: 'getReport' }],
      [{ kind: 'getScenario' }],
    ]);
  });

  it("pushes the host's messages to the window on the message channel", async () => {
    const win = fakeWindow();
    await invoke(win, win.top, { kind: 'hello' });
    const message: EngineMessage = { kind: 'truncated', length: 12 };
    host.connections[0]!.send(message);
    expect(win.contents.send.mock.calls).toEqual([[IPC_MESSAGE_CHANNEL, { kind: 'truncated', length: 12 }]]);
  });

  it('sends nothing after the window is destroyed, and closes its connection', async () => {
    const win = fakeWindow();
    await invoke(win, win.top, { kind: 'hello' });
    win.destroy();
    host.connections[0]!.send({ kind: 'truncated', length: 0 });
    expect(win.contents.send).not.toHaveBeenCalled();
    expect(host.connections[0]!.close).toHaveBeenCalledTimes(1);
  });

  it('starts a reloaded page on a fresh connection', async () => {
    const win = fakeWindow();
    await invoke(win, win.top, { kind: 'hello' });
    win.reload();
    expect(host.connections[0]!.close).toHaveBeenCalledTimes(1);
    await invoke(win, win.top, { kind: 'hello' });
    expect(host.connections).toHaveLength(2);
    expect(host.connections[1]!.request.mock.calls).toEqual([[{ kind: 'hello' }]]);
  });

  it('keeps the connection across same-document and subframe navigations', async () => {
    const win = fakeWindow();
    await invoke(win, win.top, { kind: 'hello' });
    win.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    win.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    expect(host.connections[0]!.close).not.toHaveBeenCalled();
  });

  it('answers a request for a closed window with an error, without connecting', async () => {
    const win = fakeWindow();
    win.destroy();
    expect(await ipc.registration.request(win.contents, { kind: 'getReport' })).toEqual({
      ok: false,
      error: 'the window is closed',
    });
    expect(host.connections).toEqual([]);
  });

  it('dispose removes the handler and closes every connection', async () => {
    const win = fakeWindow();
    await invoke(win, win.top, { kind: 'hello' });
    ipc.registration.dispose();
    expect(ipc.ipcMain.removeHandler.mock.calls).toEqual([[IPC_REQUEST_CHANNEL]]);
    expect(host.connections[0]!.close).toHaveBeenCalledTimes(1);
  });
});

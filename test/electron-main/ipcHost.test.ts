// The IPC glue over the real EngineHost (plain Node, no Electron): a window that says hello gets the
// session, the log and the status on the message channel, and a bad command never crashes anything.
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';

vi.mock('electron', () => ({}));

import { IPC_MESSAGE_CHANNEL, type EngineMessage, type EngineReply } from '../../shared/bridge';
import { EngineHost } from '../../electron/engine/host';
import { registerIpc } from '../../electron/main/ipc';
import { appUrlPolicy } from '../../electron/main/origin';

type Handler = (event: IpcMainInvokeEvent, request: unknown) => Promise<EngineReply>;

let host: EngineHost;
let handler: Handler;
const sent: [string, EngineMessage][] = [];
const emitter = new EventEmitter();
const contents = {
  send: (channel: string, message: EngineMessage) => sent.push([channel, message]),
  isDestroyed: () => false,
  on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
  once: (event: string, listener: (...args: unknown[]) => void) => emitter.once(event, listener),
} as unknown as WebContents;
const top: { url: string; parent: null; top?: unknown } = {
  url: 'app://tracker-lab/index.html',
  parent: null,
};
top.top = top;
const ask = (request: unknown) =>
  handler({ sender: contents, senderFrame: top } as unknown as IpcMainInvokeEvent, request);

beforeAll(async () => {
  host = await EngineHost.create({
    wallClock: {
      now: () => performance.now(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    },
  });
  const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
  registerIpc(ipcMain as unknown as IpcMain, host, appUrlPolicy());
  handler = ipcMain.handle.mock.calls[0]![1] as Handler;
});

afterAll(() => host.close());

describe('IPC over the real engine host', () => {
  it('hello is answered, then the session, the log and the status arrive on the message channel', async () => {
    expect(await ask({ kind: 'hello' })).toEqual({ ok: true, value: null });
    expect(sent.every(([channel]) => channel === IPC_MESSAGE_CHANNEL)).toBe(true);
    const kinds = sent.map(([, message]) => message.kind);
    expect(kinds[0]).toBe('session');
    expect(kinds[kinds.length - 1]).toBe('status');
    const session = sent[0]![1] as Extract<EngineMessage, { kind: 'session' }>;
    expect(session.session.scenario.name).toBe('anatomy-of-a-session');
  });

  it('a command the engine rejects is answered without crashing the host', async () => {
    expect(await ask({ kind: 'command', command: { type: 'explode' } })).toEqual({ ok: true, value: null });
    expect(await ask({ kind: 'getReport' })).toMatchObject({ ok: true });
  });

  it('an unknown preset is answered with an error', async () => {
    expect(await ask({ kind: 'loadPreset', name: 'no-such-preset' })).toEqual({
      ok: false,
      error: 'no preset named "no-such-preset"',
    });
  });
});

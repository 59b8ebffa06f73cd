// The main process's lifecycle against a fake Electron and a fake engine host: what happens before
// ready, what ready sets up, and how the app quits.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_REQUEST_CHANNEL } from '../../shared/bridge';
import { windowOptions } from '../../electron/main/window';

const state = vi.hoisted(() => ({
  windows: [] as unknown[],
  hostClose: null as null | (() => Promise<void>),
}));

const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const appEvents = new Emitter();
  let resolveReady: () => void = () => undefined;
  const app = {
    isPackaged: true,
    lock: true,
    ready: Promise.resolve(),
    requestSingleInstanceLock: vi.fn(() => app.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    getName: () => 'Tracker Lab',
    getVersion: () => '0.1.0',
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => appEvents.on(event, listener)),
    emit: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
    whenReady: vi.fn(() => app.ready),
    makeReady: () => resolveReady(),
    reset() {
      appEvents.removeAllListeners();
      app.ready = new Promise<void>((resolve) => (resolveReady = resolve));
    },
  };
  class BrowserWindow extends Emitter {
    static getAllWindows = vi.fn(() => state.windows);
    static getFocusedWindow = vi.fn(() => null);
    readonly webContents = Object.assign(new Emitter(), { send: vi.fn(), isDestroyed: () => false });
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
    constructor(readonly options: unknown) {
      super();
      state.windows.push(this);
    }
  }
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    Menu: { buildFromTemplate: vi.fn(() => ({})), setApplicationMenu: vi.fn() },
    shell: { openExternal: vi.fn() },
  };
});
vi.mock('electron', () => fake);

const engineHost = vi.hoisted(() => ({
  create: vi.fn(async (_options: unknown) => ({
    connect: vi.fn(() => ({ request: vi.fn(), close: vi.fn() })),
    close: () => state.hostClose!(),
    current: {},
  })),
}));
vi.mock('../../electron/engine/host', () => ({ EngineHost: engineHost }));

type FakeWindow = InstanceType<typeof fake.BrowserWindow>;
const window0 = () => state.windows[0] as FakeWindow;
const platform = process.platform;

async function start(): Promise<void> {
  await import('../../electron/main/main');
}

async function startReady(): Promise<void> {
  await start();
  fake.app.makeReady();
  await vi.waitFor(() => expect(state.windows).toHaveLength(1));
}

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  fake.app.reset();
  fake.app.isPackaged = true;
  fake.app.lock = true;
  state.windows = [];
  state.hostClose = async () => undefined;
  delete process.env.ELECTRON_RENDERER_URL;
});

afterEach(() => {
  Object.defineProperty(process, 'platform', { value: platform });
});

describe('starting', () => {
  it('a second instance quits and sets nothing up', async () => {
    fake.app.lock = false;
    await start();
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
  });

  it('registers the app scheme and the sandbox before ready, and nothing else', async () => {
    await start();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fake.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(engineHost.create).not.toHaveBeenCalled();
    expect(state.windows).toEqual([]);
  });

  it('on ready: the host, the protocol, IPC, the menu, then a hidden window on app://tracker-lab', async () => {
    await startReady();
    expect(engineHost.create).toHaveBeenCalledTimes(1);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.ipcMain.handle).toHaveBeenCalledWith(IPC_REQUEST_CHANNEL, expect.any(Function));
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const preload = join(import.meta.dirname, '../../electron/preload/preload.cjs');
    expect(window0().options).toEqual(windowOptions(preload));
    expect(window0().loadURL.mock.calls).toEqual([['app://tracker-lab/index.html']]);
  });

  it('shows the window when it is ready to show', async () => {
    await startReady();
    expect(window0().show).not.toHaveBeenCalled();
    window0().emit('ready-to-show');
    expect(window0().show).toHaveBeenCalledTimes(1);
  });

  it('in development, loads the dev server', async () => {
    fake.app.isPackaged = false;
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    await startReady();
    expect(window0().loadURL.mock.calls).toEqual([['http://localhost:5173']]);
  });

  it('a packaged app ignores ELECTRON_RENDERER_URL', async () => {
    process.env.ELECTRON_RENDERER_URL = 'https://evil.example/';
    await startReady();
    expect(window0().loadURL.mock.calls).toEqual([['app://tracker-lab/index.html']]);
  });

  it('hardens every webContents that is created', async () => {
    await start();
    const contents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: vi.fn(),
      session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
    });
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('says why and exits when the engine cannot start', async () => {
    engineHost.create.mockRejectedValueOnce(new Error('no preset named "x"'));
    await start();
    fake.app.makeReady();
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1));
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
      'Tracker Lab could not start',
      'no preset named "x"',
    );
  });

  it('a second launch focuses the existing window', async () => {
    await startReady();
    fake.app.emit('second-instance');
    expect(window0().focus).toHaveBeenCalledTimes(1);
  });
});

describe('quitting', () => {
  it('quits when the last window closes on Windows and Linux', async () => {
    Object.defineProperty(process, 'platform', { value: 'linux' });
    await startReady();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
  });

  it('stays open when the last window closes on macOS', async () => {
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    await startReady();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).not.toHaveBeenCalled();
  });

  it('closes the engine host before quitting for real', async () => {
    let finishClose: () => void = () => undefined;
    state.hostClose = () => new Promise<void>((resolve) => (finishClose = resolve));
    await startReady();
    const first = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalledTimes(1);
    expect(fake.ipcMain.removeHandler).toHaveBeenCalledWith(IPC_REQUEST_CHANNEL);
    expect(fake.app.quit).not.toHaveBeenCalled();
    finishClose();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    const second = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});

// The Electron main process: one instance, one window, the engine host in this process. Everything here
// is wiring; the pieces it wires (window guards, the app:// protocol, IPC, the menu) live beside it.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { EngineHost } from '../engine/host';
import type { WallClock } from '../engine/playback';
import { installMenu } from './menu';
import { createMenuActions, type MenuEngine } from './menuActions';
import { registerIpc, type IpcRegistration } from './ipc';
import { APP_ENTRY_URL, appUrlPolicy } from './origin';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenWebContents, windowOptions } from './window';

const isDev = !app.isPackaged;
// The dev server only in an unpackaged run: a packaged app never loads a URL taken from the environment.
const devServerUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined;
const isAllowedUrl = appUrlPolicy(devServerUrl);
// Packaged or not, the bundle sits in out/main/ beside out/preload/ and out/renderer/ (inside the asar).
const preloadPath = join(import.meta.dirname, '../preload/preload.cjs');
const rendererRoot = join(import.meta.dirname, '../renderer');
/** How long quitting waits for the engine (its HTTP tracker) to close. */
const CLOSE_TIMEOUT_MS = 2_000;

const wallClock: WallClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

let host: EngineHost | undefined;
let ipc: IpcRegistration | undefined;
let mainWindow: BrowserWindow | undefined;
let hostClosed = false;
let closingHost = false;

function liveWindow(): BrowserWindow | undefined {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  // A page that fails to load still gets a visible window (and the reload menu item).
  win.webContents.once('did-fail-load', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  win.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((err: unknown) => console.error('load failed:', err));
  return win;
}

/** The engine as the menu sees it: requests go through the window's own connection. */
function menuEngine(engineHost: EngineHost, registration: IpcRegistration): MenuEngine {
  // With no window open (macOS), requests use a connection of their own that never says hello.
  let windowless: ReturnType<EngineHost['connect']> | undefined;
  return {
    request: (request) => {
      const win = liveWindow();
      if (win) return registration.request(win.webContents, request);
      windowless ??= engineHost.connect({ send: () => undefined });
      return windowless.request(request);
    },
    events: () => engineHost.current.events(),
    playing: () => engineHost.current.status().playing,
    scenarioName: () => engineHost.current.prepared.scenario.name,
  };
}

async function ready(): Promise<void> {
  host = await EngineHost.create({ wallClock });
  serveRenderer(rendererRoot);
  ipc = registerIpc(ipcMain, host, isAllowedUrl);
  installMenu(
    createMenuActions({
      engine: menuEngine(host, ipc),
      window: liveWindow,
      appName: app.getName(),
      appVersion: app.getVersion(),
      versions: `Electron ${process.versions.electron}\nChromium ${process.versions.chrome}\nNode ${process.versions.node}`,
    }),
    { platform: process.platform, isDev, appName: app.getName() },
  );
  mainWindow = createWindow();
  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open opens one.
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

function start(): void {
  // Both must happen before 'ready': privileged schemes and the sandbox for every renderer.
  registerAppScheme();
  app.enableSandbox();

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAllowedUrl));

  app.on('second-instance', () => {
    const win = liveWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quitting waits (briefly) for the engine to close its tracker, then quits for real.
  app.on('will-quit', (event) => {
    if (!host || hostClosed) return;
    event.preventDefault();
    if (closingHost) return;
    closingHost = true;
    ipc?.dispose();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS));
    Promise.race([host.close(), timeout])
      .catch((err: unknown) => console.error('closing the engine failed:', err))
      .finally(() => {
        hostClosed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(ready)
    .catch((err: unknown) => {
      dialog.showErrorBox('Tracker Lab could not start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}

// A second launch hands over to the first instance (which focuses its window) and exits.
if (app.requestSingleInstanceLock()) start();
else app.quit();

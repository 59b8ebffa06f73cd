// The window's options and the guards on every webContents, with hand-made fakes for Electron.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async (_url: string) => undefined) } }));
vi.mock('electron', () => electron);

import { appUrlPolicy } from '../../electron/main/origin';
import { hardenWebContents, windowOptions } from '../../electron/main/window';

/** A webContents that records its handlers, enough for hardenWebContents. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  let requestHandler:
    ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  let checkHandler: ((wc: unknown, permission: string) => boolean) | undefined;
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    session: {
      setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
    },
  };
  hardenWebContents(contents as unknown as WebContents, appUrlPolicy());
  return {
    /** Emits a navigation-like event; returns whether it was prevented. */
    navigate(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string): boolean {
      const details = { url, preventDefault: vi.fn() };
      emitter.emit(event, details, url);
      return details.preventDefault.mock.calls.length > 0;
    },
    attachWebview(): boolean {
      const event = { preventDefault: vi.fn() };
      emitter.emit('will-attach-webview', event, {}, {});
      return event.preventDefault.mock.calls.length > 0;
    },
    open: (url: string) => openHandler!({ url }),
    requestPermission(permission: string): boolean[] {
      const answers: boolean[] = [];
      requestHandler!(contents, permission, (granted) => answers.push(granted));
      return answers;
    },
    checkPermission: (permission: string) => checkHandler!(contents, permission),
  };
}

beforeEach(() => {
  electron.shell.openExternal.mockClear();
});

describe('windowOptions', () => {
  it('is isolated, sandboxed, without Node, hidden until ready, at least 1280×720', () => {
    expect(windowOptions('/app/out/preload/preload.cjs')).toEqual({
      title: 'Tracker Lab',
      width: 1440,
      height: 900,
      minWidth: 1280,
      minHeight: 720,
      backgroundColor: '#f7f7f5',
      show: false,
      webPreferences: {
        preload: '/app/out/preload/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
      },
    });
  });

  it('leaves webSecurity at its default (on)', () => {
    expect(windowOptions('/p').webPreferences).not.toHaveProperty('webSecurity');
  });
});

describe('hardenWebContents', () => {
  it('prevents navigation to another origin', () => {
    const contents = fakeContents();
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://evil/index.html')).toBe(true);
  });

  it("allows navigation to the app's own pages", () => {
    const contents = fakeContents();
    expect(contents.navigate('will-navigate', 'app://tracker-lab/index.html')).toBe(false);
    expect(contents.navigate('will-navigate', 'app://tracker-lab/')).toBe(false);
  });

  it('guards subframe navigations and server redirects the same way', () => {
    const contents = fakeContents();
    expect(contents.navigate('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-frame-navigate', 'app://tracker-lab/index.html')).toBe(false);
    expect(contents.navigate('will-redirect', 'app://tracker-lab/index.html')).toBe(false);
  });

  it('denies window.open and opens nothing for a link off the allowlist', () => {
    const contents = fakeContents();
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.open('http://www.bittorrent.org/beps/bep_0003.html')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(contents.open('app://tracker-lab/index.html')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies window.open but opens an allowlisted https link in the browser', () => {
    const contents = fakeContents();
    expect(contents.open('https://www.bittorrent.org/beps/bep_0003.html')).toEqual({ action: 'deny' });
    expect(contents.open('https://github.com/')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal.mock.calls).toEqual([
      ['https://www.bittorrent.org/beps/bep_0003.html'],
      ['https://github.com/'],
    ]);
  });

  it('refuses links that only look allowlisted', () => {
    const contents = fakeContents();
    contents.open('https://www.bittorrent.org.evil.example/');
    contents.open('https://github.com@evil.example/');
    contents.open('https://user:pw@github.com/');
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents attaching a webview', () => {
    expect(fakeContents().attachWebview()).toBe(true);
  });

  it('denies every permission request and check', () => {
    const contents = fakeContents();
    expect(contents.requestPermission('media')).toEqual([false]);
    expect(contents.requestPermission('notifications')).toEqual([false]);
    expect(contents.requestPermission('clipboard-read')).toEqual([false]);
    expect(contents.checkPermission('geolocation')).toBe(false);
    expect(contents.checkPermission('fullscreen')).toBe(false);
  });
});

describe('appUrlPolicy', () => {
  it('in a built app, accepts only app://tracker-lab', () => {
    const allowed = appUrlPolicy();
    expect(allowed('app://tracker-lab/index.html')).toBe(true);
    expect(allowed('app://Tracker-Lab/index.html')).toBe(true);
    expect(allowed('app://tracker-lab.evil/index.html')).toBe(false);
    expect(allowed('app://tracker-lab:8080/index.html')).toBe(false);
    expect(allowed('http://localhost:5173/')).toBe(false);
    expect(allowed('not a url')).toBe(false);
  });

  it('in development, also accepts the dev server origin (and no other port)', () => {
    const allowed = appUrlPolicy('http://localhost:5173/');
    expect(allowed('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(allowed('app://tracker-lab/index.html')).toBe(true);
    expect(allowed('http://localhost:5174/')).toBe(false);
    expect(allowed('https://localhost:5173/')).toBe(false);
  });
});

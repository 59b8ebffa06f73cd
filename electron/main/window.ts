// The main window's options and the guards every webContents gets (Electron security checklist:
// isolation + sandbox, no navigation away from the app, no new windows, no webviews, no permissions).
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { openExternalSafely } from './external';
import type { UrlPolicy } from './origin';

/** The renderer's page colour (styles.css `--bg`), so the window doesn't flash white while loading. */
const BACKGROUND = '#f7f7f5';

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Tracker Lab',
    width: 1440,
    height: 900,
    minWidth: 1280,
    minHeight: 720,
    backgroundColor: BACKGROUND,
    // Shown on 'ready-to-show', once the first paint is done.
    show: false,
    webPreferences: {
      preload: preloadPath,
      // Written out although they are the defaults: they are the security model, not a detail.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** Applies the guards to one webContents (main.ts calls it for every one that is created). */
export function hardenWebContents(contents: WebContents, isAllowedUrl: UrlPolicy): void {
  // Navigation in any frame, and server redirects, may only lead to the app's own pages.
  const guard = (details: { url: string; preventDefault(): void }): void => {
    if (!isAllowedUrl(details.url)) details.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);

  // No new windows: allowlisted https links open in the user's browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());

  // The app needs no camera, notifications, geolocation, clipboard reads…: refuse them all.
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

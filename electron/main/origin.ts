// Where the app's own pages come from: the privileged `app://tracker-lab/` scheme in a built app, or
// the electron-vite dev server in development. Navigation, IPC senders and the protocol handler all check against it.

export const APP_SCHEME = 'app';
export const APP_HOST = 'tracker-lab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** A URL is the app's own when it is on the app scheme and host, or on the dev server's origin. */
export type UrlPolicy = (url: string) => boolean;

/** Whether a parsed URL is on app://tracker-lab (Node keeps a non-special scheme's host case as typed). */
export function isAppOrigin(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host.toLowerCase() === APP_HOST;
}

/**
 * The app's own URLs. Node's URL gives `origin === 'null'` for non-special schemes such as `app:`,
 * so the scheme and host are compared instead (as VS Code does for `vscode-file://vscode-app`).
 */
export function appUrlPolicy(devServerUrl?: string): UrlPolicy {
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  return (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    return isAppOrigin(url) || (devOrigin !== null && url.origin === devOrigin);
  };
}

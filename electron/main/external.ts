// Links that may leave the app: only https pages on a short allowlist open in the user's browser.
// Anything else (other schemes, other hosts) is dropped, so a page can't launch arbitrary handlers.
import { shell } from 'electron';

/** Origins whose pages the app links to: the BEPs and the project's sources. */
const EXTERNAL_ORIGINS = ['https://www.bittorrent.org', 'https://github.com'];

export const BEP_INDEX_URL = 'https://www.bittorrent.org/beps/bep_0000.html';

export function isExternalAllowed(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.username === '' && url.password === '' && EXTERNAL_ORIGINS.includes(url.origin);
}

/** Opens an allowlisted link in the default browser; returns whether it did. */
export function openExternalSafely(url: string): boolean {
  if (!isExternalAllowed(url)) return false;
  shell.openExternal(url).catch((err: unknown) => console.error(`could not open ${url}:`, err));
  return true;
}

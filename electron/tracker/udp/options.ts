// BEP 41 announce options, after the 98 fixed bytes: 0x0 EndOfOptions and 0x1 NOP are one byte;
// 0x2 URLData is a length byte and that many bytes of the tracker URL's path and query, and
// successive URLData options are concatenated (so a URL may be longer than 255 bytes). A private
// tracker reads its passkey from there, in either of the forms the HTTP tracker accepts:
// `udp://host:port/<passkey>/announce` or `udp://host:port/announce?passkey=<passkey>`.
import type { Parsed } from '../request';
import { reject } from '../request';
import { parseQuery } from '../http/query';

export const Option = { EndOfOptions: 0x0, NOP: 0x1, URLData: 0x2 } as const;

const PASSKEY_PATH = /^\/([A-Za-z0-9_-]{1,64})\/announce$/;

export interface AnnounceOptions {
  /** The concatenated URLData (path and query, one character per byte), or null when none was sent. */
  urlData: string | null;
}

const NO_OPTIONS: Parsed<AnnounceOptions> = { ok: true, value: { urlData: null } };

/**
 * Reads the options from `from` to the end of the packet. BEP 41 defines only the three types
 * above, and no length for any other, so an unknown type ends the parse: the rest is ignored,
 * as BEP 15 asks ("trackers should not assume packets to be of a certain size").
 */
export function parseAnnounceOptions(bytes: Uint8Array, from: number): Parsed<AnnounceOptions> {
  if (from >= bytes.length) return NO_OPTIONS;
  let urlData: string | null = null;
  let at = from;
  while (at < bytes.length) {
    const type = bytes[at]!;
    if (type === Option.EndOfOptions) break;
    if (type === Option.NOP) {
      at++;
      continue;
    }
    if (type !== Option.URLData) break;
    if (at + 1 >= bytes.length) return reject('truncated BEP 41 URLData option: no length byte', 'options');
    const length = bytes[at + 1]!;
    const end = at + 2 + length;
    if (end > bytes.length) {
      return reject(
        `truncated BEP 41 URLData option: ${length} bytes announced, ${bytes.length - at - 2} sent`,
        'options',
      );
    }
    let text: string = urlData ?? '';
    for (let i = at + 2; i < end; i++) text += String.fromCharCode(bytes[i]!);
    urlData = text;
    at = end;
  }
  return { ok: true, value: { urlData } };
}

export interface UrlDataPasskeys {
  pathPasskey: string | null;
  queryPasskey: string | null;
}

const NO_PASSKEYS: Parsed<UrlDataPasskeys> = { ok: true, value: { pathPasskey: null, queryPasskey: null } };

/** The passkey(s) in the URLData's path (`/<passkey>/announce`) and query (`passkey=`). */
export function passkeyOfUrlData(urlData: string | null): Parsed<UrlDataPasskeys> {
  if (urlData === null || urlData === '/announce') return NO_PASSKEYS;
  const q = urlData.indexOf('?');
  const path = q === -1 ? urlData : urlData.slice(0, q);
  const pathPasskey = PASSKEY_PATH.exec(path)?.[1] ?? null;
  let queryPasskey: string | null = null;
  if (q !== -1) {
    const query = parseQuery(urlData.slice(q + 1));
    if (!query.ok) return reject(`URLData: ${query.reason}`, query.field);
    for (const param of query.params) {
      if (param.name !== 'passkey') continue;
      if (queryPasskey !== null) return reject('duplicate parameter: passkey', 'passkey');
      queryPasskey = String.fromCharCode(...param.value);
    }
  }
  return { ok: true, value: { pathPasskey, queryPasskey } };
}

// Query strings as bytes. info_hash and peer_id are 20 raw bytes, percent-encoded: decoding them as
// UTF-8 text (URLSearchParams, decodeURIComponent) destroys them, so every value is decoded byte-wise.
// Clients disagree on `%xx` case and leave `!()*.-_~[]:` raw; all of that is accepted.

export interface QueryParam {
  name: string;
  value: Uint8Array;
}

export type QueryParseResult =
  { ok: true; params: QueryParam[] } | { ok: false; reason: string; field: string | null };

function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/** Decodes `text[start, end)` byte-wise; null on a malformed escape. `+` is a space (form encoding). */
export function percentDecode(text: string, start = 0, end = text.length): Uint8Array | null {
  let length = 0;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 0x25 /* % */) i += 2;
    length++;
  }
  const out = new Uint8Array(length);
  let o = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x25) {
      if (i + 2 >= end) return null;
      const hi = hexDigit(text.charCodeAt(i + 1));
      const lo = hexDigit(text.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) return null;
      out[o++] = (hi << 4) | lo;
      i += 2;
    } else if (code === 0x2b /* + */) {
      out[o++] = 0x20;
    } else if (code > 0xff) {
      return null; // not a byte: raw non-Latin-1 text never comes from a BitTorrent client
    } else {
      out[o++] = code;
    }
  }
  return out;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Splits and decodes a raw query (without the leading `?`). Empty pieces (`a=1&&b=2`) are skipped. */
export function parseQuery(query: string): QueryParseResult {
  const params: QueryParam[] = [];
  let start = 0;
  while (start <= query.length) {
    let end = query.indexOf('&', start);
    if (end === -1) end = query.length;
    if (end > start) {
      let eq = query.indexOf('=', start);
      if (eq === -1 || eq > end) eq = end;
      const nameBytes = percentDecode(query, start, eq);
      if (nameBytes === null)
        return { ok: false, reason: 'malformed percent-encoding in a parameter name', field: null };
      const name = latin1(nameBytes);
      const value = eq < end ? percentDecode(query, eq + 1, end) : new Uint8Array(0);
      if (value === null) return { ok: false, reason: `malformed percent-encoding in ${name}`, field: name };
      params.push({ name, value });
    }
    start = end + 1;
  }
  return { ok: true, params };
}

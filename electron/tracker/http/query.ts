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

/**
 * A query split into parameters, without decoding the values: the announce path decodes only what it
 * uses, straight from the string. Arrays are reused between calls (the tracker is synchronous), so
 * scanning allocates nothing but the parameter names.
 */
export class QueryScan {
  count = 0;
  names: string[] = [];
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  /** Per value: 0 plain text, 1 has escapes or `+` (decode it). */
  encoded = new Uint8Array(32);

  /** Splits `query`; returns null, or a failure naming the malformed parameter. */
  scan(query: string): { reason: string; field: string | null } | null {
    this.count = 0;
    let start = 0;
    while (start <= query.length) {
      let end = query.indexOf('&', start);
      if (end === -1) end = query.length;
      if (end > start) {
        let eq = query.indexOf('=', start);
        if (eq === -1 || eq > end) eq = end;
        const nameState = classify(query, start, eq);
        if (nameState < 0) return { reason: 'malformed percent-encoding in a parameter name', field: null };
        const name = nameState === 0 ? query.slice(start, eq) : latin1(percentDecode(query, start, eq)!);
        const valueStart = eq < end ? eq + 1 : end;
        const valueState = classify(query, valueStart, end);
        if (valueState < 0) return { reason: `malformed percent-encoding in ${name}`, field: name };
        this.push(name, valueStart, end, valueState);
      }
      start = end + 1;
    }
    return null;
  }

  bytes(query: string, i: number): Uint8Array {
    return percentDecode(query, this.starts[i]!, this.ends[i]!)!;
  }

  /** The value as Latin-1 text (one character per byte). */
  text(query: string, i: number): string {
    return this.encoded[i] === 0 ? query.slice(this.starts[i]!, this.ends[i]!) : latin1(this.bytes(query, i));
  }

  private push(name: string, start: number, end: number, state: number): void {
    const i = this.count++;
    if (i === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const next = make(a.length * 2);
        next.set(a);
        return next;
      };
      this.starts = grow(this.starts, (n) => new Int32Array(n));
      this.ends = grow(this.ends, (n) => new Int32Array(n));
      this.encoded = grow(this.encoded, (n) => new Uint8Array(n));
    }
    this.names[i] = name;
    this.starts[i] = start;
    this.ends[i] = end;
    this.encoded[i] = state;
  }
}

/** 0: plain; 1: has well-formed escapes or `+`; -1: malformed (a bad escape, or a non-byte char). */
function classify(query: string, start: number, end: number): number {
  let state = 0;
  for (let i = start; i < end; i++) {
    const code = query.charCodeAt(i);
    if (code === 0x25) {
      if (i + 2 >= end || hexDigit(query.charCodeAt(i + 1)) < 0 || hexDigit(query.charCodeAt(i + 2)) < 0)
        return -1;
      state = 1;
      i += 2;
    } else if (code === 0x2b) {
      state = 1;
    } else if (code > 0xff) {
      return -1;
    }
  }
  return state;
}

/** Splits and decodes a raw query (without the leading `?`). Empty pieces (`a=1&&b=2`) are skipped. */
export function parseQuery(query: string): QueryParseResult {
  const scan = new QueryScan();
  const failure = scan.scan(query);
  if (failure) return { ok: false, ...failure };
  const params: QueryParam[] = [];
  for (let i = 0; i < scan.count; i++) params.push({ name: scan.names[i]!, value: scan.bytes(query, i) });
  return { ok: true, params };
}

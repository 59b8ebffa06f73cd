// Byte helpers that run anywhere (Node and the sandboxed renderer): no Buffer here.

const HEX = '0123456789abcdef';

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    out += HEX[b >> 4]! + HEX[b & 15]!;
  }
  return out;
}

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new Error(`not a hex string: ${JSON.stringify(hex.slice(0, 48))}`);
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function isHex(text: string, length?: number): boolean {
  return (length === undefined || text.length === length) && /^[0-9a-fA-F]*$/.test(text);
}

/** True when every byte is printable ASCII, so the value reads well as text (peer ids, keys). */
export function isPrintableAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 || b > 0x7e) return false;
  }
  return true;
}

/** A raw value for people: the text when it is printable ASCII, otherwise `0x…` hex. */
export function displayBytes(bytes: Uint8Array): string {
  if (isPrintableAscii(bytes)) {
    let s = '';
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i] as number);
    return s;
  }
  return '0x' + toHex(bytes);
}

export function displayHex(hex: string): string {
  return displayBytes(fromHex(hex));
}

/** Characters BEP 3 clients may leave unescaped in a query value (RFC 3986 unreserved). */
const UNRESERVED = /[A-Za-z0-9.\-_~]/;

/** Percent-encodes every byte outside the unreserved set in upper-case hex, as Transmission 1.32 does in the seed's capture (3.00 sends lower case). */
export function percentEncodeBytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    const ch = String.fromCharCode(b);
    out +=
      b < 0x80 && UNRESERVED.test(ch) ? ch : '%' + HEX[b >> 4]!.toUpperCase() + HEX[b & 15]!.toUpperCase();
  }
  return out;
}

export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) throw new Error(`not ASCII: ${JSON.stringify(text)}`);
    out[i] = code;
  }
  return out;
}

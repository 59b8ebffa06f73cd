// BEP 15 connection ids: proof that the client can receive packets at the address it sends from, so
// a spoofed source address cannot announce (or be used to reflect answers). An id is the first
// 8 bytes of HMAC-SHA256(secret, time window ‖ address ‖ port): the tracker stores nothing, and
// without the secret no one can compute an id for another address (chihaya and aquatic do the
// same with HMAC and BLAKE3; opentracker encrypts with a key that changes every hour).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PeerAddress } from '../address';

/** BEP 15: a client may use a connection id for 1 minute; the tracker should accept it for 2. */
export const CONNECTION_ID_WINDOW_MS = 120_000;
export const CONNECTION_ID_BYTES = 8;
const SECRET_BYTES = 32;

export interface ConnectionIdOptions {
  /** The HMAC key. Omitted: 32 random bytes for this tracker instance (tests inject a fixed one). */
  secret?: Uint8Array;
}

/** Expected ids remembered per window, so a client's next announces cost no HMAC (a bound on memory). */
const CACHE_ENTRIES = 65_536;

/**
 * Ids are issued for the current 2-minute window, and the current and the previous window are
 * accepted: an id lives at least 2 minutes and at most 4, whatever the clock's phase. A client
 * announces many times with one id (every torrent, every retry), so the id expected from an
 * address and port in a window is computed once and remembered for the two windows that accept it.
 */
export class ConnectionIds {
  private readonly secret: Buffer;
  private readonly input = Buffer.alloc(8 + 1 + 16 + 2);
  private cacheWindow = Number.NaN;
  private current = new Map<string, Buffer>();
  private previous = new Map<string, Buffer>();

  constructor(options: ConnectionIdOptions = {}) {
    const secret = options.secret ?? randomBytes(SECRET_BYTES);
    if (secret.length < 16) throw new Error('connection id secret: at least 16 bytes');
    this.secret = Buffer.from(secret);
  }

  /** The id to hand a client that connects from `remote`:`port` at `now` (ms). */
  issue(remote: PeerAddress, port: number, now: number): Uint8Array {
    return Uint8Array.from(this.expected(windowOf(now), remote, port));
  }

  /** Whether `id` (8 bytes) was issued to `remote`:`port` in this window or the previous one. */
  verify(id: Uint8Array, remote: PeerAddress, port: number, now: number): boolean {
    if (id.length !== CONNECTION_ID_BYTES) return false;
    const window = windowOf(now);
    return (
      timingSafeEqual(this.expected(window, remote, port), id) ||
      timingSafeEqual(this.expected(window - 1, remote, port), id)
    );
  }

  /** The id for `remote`:`port` in `window`, from the cache when it holds that window. */
  private expected(window: number, remote: PeerAddress, port: number): Buffer {
    if (window !== this.cacheWindow && window !== this.cacheWindow - 1) this.advance(window);
    const cache = window === this.cacheWindow ? this.current : this.previous;
    const key = `${remote.text}|${port}`;
    let id = cache.get(key);
    if (id === undefined) {
      id = this.compute(window, remote, port);
      if (cache.size < CACHE_ENTRIES) cache.set(key, id);
    }
    return id;
  }

  /** Moves the cache to a new current window; the old current one becomes the previous one. */
  private advance(window: number): void {
    this.previous = window === this.cacheWindow + 1 ? this.current : new Map();
    this.current = new Map();
    this.cacheWindow = window;
  }

  private compute(window: number, remote: PeerAddress, port: number): Buffer {
    const input = this.input;
    input.writeUInt32BE(Math.floor(window / 2 ** 32) >>> 0, 0);
    input.writeUInt32BE(window >>> 0, 4);
    input[8] = remote.family;
    input.fill(0, 9, 25);
    input.set(remote.bytes, 9);
    input.writeUInt16BE(port & 0xffff, 25);
    return createHmac('sha256', this.secret).update(input).digest().subarray(0, CONNECTION_ID_BYTES);
  }
}

function windowOf(now: number): number {
  return Math.floor(now / CONNECTION_ID_WINDOW_MS);
}

// BEP 15 connection ids: an HMAC of the sender's address and port and a 2-minute window, accepted
// in the window it was issued in and the next one (at least 2 minutes, at most 4), and useless to
// anyone else. The clock and the secret are injected, so every boundary is exact.
import { afterEach, describe, expect, it } from 'vitest';
import { parseAddress } from '../../../electron/tracker/address';
import { ConnectionIds } from '../../../electron/tracker/udp/connectionIds';
import {
  announcePacket,
  errorPacket,
  PROTOCOL_ID,
  SECRET,
  startUdpTracker,
  T0,
  type UdpTestTracker,
} from './helpers';

const HOME = parseAddress('127.0.0.1')!;
const ELSEWHERE = parseAddress('10.0.0.9')!;

/** How many 2-minute windows lie between two times. */
function windowGap(from: number, to: number): number {
  return Math.floor(to / 120_000) - Math.floor(from / 120_000);
}

describe('ConnectionIds', () => {
  const ids = new ConnectionIds({ secret: SECRET });

  it('accepts an id 119 s after it was issued and refuses it 241 s after', () => {
    const id = ids.issue(HOME, 40000, T0);
    expect(ids.verify(id, HOME, 40000, T0 + 119_000)).toBe(true);
    expect(ids.verify(id, HOME, 40000, T0 + 241_000)).toBe(false);
  });

  it('lives until the end of the window after the one it was issued in', () => {
    // T0 is 40 s into a window: the id lives 80 s there and the whole next window, 200 s in all.
    const id = ids.issue(HOME, 40000, T0);
    expect(ids.verify(id, HOME, 40000, T0 + 199_999)).toBe(true);
    expect(ids.verify(id, HOME, 40000, T0 + 200_000)).toBe(false);
  });

  it('lives at least 2 minutes even when issued in the last millisecond of a window', () => {
    const lastMs = 8_334 * 120_000 - 1;
    const id = ids.issue(HOME, 40000, lastMs);
    expect(ids.verify(id, HOME, 40000, lastMs + 120_000)).toBe(true);
    expect(ids.verify(id, HOME, 40000, lastMs + 120_001)).toBe(false);
  });

  it("refuses an id issued to another address or another port, or by another tracker's secret", () => {
    const id = ids.issue(HOME, 40000, T0);
    expect(ids.verify(id, ELSEWHERE, 40000, T0)).toBe(false);
    expect(ids.verify(id, HOME, 40001, T0)).toBe(false);
    const other = new ConnectionIds({ secret: new Uint8Array(32).fill(9) });
    expect(other.verify(id, HOME, 40000, T0)).toBe(false);
  });

  it('is never the same for two windows, and never a constant', () => {
    const a = ids.issue(HOME, 40000, T0);
    const b = ids.issue(HOME, 40000, T0 + 120_000);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    const fresh = [new ConnectionIds(), new ConnectionIds()].map((c) => c.issue(HOME, 40000, T0));
    expect(Buffer.from(fresh[0]!).equals(Buffer.from(fresh[1]!))).toBe(false);
  });

  it('gives the same answers from its cache as a fresh instance, however the clock moves', () => {
    const warm = new ConnectionIds({ secret: SECRET });
    const times = [0, 1, 2, 3, -1, 5, 4, 9, 2, 2, 3].map((w) => T0 + w * 120_000 + 17);
    for (const issuedAt of times) {
      for (const now of times) {
        const id = new ConnectionIds({ secret: SECRET }).issue(HOME, 40000, issuedAt);
        expect(Buffer.from(warm.issue(HOME, 40000, issuedAt))).toEqual(Buffer.from(id));
        const fresh = new ConnectionIds({ secret: SECRET }).verify(id, HOME, 40000, now);
        expect(warm.verify(id, HOME, 40000, now)).toBe(fresh);
        expect(fresh).toBe([0, 1].includes(windowGap(issuedAt, now))); // this window or the next
      }
    }
  });

  it('refuses ids of the wrong length', () => {
    expect(ids.verify(new Uint8Array(7), HOME, 40000, T0)).toBe(false);
  });
});

describe('connection ids over UDP', () => {
  const running: UdpTestTracker[] = [];
  afterEach(async () => {
    for (const t of running.splice(0)) await t.close();
  });

  async function connected() {
    const t = await startUdpTracker();
    running.push(t);
    const client = await t.client();
    const connectionId = await client.connect();
    return { t, client, connectionId };
  }

  it('serves an announce 119 s after connect and refuses one 241 s after, changing nothing', async () => {
    const { t, client, connectionId } = await connected();
    t.clock.now = T0 + 119_000;
    const answer = await client.request(announcePacket({ connectionId, transactionId: 1, event: 2 }));
    expect(answer.subarray(0, 8)).toEqual(Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1));
    const before = t.tracker.stats();

    t.clock.now = T0 + 241_000;
    const refused = await client.request(announcePacket({ connectionId, transactionId: 2, event: 3 }));
    expect(refused).toEqual(errorPacket(2, 'unknown or expired connection id'));
    expect(t.tracker.stats()).toEqual(before);
    expect(t.eventsOf('requestFailed').at(-1)).toMatchObject({
      status: 200,
      reason: 'unknown or expired connection id',
      field: 'connection_id',
    });
  });

  it("refuses another client's id: the id is bound to the address and port it was given to", async () => {
    const { t, connectionId } = await connected();
    const thief = await t.client();
    const refused = await thief.request(announcePacket({ connectionId, transactionId: 3, event: 2 }));
    expect(refused).toEqual(errorPacket(3, 'unknown or expired connection id'));
    expect(t.tracker.peerCount).toBe(0);
  });

  it('refuses a forged id, the protocol magic itself, and an id of zeros', async () => {
    const { t, client } = await connected();
    for (const forged of [Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), PROTOCOL_ID, new Uint8Array(8)]) {
      const refused = await client.request(
        announcePacket({ connectionId: forged, transactionId: 4, event: 2 }),
      );
      expect(refused).toEqual(errorPacket(4, 'unknown or expired connection id'));
    }
    expect(t.tracker.peerCount).toBe(0);
  });
});

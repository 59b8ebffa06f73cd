// A hand-written event log, built the way the engine writes one (every event with its seq, an
// announce as announceSent → requestReceived → announceReceived → credit → peer change →
// answered → responseSent → delivered; the tracker's side is in trackerSide.ts), applied to a
// real SwarmModel.
import { asciiBytes, percentEncodeBytes, toHex, fromHex } from '../../../shared/bytes';
import type { LoggedEvent, SimEvent } from '../../../shared/events';
import type { ClientState } from '../../../shared/sim/events';
import { SwarmModel } from '../../../shared/views/model';
import { SEED_INFO_HASH, trackerSide, type AnnounceOptions, type Client } from './trackerSide';

export { SEED_INFO_HASH };

export const SEED_PASSKEY = '3bfa64edd509add1c7516d7a62700366';
/** The seed's first GET, byte for byte (seeds/002). */
export const SEED_FIRST_GET =
  `/${SEED_PASSKEY}/announce?info_hash=%D9%A5%7B%B4%0E%1EZ%F9qS%0D8%B0%BF%26%9Ft%0F%92%F3` +
  '&peer_id=-TR1320-ph6nbw6phum2&port=51413&uploaded=0&downloaded=0&corrupt=0&left=76781572&compact=1' +
  '&numwant=80&key=36vk3vk5rt&event=started';
export const SEED_SIZE = 76_781_572;

export class SwarmLog {
  readonly events: LoggedEvent[] = [];
  readonly clients = new Map<string, Client>();
  t = 0;
  private requestId = 1;
  private announceId = 1;
  private entry = 1;
  private totals = new Map<string, { up: number; down: number }>();

  constructor(readonly size = SEED_SIZE) {
    this.push({
      type: 'simulationStarted',
      t: 0,
      scenario: 'hand-written',
      seed: 1,
      durationMs: 3_600_000,
      torrents: [{ infoHash: SEED_INFO_HASH, name: 'capture.iso', size, pieceSize: 262_144, pieces: 293 }],
    });
  }

  push(e: SimEvent): this {
    this.events.push({ ...e, seq: this.events.length } as LoggedEvent);
    return this;
  }

  at(t: number): this {
    this.t = t;
    return this;
  }

  client(
    name: string,
    o: { user?: string | null; passkey?: string; peerId?: string; left?: number; ip?: string } = {},
  ) {
    const id = this.clients.size;
    const peerId = toHex(asciiBytes(o.peerId ?? `-TR1320-${name.padEnd(12, 'x').slice(0, 12)}`));
    const c: Client = {
      id,
      name,
      ip: o.ip ?? `127.10.0.${id + 2}`,
      port: 51413,
      peerId,
      key: `key${id}`,
      user: o.user === undefined ? name : o.user,
      passkey: o.passkey ?? (o.user === null ? null : `pk${id}`),
      left: o.left ?? this.size,
      entry: null,
      baseline: null,
    };
    this.clients.set(name, c);
    this.push({
      type: 'clientCreated',
      t: this.t,
      clientId: id,
      name,
      group: name,
      profile: 'transmission-1.32',
      infoHash: SEED_INFO_HASH,
      ip: c.ip,
      port: c.port,
      peerId,
      key: c.key,
      user: c.user,
      uploadCapacity: 65_536,
      downloadCapacity: 1_048_576,
      maxConnections: 40,
      size: this.size,
      left: c.left,
    });
    return this;
  }

  state(name: string, state: ClientState, previous: ClientState = 'leeching'): this {
    return this.push({
      type: 'clientStateChanged',
      t: this.t,
      clientId: this.c(name).id,
      state,
      previous,
      cause: state,
    });
  }

  moved(name: string, ip: string): this {
    const c = this.c(name);
    c.ip = ip;
    return this.push({
      type: 'clientIdentityChanged',
      t: this.t,
      clientId: c.id,
      ip,
      port: c.port,
      peerId: c.peerId,
      key: c.key,
      cause: 'ip-change',
    });
  }

  /** Bytes moved by the truth (one progress event). */
  progress(moves: { name: string; up?: number; down?: number; left?: number }[]): this {
    const cs = moves.map((m) => this.c(m.name));
    return this.push({
      type: 'transfersProgressed',
      t: this.t,
      clients: cs.map((c) => c.id),
      uploaded: moves.map((m) => m.up ?? 0),
      downloaded: moves.map((m) => m.down ?? 0),
      left: moves.map((m, i) => (cs[i]!.left = m.left ?? cs[i]!.left)),
    });
  }

  private c(name: string): Client {
    const c = this.clients.get(name);
    if (!c) throw new Error(`no client ${name}`);
    return c;
  }

  target(c: Client, o: AnnounceOptions): string {
    const path = c.passkey === null ? '/announce' : `/${c.passkey}/announce`;
    const event = o.event === 'none' ? '' : `&event=${o.event}`;
    return (
      `${path}?info_hash=${percentEncodeBytes(fromHex(SEED_INFO_HASH))}&peer_id=${percentEncodeBytes(fromHex(c.peerId))}` +
      `&port=${c.port}&uploaded=${o.uploaded ?? 0}&downloaded=${o.downloaded ?? 0}&corrupt=0&left=${o.left ?? c.left}` +
      `&compact=1&numwant=80&key=${c.key}${event}`
    );
  }

  /** One announce, delivered and answered; returns its requestId. */
  announce(name: string, o: AnnounceOptions): number {
    const c = this.c(name);
    const t = this.t;
    const requestId = this.requestId++;
    const announceId = this.announceId++;
    const target = o.target ?? this.target(c, o);
    const uploaded = o.uploaded ?? 0;
    const downloaded = o.downloaded ?? 0;
    const left = o.left ?? c.left;
    this.push({
      type: 'announceSent',
      t,
      clientId: c.id,
      announceId,
      event: o.event,
      target,
      ip: c.ip,
      attempt: 1,
      forced: false,
    });
    this.push({
      type: 'requestReceived',
      t,
      requestId,
      transport: 'http',
      remoteIp: c.ip,
      remotePort: 40000 + c.id,
      method: 'GET',
      target,
    });
    const returns = (o.returns ?? []).map((r) => ({ client: this.c(r.name), reason: r.reason }));
    const next = () => this.entry++;
    for (const e of trackerSide(
      { t, requestId },
      c,
      { ...o, uploaded, downloaded, left },
      returns,
      this.totals,
      next,
    ))
      this.push(e);
    this.push({ type: 'announceDelivered', t, clientId: c.id, announceId, requestId });
    return requestId;
  }

  /** A request the tracker refused with a bencoded failure reason. */
  refused(name: string, target: string, reason: string): number {
    const c = this.c(name);
    const requestId = this.requestId++;
    const body = `d14:failure reason${reason.length}:${reason}e`;
    this.push({
      type: 'requestReceived',
      t: this.t,
      requestId,
      transport: 'http',
      remoteIp: c.ip,
      remotePort: 40000 + c.id,
      method: 'GET',
      target,
    });
    this.push({ type: 'requestFailed', t: this.t, requestId, status: 200, reason, field: null });
    this.push({
      type: 'responseSent',
      t: this.t,
      requestId,
      status: 200,
      bytes: body.length,
      body: btoa(body),
    });
    return requestId;
  }

  /** The tracker's sweep drops a peer it has not heard from. */
  expired(name: string): this {
    const c = this.c(name);
    if (c.entry === null) return this;
    const e = {
      t: this.t,
      requestId: null,
      entry: c.entry,
      infoHash: SEED_INFO_HASH,
      peerId: c.peerId,
      ip: c.ip,
      port: c.port,
      seeder: c.left === 0,
    };
    c.entry = null;
    return this.push({ ...e, type: 'peerRemoved', reason: 'expired', lastSeen: 0 });
  }

  /** Forget the entry so the next announce (from a new address) adds a second one. */
  forgetEntry(name: string): this {
    this.c(name).entry = null;
    return this;
  }

  model(): SwarmModel {
    const m = new SwarmModel();
    m.apply(this.events);
    return m;
  }
}

// Live mode through the host, as the app runs it: the embedded tracker on a real socket beside the
// simulation, a real client's raw HTTP announce from another loopback address, and what follows —
// the request in the log, the peer in the view model marked real and named by its peer_id, and the
// rule that real clients get no simulated peers unless the setting says so.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bencode from 'bencode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineMessage, LiveInfo } from '../../shared/bridge';
import type { LoggedEvent } from '../../shared/events';
import { SwarmModel } from '../../shared/views/model';
import { EngineHost } from '../../electron/engine/host';
import { announceTarget, compactPeers, decodeDict, id20 } from '../tracker/helpers';
import { announcePacket, UdpClient } from '../tracker/udp/helpers';

const wallClock = {
  now: () => performance.now(),
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
};

let host: EngineHost;
let messages: EngineMessage[];
let request: (r: unknown) => Promise<{ ok: boolean; value?: unknown; error?: string }>;

beforeEach(async () => {
  host = await EngineHost.create({ wallClock, preset: 'steady-swarm', batchMs: 5 });
  messages = [];
  const connection = host.connect({ send: (m) => messages.push(m) });
  request = (r) => connection.request(r) as Promise<{ ok: boolean; value?: unknown; error?: string }>;
  await request({ kind: 'hello' });
  // Ten minutes in, as fast as possible: seeders and a few leechers are listed.
  await host.current.advanceTo(10 * 60_000);
});

afterEach(async () => {
  await host.close();
});

function model(): SwarmModel {
  const m = new SwarmModel();
  for (const message of messages) {
    if (message.kind === 'session') m.reset(message.session);
    if (message.kind === 'events') m.apply(message.events);
  }
  m.apply(host.current.events(m.events.length)); // anything not flushed yet
  return m;
}

function infoHash(): Uint8Array {
  return host.current.simulation.ctx.torrents[0]!.infoHash;
}

/** A raw GET from `from` (a loopback address), as a real client sends it. */
function announce(
  port: number,
  from: string,
  params: Parameters<typeof announceTarget>[0],
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    http
      .get(
        {
          host: '127.0.0.1',
          port,
          path: announceTarget({ infoHash: infoHash(), compact: 1, ...params }),
          localAddress: from,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(decodeDict(Buffer.concat(chunks))));
        },
      )
      .on('error', reject);
  });
}

function events(): LoggedEvent[] {
  return host.current.events();
}

describe('live mode in the host', () => {
  it('a real client announces to the live tracker: logged, drawn as a real peer, given only real peers', async () => {
    const reply = await request({ kind: 'setLive', enabled: true, port: 0 });
    expect(reply.ok).toBe(true);
    const live = reply.value as LiveInfo;
    expect(live).toMatchObject({ enabled: true, host: '127.0.0.1', warning: null });
    const port = live.httpPort!;
    expect(live.urls).toEqual([
      { label: 'HTTP', url: `http://127.0.0.1:${port}/announce` },
      { label: 'UDP (BEP 15)', url: `udp://127.0.0.1:${live.udpPort}/announce` },
    ]);
    expect(host.current.status()).toMatchObject({ live: true, playing: true, speed: 1 });

    const before = events().length;
    const first = await announce(port, '127.0.0.2', {
      peerId: id20('-TR3000-abcdefghijkl'),
      port: 51413,
      event: 'started',
      left: 5000,
      numwant: 200,
    });
    // Simulated peers are listed, yet the real client gets none of them.
    expect(compactPeers(first.peers)).toEqual([]);
    const mine = events().slice(before);
    const received = mine.find((e) => e.type === 'requestReceived')!;
    expect(received).toMatchObject({ transport: 'http', remoteIp: '127.0.0.2', method: 'GET' });
    const answered = mine.find((e) => e.type === 'announceAnswered')!;
    expect(answered).toMatchObject({
      requestId: received.requestId,
      peers: [],
      seedersWithheld: 0,
      eligible: 0,
    });

    const second = await announce(port, '127.0.0.3', {
      peerId: id20('-qB4520-mnopqrstuvwx'),
      port: 6881,
      event: 'started',
      left: 0,
      numwant: 200,
    });
    // Real peers go to real peers as usual.
    expect(compactPeers(second.peers)).toEqual(['127.0.0.2:51413']);

    const m = model();
    const real = m.clients.filter((c) => c?.real);
    expect(real.map((c) => [c.name, c.clientLabel, c.state, c.listedAs, c.group])).toEqual([
      ['Transmission 3.00 127.0.0.2:51413', 'Transmission 3.00', 'leeching', 'leecher', 'real clients'],
      ['qBittorrent 4.5.2 127.0.0.3:6881', 'qBittorrent 4.5.2', 'seeding', 'seeder', 'real clients'],
    ]);
    const row = m.request(received.requestId)!;
    expect(row).toMatchObject({
      clientId: real[0]!.id,
      kind: 'announce',
      event: 'started',
      remoteIp: '127.0.0.2',
    });
    // Simulated clients are not marked real, and nobody is drawn twice.
    const simulated = m.clients.filter((c) => c && !c.real);
    expect(simulated.length).toBe(events().filter((e) => e.type === 'clientCreated').length);
    expect(simulated.some((c) => c.name.startsWith('seed'))).toBe(true);
  });

  it('a real client over UDP (BEP 15) is served by the same core and shown the same way', async () => {
    const live = (await request({ kind: 'setLive', enabled: true, port: 0 })).value as LiveInfo;
    const client = await UdpClient.open(live.udpPort!);
    try {
      const connectionId = await client.connect();
      const answer = await client.request(
        announcePacket({
          connectionId,
          infoHash: infoHash(),
          peerId: id20('-DE13F0-udpclient001'),
          event: 2,
          port: 6881,
        }),
      );
      const view = new DataView(answer.buffer, answer.byteOffset, answer.byteLength);
      // action 1 (announce), then interval, leechers, seeders, and no peers: the simulated ones are withheld.
      expect(view.getUint32(0)).toBe(1);
      expect(answer.length).toBe(20);
    } finally {
      await client.close();
    }
    const m = model();
    const real = m.clients.filter((c) => c?.real);
    expect(real.map((c) => [c.name, c.state])).toEqual([['Deluge 1.3.15 127.0.0.1:6881', 'leeching']]);
    expect(m.requests.filter((r) => r.clientId === real[0]!.id).map((r) => [r.transport, r.event])).toEqual([
      ['udp', 'started'],
    ]);
  });

  it('with simulatedPeersToRealClients on, a real client gets the simulated peers too', async () => {
    const live = (await request({ kind: 'setLive', enabled: true, port: 0 })).value as LiveInfo;
    await request({
      kind: 'command',
      command: { type: 'setTrackerSettings', settings: { simulatedPeersToRealClients: true } },
    });
    const answer = await announce(live.httpPort!, '127.0.0.2', {
      peerId: id20('-TR3000-abcdefghijkl'),
      port: 51413,
      event: 'started',
      left: 5000,
      numwant: 200,
    });
    const listed = model()
      .clients.filter((c) => c && !c.real && c.listedEntries.size > 0)
      .map((c) => `${c.ip}:${c.port}`)
      .sort();
    expect(listed.length).toBeGreaterThan(3);
    expect(compactPeers(answer.peers).sort()).toEqual(listed);
  });

  it('refuses seeking and other speeds while live; off closes the socket', async () => {
    const live = (await request({ kind: 'setLive', enabled: true, port: 0 })).value as LiveInfo;
    expect(await request({ kind: 'command', command: { type: 'setSpeed', speed: 60 } })).toEqual({
      ok: false,
      error: 'live mode runs at 1× real time: switch it off to change the speed',
    });
    expect(await request({ kind: 'command', command: { type: 'seek', to: 0 } })).toEqual({
      ok: false,
      error: 'live mode runs at 1× real time: switch it off to seek',
    });
    expect(await request({ kind: 'fork', at: 0 })).toEqual({
      ok: false,
      error: 'live mode runs at 1× real time: switch it off to seek',
    });
    expect(await request({ kind: 'command', command: { type: 'step' } })).toEqual({
      ok: false,
      error: 'live mode runs at 1× real time: switch it off to step',
    });
    const off = await request({ kind: 'setLive', enabled: false });
    expect(off).toEqual({
      ok: true,
      value: { enabled: false, host: '127.0.0.1', httpPort: null, udpPort: null, urls: [], warning: null },
    });
    expect(host.current.status().live).toBeUndefined();
    await expect(announce(live.httpPort!, '127.0.0.2', { event: 'started' })).rejects.toThrow(/ECONNREFUSED/);
    expect(await request({ kind: 'setLive', enabled: true, host: 'my laptop' })).toEqual({
      ok: false,
      error: 'host must be an IP address or localhost, got "my laptop"',
    });
    expect(await request({ kind: 'setLive', enabled: true, port: 70000 })).toMatchObject({ ok: false });
  });

  it('taking the simulated tracker down closes the live socket too; bringing it up reopens it', async () => {
    const live = (await request({ kind: 'setLive', enabled: true, port: 0 })).value as LiveInfo;
    const client = { peerId: id20('-TR3000-abcdefghijkl'), event: 'started' as const };
    expect((await request({ kind: 'command', command: { type: 'stopTracker' } })).ok).toBe(true);
    await expect
      .poll(() =>
        announce(live.httpPort!, '127.0.0.2', client).then(
          () => 'served',
          (e: Error) => e.message,
        ),
      )
      .toMatch(/ECONNREFUSED/);
    expect(((await request({ kind: 'getLive' })).value as LiveInfo).httpPort).toBe(live.httpPort);
    expect((await request({ kind: 'command', command: { type: 'startTracker' } })).ok).toBe(true);
    await expect
      .poll(() =>
        announce(live.httpPort!, '127.0.0.2', client).then(
          () => 'served',
          (e: Error) => e.message,
        ),
      )
      .toBe('served');
  });

  it('a new scenario takes the live socket over on the same port', async () => {
    const live = (await request({ kind: 'setLive', enabled: true, port: 0 })).value as LiveInfo;
    expect((await request({ kind: 'loadPreset', name: 'flash-crowd' })).ok).toBe(true);
    expect(((await request({ kind: 'getLive' })).value as LiveInfo).httpPort).toBe(live.httpPort);
    expect(host.current.status()).toMatchObject({ live: true, playing: true, speed: 1 });
    const answer = await announce(live.httpPort!, '127.0.0.2', {
      event: 'started',
      peerId: id20('-TR3000-zzzzzzzzzzzz'),
    });
    expect(answer).toMatchObject({ complete: expect.any(Number), incomplete: expect.any(Number) });
    expect(events().some((e) => e.type === 'requestReceived' && e.remoteIp === '127.0.0.2')).toBe(true);
  });

  it('makes a .torrent beside the content, announcing to the live tracker', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracker-lab-live-'));
    try {
      await writeFile(join(dir, 'slides.pdf'), Buffer.alloc(40_000, 7));
      expect(await request({ kind: 'createTorrent', path: join(dir, 'slides.pdf') })).toEqual({
        ok: false,
        error: 'switch live mode on first (the .torrent announces to it), or give an announce URL',
      });
      expect(await request({ kind: 'createTorrent', path: 'slides.pdf' })).toEqual({
        ok: false,
        error: 'give the full path of a file or folder, got slides.pdf',
      });
      const live = (await request({ kind: 'setLive', enabled: true, port: 0 })).value as LiveInfo;
      const reply = await request({ kind: 'createTorrent', path: join(dir, 'slides.pdf') });
      expect(reply).toMatchObject({
        ok: true,
        value: {
          file: join(dir, 'slides.pdf.torrent'),
          name: 'slides.pdf',
          announce: live.urls[0]!.url,
          pieces: 3,
          pieceLength: 16_384,
          totalLength: 40_000,
          private: false,
        },
      });
      const torrent = bencode.decode(await readFile(join(dir, 'slides.pdf.torrent')));
      expect(Buffer.from(torrent.announce).toString()).toBe(`http://127.0.0.1:${live.httpPort}/announce`);
      expect(await request({ kind: 'createTorrent', path: join(dir, 'missing') })).toEqual({
        ok: false,
        error: `no such file or folder: ${join(dir, 'missing')}`,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

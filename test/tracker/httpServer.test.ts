// The node:http adapter on 127.0.0.1, port 0, with an injected clock: real requests, keep-alive,
// the seed's exact request line, and the limits that protect a real server.
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrackerEvent } from '../../shared/tracker/events';
import type { TrackerSettings, TrackerUser } from '../../shared/tracker/settings';
import { TrackerHttpServer, type TrackerHttpServerOptions } from '../../electron/tracker/http/server';
import { Tracker } from '../../electron/tracker/tracker';
import { announceTarget, bytesOf, id20 } from './helpers';

const open: TrackerHttpServer[] = [];

afterEach(async () => {
  for (const server of open.splice(0)) {
    server.abortConnections();
    await server.close();
  }
});

async function startTracker(
  settings: Partial<TrackerSettings> = {},
  users: TrackerUser[] = [],
  options: Partial<TrackerHttpServerOptions> = {},
) {
  const events: TrackerEvent[] = [];
  const clock = { now: 1_000_000 };
  const tracker = new Tracker({ settings, users, seed: 7, onEvent: (e) => events.push(e) });
  const server = new TrackerHttpServer({ tracker, clock: () => clock.now, sweep: false, ...options });
  open.push(server);
  const { port } = await server.listen(0, '127.0.0.1');
  return { tracker, server, port, events, clock };
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  reusedSocket: boolean;
  localPort: number;
}

function request(
  port: number,
  path: string,
  options: { method?: string; agent?: http.Agent } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path,
      method: options.method ?? 'GET',
      agent: options.agent,
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      const localPort = res.socket.localPort ?? 0;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          reusedSocket: req.reusedSocket,
          localPort,
        }),
      );
    });
    req.end();
  });
}

/** Writes raw bytes on a new connection and collects everything until the server closes it. */
function raw(
  port: number,
  bytes: string,
  onConnect?: (socket: net.Socket) => void,
): Promise<{ text: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(bytes, 'latin1');
      onConnect?.(socket);
    });
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve({ text, ms: Date.now() - started }));
  });
}

const SEED_TARGET =
  '/3bfa64edd509add1c7516d7a62700366/announce?info_hash=%D9%A5%7B%B4%0E%1EZ%F9qS%0D8%B0%BF%26%9Ft%0F%92%F3' +
  '&peer_id=-TR1320-ph6nbw6phum2&port=51413&uploaded=0&downloaded=0&corrupt=0&left=76781572&compact=1' +
  '&numwant=80&key=36vk3vk5rt&event=started';

describe('TrackerHttpServer', () => {
  it("answers the seed's exact Transmission 1.32 request on a private tracker", async () => {
    const { port, events } = await startTracker({ private: true }, [
      { passkey: '3bfa64edd509add1c7516d7a62700366', name: 'alice' },
    ]);
    const { text } = await raw(
      port,
      `GET ${SEED_TARGET} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    );
    const body =
      'd8:completei0e10:downloadedi0e10:incompletei1e8:intervali1800e12:min intervali900e5:peers0:e';
    expect(text.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(text).toContain('\r\ncontent-type: text/plain\r\n');
    expect(text).toContain(`\r\ncontent-length: ${body.length}\r\n`);
    expect(text.endsWith(`\r\n\r\n${body}`)).toBe(true);

    expect(events.find((e) => e.type === 'requestReceived')).toMatchObject({
      transport: 'http',
      method: 'GET',
      target: SEED_TARGET,
      remoteIp: '127.0.0.1',
      t: 1_000_000,
    });
    expect(events.find((e) => e.type === 'announceReceived')).toMatchObject({
      infoHash: 'd9a57bb40e1e5af971530d38b0bf269f740f92f3',
      peerId: Buffer.from('-TR1320-ph6nbw6phum2', 'latin1').toString('hex'),
      ip: '127.0.0.1',
      port: 51413,
      event: 'started',
      uploaded: 0,
      downloaded: 0,
      left: 76781572,
      corrupt: 0,
      numwant: 80,
      compact: true,
      key: Buffer.from('36vk3vk5rt', 'latin1').toString('hex'),
      passkey: '3bfa64edd509add1c7516d7a62700366',
      user: 'alice',
      t: 1_000_000,
    });
  });

  it('serves two requests over one keep-alive socket', async () => {
    const { port, events } = await startTracker();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await request(port, announceTarget({ peerId: id20('A') }), { agent });
      const second = await request(port, announceTarget({ peerId: id20('B') }), { agent });
      expect([first.status, second.status]).toEqual([200, 200]);
      expect([first.reusedSocket, second.reusedSocket]).toEqual([false, true]);
      expect(second.localPort).toBe(first.localPort);
      const remotePorts = events.flatMap((e) => (e.type === 'requestReceived' ? [e.remotePort] : []));
      expect(remotePorts).toEqual([first.localPort, first.localPort]);
      expect(second.body).toEqual(
        Buffer.from(
          bytesOf(
            'd8:completei0e10:downloadedi0e10:incompletei2e8:intervali1800e12:min intervali900e5:peers6:',
            Uint8Array.from([127, 0, 0, 1, 0xc8, 0xd5]),
            'e',
          ),
        ),
      );
    } finally {
      agent.destroy();
    }
  });

  it('answers HEAD with the headers of GET, the same content-length, and no body', async () => {
    const { port } = await startTracker();
    const target = announceTarget({ peerId: id20('A') });
    const get = await request(port, target);
    const head = await request(port, target, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/plain');
    expect(Number(get.headers['content-length'])).toBe(get.body.length);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.body.length).toBe(0);
  });

  it('answers POST with 405 and Allow, and an unknown path with 404', async () => {
    const { port } = await startTracker();
    const post = await request(port, announceTarget(), { method: 'POST' });
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
    expect((await request(port, '/nope')).status).toBe(404);
  });

  it('answers a request target over 8192 bytes with 414', async () => {
    const { port } = await startTracker();
    const reply = await request(port, announceTarget() + '&pad=' + 'x'.repeat(8192));
    expect(reply.status).toBe(414);
  });

  it('refuses an oversized header with 431 and closes the connection', async () => {
    const { port } = await startTracker();
    const { text } = await raw(
      port,
      `GET /announce HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`,
    );
    expect(text).toBe(
      'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
    );
  });

  it('cuts off a slow client that never finishes its headers, with 408', async () => {
    const { port, events } = await startTracker({}, [], { headersTimeoutMs: 300 });
    const { text, ms } = await raw(port, 'GET /announce?info_hash=');
    expect(text).toBe('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(3000);
    expect(events).toEqual([]); // the request never reached the tracker
  });

  it('abortConnections() closes idle keep-alive sockets and requests in flight', async () => {
    const { port, server } = await startTracker();
    const agent = new http.Agent({ keepAlive: true });
    try {
      await request(port, announceTarget(), { agent }); // leaves one idle keep-alive socket
      let resolveHalf: () => void = () => undefined;
      const halfSent = new Promise<void>((resolve) => (resolveHalf = resolve));
      const inFlight = raw(port, 'GET /announce HTTP/1.1\r\nHost: x\r\n', () => setTimeout(resolveHalf, 50));
      await halfSent;
      const idleClosed = new Promise<void>((resolve) => {
        const socket = (Object.values(agent.freeSockets)[0] ?? [])[0];
        if (!socket) throw new Error('no idle socket');
        socket.once('close', () => resolve());
      });
      expect(server.abortConnections()).toBe(2);
      await idleClosed;
      expect((await inFlight).text).toBe('');
    } finally {
      agent.destroy();
    }
  });

  it('sweeps on a timer using the injected clock', async () => {
    const { port, tracker, events, clock } = await startTracker({ peerTimeout: 60, sweepInterval: 1 }, [], {
      sweep: true,
    });
    clock.now = 0;
    await request(port, announceTarget());
    expect(tracker.peerCount).toBe(1);
    clock.now = 60_000; // exactly one peer timeout later, by the injected clock
    const removed = await new Promise<TrackerEvent>((resolve) => {
      const check = setInterval(() => {
        const e = events.find((x) => x.type === 'peerRemoved');
        if (e) {
          clearInterval(check);
          resolve(e);
        }
      }, 20);
    });
    expect(removed).toMatchObject({ reason: 'expired', lastSeen: 0, t: 60_000 });
    expect(tracker.peerCount).toBe(0);
  });
});

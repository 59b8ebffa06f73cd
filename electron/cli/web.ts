// `npm run web -- [--port P] [--host H] [--preset NAME] [--transport inproc|http]`: browser mode.
// The same engine as the desktop app, in Node, serving the built renderer and a WebSocket on
// 127.0.0.1 that carries the same messages as the Electron IPC bridge.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SocketClientFrame } from '../../shared/bridge';
import { EngineHost } from '../engine/host';
import { bridgeRequestAllowed } from './webOrigin';
import { findPreset } from '../sim/presets';

const usage = `Usage: npm run web -- [--port P] [--host 127.0.0.1] [--preset NAME] [--transport inproc|http]
  --port 0 picks a free port (the real one is printed).`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}

const MAX_FRAME_BYTES = 16 * 1024 * 1024;

async function main(): Promise<void> {
  let values;
  try {
    values = parseArgs({
      options: {
        port: { type: 'string', default: '5173' },
        host: { type: 'string', default: '127.0.0.1' },
        preset: { type: 'string', default: 'anatomy-of-a-session' },
        transport: { type: 'string', default: 'inproc' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(usage + '\n');
    return;
  }
  if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) fail('--port must be 0–65535');
  if (values.transport !== 'inproc' && values.transport !== 'http')
    fail('--transport must be inproc or http');
  if (!findPreset(values.preset)) fail(`no preset named "${values.preset}" (see npm run sim -- list)`);
  const root = resolve(import.meta.dirname, '../../out/renderer');
  if (!existsSync(resolve(root, 'index.html'))) fail('the renderer is not built: run `npm run build` first');

  const host = await EngineHost.create({
    preset: values.preset,
    transport: values.transport,
    wallClock: {
      now: () => performance.now(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    },
  });
  const serveStatic = sirv(root, { etag: true, single: false });
  const server = createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    serveStatic(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  const sockets = new WebSocketServer({ server, path: '/bridge', maxPayload: MAX_FRAME_BYTES });
  sockets.on('connection', (socket: WebSocket, req) => {
    // Only pages served by this server, by one of this machine's names, may drive the engine.
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : -1;
    if (!bridgeRequestAllowed(req.headers, port)) {
      socket.close(1008, 'origin not allowed');
      return;
    }
    const send = (frame: unknown): void => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
    };
    const connection = host.connect({ send });
    socket.on('message', (data) => {
      let frame: SocketClientFrame;
      try {
        frame = JSON.parse(String(data)) as SocketClientFrame;
      } catch {
        return send({ kind: 'reply', id: -1, ok: false, error: 'not JSON' });
      }
      const id = typeof frame === 'object' && frame !== null && Number.isInteger(frame.id) ? frame.id : -1;
      void connection.request(frame?.request).then((reply) => send({ kind: 'reply', id, ...reply }));
    });
    socket.on('close', () => connection.close());
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(Number(values.port), values.host, () => resolveListen());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : Number(values.port);
  const shownHost = values.host.includes(':') ? `[${values.host}]` : values.host;
  process.stdout.write(`Tracker Lab (browser mode) at http://${shownHost}:${port}/\n`);
  if (values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
    process.stdout.write(
      'WARNING: listening beyond loopback: anyone who can reach this address can drive the engine.\n',
    );
  }

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    for (const client of sockets.clients) client.terminate();
    sockets.close();
    server.close();
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();

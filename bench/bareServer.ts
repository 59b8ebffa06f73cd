// Benchmark child: the baseline. A bare node:http server with the tracker's server options and
// headers that answers every request with one fixed body: a real 50-peer compact announce response
// taken from the tracker, so both servers put the same bytes on the wire.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { argValue, cpuSeconds, reply, serveCommands } from './childProtocol';

const body = Buffer.from(argValue('body'), 'base64');
/** Calibration: busy work per request, to show what a fixed cost does to throughput on this setup. */
const spinMs = Number(argValue('spin-us', '0')) / 1000;

// The same limits TrackerHttpServer sets (electron/tracker/http/server.ts), so only the work differs.
const server = createServer(
  {
    maxHeaderSize: 16 * 1024,
    headersTimeout: 10_000,
    requestTimeout: 15_000,
    keepAliveTimeout: 30_000,
    connectionsCheckingInterval: 1_000,
  },
  (req, res) => {
    if (spinMs > 0) {
      const until = performance.now() + spinMs;
      while (performance.now() < until);
    }
    req.resume();
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  },
);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

serveCommands({ stats: () => ({ cpuSeconds: cpuSeconds(), memory: process.memoryUsage() }) });
reply({ ready: true, port: (server.address() as AddressInfo).port, bodyBytes: body.length });

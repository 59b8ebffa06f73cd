// `npm run tracker -- [options]`: the embedded tracker alone, on a real socket, with the wall clock
// (always live: real time, real clients). `npm run tracker -- make-torrent …` makes a .torrent for it.
import { networkInterfaces } from 'node:os';
import { parseArgs } from 'node:util';
import {
  selectionStrategyNames,
  trackerSettingsSchema,
  type TrackerSettings,
} from '../../shared/tracker/settings';
import { describeIssues, defaultTrackerSettings } from '../../shared/tracker/settings';
import { presetSettings, trackerPresetNames, type TrackerPresetName } from '../../shared/tracker/presets';
import { TrackerHttpServer } from '../tracker/http/server';
import { Tracker } from '../tracker/tracker';
import { TrackerUdpServer } from '../tracker/udp/server';
import { exposureWarning, reachableAddresses, validBindHost } from '../live/bindAddress';
import { makeTorrentCommand } from './makeTorrent';
import { requestLogger } from './requestLog';
import { announceUrls, endpointList, type UdpEndpoint } from './urls';

const usage = `Usage: npm run tracker -- [options]
       npm run tracker -- make-torrent <file or folder> [--announce URL] [--out FILE]

  --live                real time, real clients (the standalone tracker always is; accepted for symmetry
                        with the app's live switch)
  --host ADDR           interface to bind (default 127.0.0.1, loopback: this machine only; 0.0.0.0 or
                        another address lets the network in, with a warning)
  --port N              port (default 6969; 0 picks a free one)
  --udp-port N          UDP tracker port (BEP 15; default: the HTTP port's number)
  --udp6-host ADDR      a second UDP socket for IPv6 clients (default ::1 beside the default
                        --host 127.0.0.1, :: beside 0.0.0.0)
  --no-udp              no UDP tracker
  --no-udp6             no IPv6 UDP socket
  --private             private mode: passkeys required, per-user credit
  --passkey KEY         register a user with this passkey (repeatable; implies --private)
  --interval S          announce interval in seconds
  --min-interval S      min interval in seconds
  --peer-timeout S      seconds before a silent peer is removed
  --numwant-max N       cap on peers per response
  --selection NAME      ${selectionStrategyNames.join(' | ')}
  --preset NAME         ${trackerPresetNames.join(' | ')}
  --seed N              PRNG seed (peer selection, interval jitter)
  --quiet               no per-request log lines
  --help`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}

function whole(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) fail(`--${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

function parse(): {
  host: string;
  port: number;
  /** null: no UDP tracker; port null: the HTTP port's number. */
  udp: { port: number | null; host6: string | null; host6Given: boolean } | null;
  settings: TrackerSettings;
  passkeys: string[];
  seed: number;
  quiet: boolean;
} {
  let args;
  try {
    args = parseArgs({
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        live: { type: 'boolean', default: false },
        port: { type: 'string', default: '6969' },
        'udp-port': { type: 'string' },
        'udp6-host': { type: 'string' },
        'no-udp': { type: 'boolean', default: false },
        'no-udp6': { type: 'boolean', default: false },
        private: { type: 'boolean', default: false },
        passkey: { type: 'string', multiple: true, default: [] },
        interval: { type: 'string' },
        'min-interval': { type: 'string' },
        'peer-timeout': { type: 'string' },
        'numwant-max': { type: 'string' },
        selection: { type: 'string' },
        preset: { type: 'string' },
        seed: { type: 'string', default: '1' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    fail((err as Error).message);
  }
  if (args.help) {
    process.stdout.write(usage + '\n');
    process.exit(0);
  }
  let base = defaultTrackerSettings;
  if (args.preset !== undefined) {
    if (!(trackerPresetNames as string[]).includes(args.preset)) fail(`unknown --preset ${args.preset}`);
    base = presetSettings(args.preset as TrackerPresetName);
  }
  const given: [string, unknown][] = [
    ['interval', whole('interval', args.interval)],
    ['minInterval', whole('min-interval', args['min-interval'])],
    ['peerTimeout', whole('peer-timeout', args['peer-timeout'])],
    ['numwantMax', whole('numwant-max', args['numwant-max'])],
    ['selection', args.selection],
    ['private', args.private || args.passkey.length > 0 ? true : undefined],
  ];
  const patch: Record<string, unknown> = Object.fromEntries(given.filter(([, value]) => value !== undefined));
  if (typeof patch.numwantMax === 'number' && patch.numwantMax < base.numwantDefault) {
    patch.numwantDefault = patch.numwantMax;
  }
  const settings = trackerSettingsSchema.safeParse({ ...base, ...patch });
  if (!settings.success) fail(describeIssues(settings.error, 'option'));
  if (!validBindHost(args.host))
    fail(`--host must be an IP address or localhost, got ${JSON.stringify(args.host)}`);
  const port = whole('port', args.port)!;
  if (port > 65535) fail('--port must be at most 65535');
  const udpPort = whole('udp-port', args['udp-port']) ?? null;
  if (udpPort !== null && udpPort > 65535) fail('--udp-port must be at most 65535');
  const host6 = args['no-udp6'] ? null : (args['udp6-host'] ?? defaultUdp6Host(args.host));
  if (host6 !== null && !host6.includes(':')) fail(`--udp6-host must be an IPv6 address, got ${host6}`);
  return {
    host: args.host,
    port,
    udp: args['no-udp']
      ? null
      : { port: udpPort, host6, host6Given: args['udp6-host'] !== undefined && !args['no-udp6'] },
    settings: settings.data,
    passkeys: args.passkey,
    seed: whole('seed', args.seed)!,
    quiet: args.quiet,
  };
}

/** The IPv6 twin of the IPv4 host for the second UDP socket, or null when there is none to guess. */
function defaultUdp6Host(host: string): string | null {
  if (host === '127.0.0.1') return '::1';
  if (host === '0.0.0.0') return '::';
  return null;
}

async function main(): Promise<void> {
  if (process.argv[2] === 'make-torrent') {
    const code = await makeTorrentCommand(process.argv.slice(3), {
      out: (line) => void process.stdout.write(line + '\n'),
      err: (text) => void process.stderr.write(text),
      now: () => Date.now(),
    });
    process.exit(code);
  }
  const options = parse();
  // Said before binding, so it is seen even when the bind fails.
  const warning = exposureWarning(options.host);
  if (warning !== null) process.stderr.write(warning + '\n');
  const clock = (): number => Date.now();
  const log = (line: string): void => void process.stdout.write(line + '\n');
  let tracker: Tracker;
  try {
    tracker = new Tracker({
      settings: options.settings,
      users: options.passkeys.map((passkey, i) => ({ passkey, name: `user${i + 1}` })),
      seed: options.seed,
      onEvent: options.quiet ? undefined : requestLogger(log, clock),
    });
  } catch (err) {
    fail((err as Error).message);
  }
  const server = new TrackerHttpServer({ tracker, clock });
  let address;
  try {
    address = await server.listen(options.port, options.host);
  } catch (err) {
    process.stderr.write(`cannot listen on ${options.host}:${options.port}: ${(err as Error).message}\n`);
    process.exit(1);
  }
  // The HTTP server runs the expiry sweep; the UDP server beside it does not (one sweep is enough).
  const udpServer = options.udp ? new TrackerUdpServer({ tracker, clock, sweep: false }) : null;
  const udpEndpoints: UdpEndpoint[] = [];
  if (udpServer && options.udp) {
    const udpPort = options.udp.port ?? address.port;
    try {
      udpEndpoints.push(await udpServer.listen(udpPort, options.host));
    } catch (err) {
      process.stderr.write(`cannot listen on UDP ${options.host}:${udpPort}: ${(err as Error).message}\n`);
      process.exit(1);
    }
    const host6 = options.udp.host6;
    if (host6 !== null && host6 !== options.host) {
      try {
        udpEndpoints.push(await udpServer.listenIPv6(udpEndpoints[0]!.port, host6));
      } catch (err) {
        const message = `cannot listen on UDP [${host6}]:${udpEndpoints[0]!.port}: ${(err as Error).message}`;
        if (options.udp.host6Given) {
          process.stderr.write(message + '\n');
          process.exit(1);
        }
        log(`${message}; serving UDP over IPv4 only`);
      }
    }
  }
  // Handlers before the URLs are printed: whoever reads a URL may already send SIGTERM.
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping (${tracker.peerCount} peers in ${tracker.torrentCount} torrents)`);
    void Promise.all([server.close(), udpServer?.close()]).then(() => process.exit(0));
    server.abortConnections();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const s = tracker.settings;
  log(`Tracker Lab tracker listening on ${address.address}:${address.port}`);
  if (udpEndpoints.length > 0) log(`UDP tracker (BEP 15) listening on ${endpointList(udpEndpoints)}`);
  for (const line of announceUrls(
    address.address,
    address.port,
    s.private ? options.passkeys : [],
    udpEndpoints,
  ))
    log(line);
  // Bound to every interface: the URLs other machines use.
  const interfaces = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  for (const lan of reachableAddresses(options.host, interfaces)) {
    const udp4 = udpEndpoints
      .filter((e) => !e.address.includes(':'))
      .map((e) => ({ address: lan, port: e.port }));
    for (const line of announceUrls(lan, address.port, s.private ? options.passkeys : [], udp4))
      log(`from the network: ${line}`);
  }
  log(
    `interval ${s.interval} s, min interval ${s.minInterval} s, peer timeout ${s.peerTimeout} s, ` +
      `numwant ${s.numwantDefault}/${s.numwantMax}, selection ${s.selection}${s.private ? ', private' : ''}`,
  );
}

void main();
